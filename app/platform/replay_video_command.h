// `atelier replay SESSION --video FILE.mp4|FILE.webm [--fps N --speed S --size WxH --at TIME]`:
// the replay as a video file (report/replay_video.h), drawn off-screen with no display, with a
// progress bar on stderr. docs/exports.md, "The replay as a video".
#pragma once
#include <cstdint>
#include <string>

#include "platform/replay_app.h"
#include "replay/timeline.h"
#include "store/session_file.h"

namespace atelier::platform {

// The arguments alone, before the session is opened: the file's extension, the size (even,
// 160x90 … 3840x2160). Prints the English reason and returns false on a mistake.
bool CheckVideoArguments(const ReplayOptions& options);

// Writes the video of timeline from start_ms; exit code 0, or 1 with one line on stderr (no
// file left at the target: an unwritable folder, no encoder, a stop by Ctrl+C).
int WriteVideo(const ReplayOptions& options, const replay::Timeline& timeline, const store::SessionMeta& meta,
               std::int64_t start_ms, const std::string& lang, const std::string& font_path,
               const std::string& shader_dir);

}  // namespace atelier::platform
