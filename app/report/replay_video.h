// The replay as a video file: the board folded at each frame's instant (a replay::Cursor stepped
// forward, never refolded from the start), drawn off-screen by the kiosk's renderer in an EGL
// surfaceless context (no display), with the replay's glows and trails and the time of day and
// card count in a corner, encoded by report/video_writer (.mp4 H.264, .webm VP9).
//
// Frames: frame i (from 0) shows the session at from_ms + i × speed × 1000 / fps, clamped to the
// end; there are FrameCount() of them, the last one at the end, so the video lasts
// FrameCount / fps seconds.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "core/error.h"
#include "replay/timeline.h"

namespace atelier::report {

struct ReplayVideoOptions {
  int width = 1920, height = 1080;
  int fps = 30;
  double speed = 1;
  std::int64_t from_ms = 0;  // session time of the first frame
  std::string lang = "fr";   // the template's labels and the caption
  std::string font_path;
  std::string shader_dir;
  std::int64_t created_ms = 0;  // the session's start, wall clock (the time of day)
  int utc_offset_minutes = 0;
  std::int64_t glow_ms = 1500;  // video time a change glows, as on the replay screen
};

// 1 + the frames needed to cover (duration − from) at speed and fps, rounded up.
long FrameCount(std::int64_t duration_ms, const ReplayVideoOptions& options);
// The session time frame `index` shows.
std::int64_t FrameTime(long index, std::int64_t duration_ms, const ReplayVideoOptions& options);

// "14 h 05  ·  12 cartes" / "14:05  ·  12 cards".
std::string VideoCaption(std::int64_t epoch_ms, int utc_offset_minutes, std::size_t cards, std::string_view lang);

struct VideoProgress {
  long frame = 0, total = 0;  // frames written so far, of total
  std::int64_t at_ms = 0;     // the session time of the last one
};

struct VideoSummary {
  long frames = 0;
  std::size_t cards = 0;    // on the board in the last frame
  double draw_ms = 0;       // time spent drawing and reading back, in total
  double encode_ms = 0;     // time spent converting and encoding, in total
};

// progress is called after each frame; stop, polled before each frame, ends the export with an
// error (nothing is left at path). Errors in English.
core::Result<VideoSummary> WriteReplayVideo(const replay::Timeline& timeline, const ReplayVideoOptions& options,
                                            const std::filesystem::path& path,
                                            const std::function<void(const VideoProgress&)>& progress = {},
                                            const std::function<bool()>& stop = {});

}  // namespace atelier::report
