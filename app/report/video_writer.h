// A video file written frame by frame with Debian's FFmpeg libraries (libavformat, libavcodec,
// libswscale): .mp4 is H.264 through libx264, .webm is VP9 through libvpx, both 4:2:0 so any
// player opens them. The file is written under a temporary name (report/pending_file.h) and
// renamed over the target by Finish only: an error, an interruption or a writer destroyed
// without Finish leaves nothing at the target.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/error.h"

namespace atelier::report {

enum class VideoCodec { H264, Vp9 };

// The codec a file name asks for: .mp4 → H.264, .webm → VP9 (case aside); anything else is an
// error naming the two (English, for the CLI).
core::Result<VideoCodec> VideoCodecFor(const std::filesystem::path& path);

struct VideoSpec {
  int width = 1920, height = 1080;  // even (4:2:0)
  int fps = 30;
};

class VideoWriter {
 public:
  // Checks the size, creates the temporary file (an unwritable folder fails here, before any
  // work), finds the encoder and writes the container's header.
  static core::Result<std::unique_ptr<VideoWriter>> Open(const std::filesystem::path& path, const VideoSpec& spec);
  virtual ~VideoWriter() = default;

  // One frame: width × height RGBA pixels, rows from the bottom up (as glReadPixels gives
  // them). Frames are shown 1/fps apart, in the order given.
  virtual core::Status AddFrame(const std::uint8_t* rgba_bottom_up) = 0;
  // Flushes the encoder, writes the trailer, fsyncs and renames over the target.
  virtual core::Status Finish() = 0;
  virtual long frames() const = 0;
};

}  // namespace atelier::report
