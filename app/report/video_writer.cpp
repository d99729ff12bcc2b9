#include "report/video_writer.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cctype>

#include "report/pending_file.h"

namespace atelier::report {

namespace {

std::string AvError(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  return text;
}

class FfmpegVideoWriter final : public VideoWriter {
 public:
  FfmpegVideoWriter(const std::filesystem::path& path, const VideoSpec& spec) : m_file(path), m_target(path.string()), m_spec(spec) {}

  ~FfmpegVideoWriter() override {
    if (m_format) {
      if (m_format->pb) avio_closep(&m_format->pb);
      avformat_free_context(m_format);
    }
    avcodec_free_context(&m_codec);
    av_frame_free(&m_frame);
    av_packet_free(&m_packet);
    sws_freeContext(m_scaler);
    // m_file's destructor removes the temporary file unless Finish committed it.
  }

  core::Status Start(VideoCodec codec) {
    if (core::Status opened = m_file.Open(); !opened.ok()) return opened;
    const bool h264 = codec == VideoCodec::H264;
    const char* encoder_name = h264 ? "libx264" : "libvpx-vp9";
    const AVCodec* encoder = avcodec_find_encoder_by_name(encoder_name);
    if (!encoder)
      return Fail(std::string("FFmpeg has no ") + encoder_name + " encoder (install libavcodec59 from Debian)");
    if (int e = avformat_alloc_output_context2(&m_format, nullptr, h264 ? "mp4" : "webm", nullptr); e < 0)
      return Fail("cannot set up the " + std::string(h264 ? "MP4" : "WebM") + " container: " + AvError(e));
    m_codec = avcodec_alloc_context3(encoder);
    m_stream = avformat_new_stream(m_format, nullptr);
    m_frame = av_frame_alloc();
    m_packet = av_packet_alloc();
    if (!m_codec || !m_stream || !m_frame || !m_packet) return Fail("out of memory");
    m_codec->width = m_spec.width;
    m_codec->height = m_spec.height;
    m_codec->time_base = AVRational{1, m_spec.fps};
    m_codec->framerate = AVRational{m_spec.fps, 1};
    m_codec->pix_fmt = AV_PIX_FMT_YUV420P;
    m_codec->gop_size = m_spec.fps * 2;  // a key frame every 2 s: seeking in a player stays quick
    m_codec->thread_count = 0;           // as many as the machine has
    if (m_format->oformat->flags & AVFMT_GLOBALHEADER) m_codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary* settings = nullptr;
    if (h264) {
      // A board is flat colours and text on still paper: quick presets lose nothing visible.
      av_dict_set(&settings, "preset", "veryfast", 0);
      av_dict_set(&settings, "crf", "23", 0);
    } else {
      av_dict_set(&settings, "deadline", "realtime", 0);
      av_dict_set(&settings, "cpu-used", "8", 0);
      av_dict_set(&settings, "row-mt", "1", 0);
      av_dict_set(&settings, "crf", "32", 0);
      av_dict_set(&settings, "b", "0", 0);
    }
    const int opened = avcodec_open2(m_codec, encoder, &settings);
    av_dict_free(&settings);
    if (opened < 0) return Fail(std::string("cannot start the ") + encoder_name + " encoder: " + AvError(opened));
    if (int e = avcodec_parameters_from_context(m_stream->codecpar, m_codec); e < 0) return Fail(AvError(e));
    m_stream->time_base = m_codec->time_base;
    m_stream->avg_frame_rate = m_codec->framerate;
    if (int e = avio_open(&m_format->pb, m_file.temp_path().c_str(), AVIO_FLAG_WRITE); e < 0)
      return Fail("cannot write " + m_target + ": " + AvError(e));
    if (int e = avformat_write_header(m_format, nullptr); e < 0)
      return Fail("cannot write " + m_target + ": " + AvError(e));
    m_frame->format = m_codec->pix_fmt;
    m_frame->width = m_spec.width;
    m_frame->height = m_spec.height;
    if (int e = av_frame_get_buffer(m_frame, 0); e < 0) return Fail(AvError(e));
    m_scaler = sws_getContext(m_spec.width, m_spec.height, AV_PIX_FMT_RGBA, m_spec.width, m_spec.height,
                              AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!m_scaler) return Fail("cannot convert RGBA pictures to YUV 4:2:0");
    return core::Ok{};
  }

  core::Status AddFrame(const std::uint8_t* rgba_bottom_up) override {
    if (int e = av_frame_make_writable(m_frame); e < 0) return Fail(AvError(e));
    // Read the rows from the last one up: the picture comes out the right way up.
    const int stride = m_spec.width * 4;
    const std::uint8_t* source[1] = {rgba_bottom_up + static_cast<std::size_t>(stride) * (m_spec.height - 1)};
    const int strides[1] = {-stride};
    sws_scale(m_scaler, source, strides, 0, m_spec.height, m_frame->data, m_frame->linesize);
    m_frame->pts = m_frames;
    if (core::Status sent = Encode(m_frame); !sent.ok()) return sent;
    ++m_frames;
    return core::Ok{};
  }

  core::Status Finish() override {
    if (core::Status flushed = Encode(nullptr); !flushed.ok()) return flushed;
    if (int e = av_write_trailer(m_format); e < 0) return Fail("cannot write " + m_target + ": " + AvError(e));
    if (int e = avio_closep(&m_format->pb); e < 0) return Fail("cannot write " + m_target + ": " + AvError(e));
    return m_file.Commit();
  }

  long frames() const override { return m_frames; }

 private:
  core::Error Fail(const std::string& why) const { return core::Error{why}; }

  // Sends a frame (nullptr: the end) and writes every packet the encoder has ready.
  core::Status Encode(AVFrame* frame) {
    if (int e = avcodec_send_frame(m_codec, frame); e < 0) return Fail("encoding the video failed: " + AvError(e));
    for (;;) {
      const int got = avcodec_receive_packet(m_codec, m_packet);
      if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return core::Ok{};
      if (got < 0) return Fail("encoding the video failed: " + AvError(got));
      av_packet_rescale_ts(m_packet, m_codec->time_base, m_stream->time_base);
      m_packet->stream_index = m_stream->index;
      const int written = av_interleaved_write_frame(m_format, m_packet);
      av_packet_unref(m_packet);
      if (written < 0) return Fail("cannot write " + m_target + " (disk full?): " + AvError(written));
    }
  }

  PendingFile m_file;
  std::string m_target;
  VideoSpec m_spec;
  AVFormatContext* m_format = nullptr;
  AVCodecContext* m_codec = nullptr;
  AVStream* m_stream = nullptr;
  AVFrame* m_frame = nullptr;
  AVPacket* m_packet = nullptr;
  SwsContext* m_scaler = nullptr;
  long m_frames = 0;
};

}  // namespace

core::Result<VideoCodec> VideoCodecFor(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".mp4") return VideoCodec::H264;
  if (ext == ".webm") return VideoCodec::Vp9;
  std::string message = "cannot tell what video to write to ";
  message.append(path.string()).append(": the name must end in .mp4 (H.264) or .webm (VP9)");
  return core::Error{message};
}

core::Result<std::unique_ptr<VideoWriter>> VideoWriter::Open(const std::filesystem::path& path, const VideoSpec& spec) {
  auto codec = VideoCodecFor(path);
  if (!codec.ok()) return codec.error();
  if (spec.width < 2 || spec.height < 2 || spec.width % 2 || spec.height % 2) {
    std::string message = "a video's width and height must be even (got ";
    message.append(std::to_string(spec.width)).append("x").append(std::to_string(spec.height)).append(")");
    return core::Error{message};
  }
  if (spec.fps < 1 || spec.fps > 120) return core::Error{"a video's frame rate is 1 to 120 frames a second"};
  av_log_set_level(AV_LOG_ERROR);
  auto writer = std::make_unique<FfmpegVideoWriter>(path, spec);
  if (core::Status started = writer->Start(codec.value()); !started.ok()) return started.error();
  return std::unique_ptr<VideoWriter>(std::move(writer));
}

}  // namespace atelier::report
