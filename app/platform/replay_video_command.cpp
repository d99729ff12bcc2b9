#include "platform/replay_video_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "platform/app_frame.h"
#include "replay/replay_time.h"
#include "report/replay_video.h"
#include "report/video_writer.h"

namespace atelier::platform {

namespace {

constexpr int kMinVideoWidth = 160, kMinVideoHeight = 90;
constexpr int kMaxVideoWidth = 3840, kMaxVideoHeight = 2160;  // 4K: what H.264 players take

int Width(const ReplayOptions& o) { return o.width > 0 ? o.width : 1920; }
int Height(const ReplayOptions& o) { return o.height > 0 ? o.height : 1080; }

// On a terminal, one line redrawn in place: "[##########..........] 50 %  frame 135/270  0:45".
// Elsewhere (a log, a pipe), a plain line at each tenth, so a log stays short.
class ProgressBar {
 public:
  ProgressBar() : m_tty(isatty(STDERR_FILENO) == 1) {}
  void Show(const report::VideoProgress& p) {
    const int percent = static_cast<int>(p.frame * 100 / std::max(1L, p.total));
    if (m_tty) {
      const bool last = p.frame == p.total;
      if (!last && MsSince(m_last) < 150) return;
      m_last = std::chrono::steady_clock::now();
      char bar[21];
      for (int i = 0; i < 20; ++i) bar[i] = i < percent / 5 ? '#' : '.';
      bar[20] = 0;
      std::fprintf(stderr, "\r[%s] %3d %%  frame %ld/%ld  %s ", bar, percent, p.frame, p.total,
                   replay::FormatElapsed(p.at_ms).c_str());
      if (last) std::fputc('\n', stderr);
    } else {
      if (percent / 10 <= m_tenths) return;
      m_tenths = percent / 10;
      std::fprintf(stderr, "atelier: video %d %% (frame %ld/%ld)\n", percent, p.frame, p.total);
    }
    std::fflush(stderr);
  }
  // A stop or an error in the middle of a bar: end its line first.
  void Break() {
    if (m_tty) std::fputc('\n', stderr);
  }

 private:
  bool m_tty;
  int m_tenths = 0;
  std::chrono::steady_clock::time_point m_last{};
};

}  // namespace

bool CheckVideoArguments(const ReplayOptions& options) {
  auto codec = report::VideoCodecFor(options.video);
  if (!codec.ok()) {
    std::fprintf(stderr, "atelier: %s\n", codec.error().message.c_str());
    return false;
  }
  if (!options.frames_dir.empty() || !options.screenshot.empty() || !options.input_script.empty()) {
    std::fprintf(stderr, "atelier: --video goes alone (not with --frames, --screenshot or --input-script)\n");
    return false;
  }
  const int w = Width(options), h = Height(options);
  if (w < kMinVideoWidth || h < kMinVideoHeight || w > kMaxVideoWidth || h > kMaxVideoHeight || w % 2 || h % 2) {
    std::fprintf(stderr, "atelier: the video would be %dx%d pixels; it can be from %dx%d to %dx%d, in even numbers\n",
                 w, h, kMinVideoWidth, kMinVideoHeight, kMaxVideoWidth, kMaxVideoHeight);
    return false;
  }
  return true;
}

int WriteVideo(const ReplayOptions& options, const replay::Timeline& timeline, const store::SessionMeta& meta,
               std::int64_t start_ms, const std::string& lang, const std::string& font_path,
               const std::string& shader_dir) {
  const report::ReplayVideoOptions video{.width = Width(options),
                                         .height = Height(options),
                                         .fps = options.fps,
                                         .speed = options.speed,
                                         .from_ms = start_ms,
                                         .lang = lang,
                                         .font_path = font_path,
                                         .shader_dir = shader_dir,
                                         .created_ms = meta.created_ms,
                                         .utc_offset_minutes = meta.utc_offset_minutes};
  StopOnTerminationSignals();  // Ctrl+C: the temporary file goes, nothing is left at the target
  ProgressBar bar;
  const auto start = std::chrono::steady_clock::now();
  auto written = report::WriteReplayVideo(
      timeline, video, options.video, [&](const report::VideoProgress& p) { bar.Show(p); },
      [] { return TerminationRequested(); });
  if (!written.ok()) {
    bar.Break();
    std::fprintf(stderr, "atelier: %s\n", written.error().message.c_str());
    return 1;
  }
  const report::VideoSummary& s = written.value();
  const double seconds = MsSince(start) / 1000.0;
  const bool h264 = report::VideoCodecFor(options.video).value() == report::VideoCodec::H264;
  std::fprintf(stderr,
               "atelier: wrote %s (%s video, %dx%d, %d fps, %gx, %ld frames = %.2f s, from %s to %s, %zu cards at "
               "the end; %.1f frames/s: drawing %.1f ms, encoding %.1f ms a frame)\n",
               options.video.c_str(), h264 ? "H.264" : "VP9", video.width, video.height, video.fps, video.speed,
               s.frames, static_cast<double>(s.frames) / video.fps, replay::FormatElapsed(start_ms).c_str(),
               replay::FormatElapsed(timeline.duration_ms()).c_str(), s.cards,
               seconds > 0 ? static_cast<double>(s.frames) / seconds : 0.0, s.draw_ms / std::max(1L, s.frames),
               s.encode_ms / std::max(1L, s.frames));
  return 0;
}

}  // namespace atelier::platform
