// `atelier replay SESSION`: the replay screen, or (with --at / --frames) pictures of the board
// at given moments. Never writes to the session file; works on a file a kiosk still records
// (it sees the events up to when it opened; "Actualiser" reads the newer ones).
#pragma once
#include <optional>
#include <string>

namespace atelier::platform {

struct ReplayOptions {
  std::string session;
  bool windowed = false;
  int width = 0, height = 0;
  std::optional<float> ui_scale;
  std::string lang;
  std::string at;          // TIME: seconds, mm:ss, hh:mm:ss since the start, or "end"
  std::string screenshot;  // with --at: PNG of the board at that moment, then exit
  std::string frames_dir;  // PNG sequence of the whole replay
  std::string video;       // the whole replay (from --at) as .mp4 or .webm, off-screen
  int fps = 30;
  double speed = 1;
  std::string input_script;
  bool quit_after_script = false;
  std::string dump_board;  // board at --at (or at the playhead on exit) as JSON (store::BoardToJson)
};

// Forms (docs/replay.md):
//   SESSION [--at TIME]                      the replay screen (paused at TIME)
//   SESSION --at TIME --screenshot F         PNG of the board at TIME, then exit (default size
//                                            1920x1080; without --at: the end)
//   SESSION --at TIME --dump-board F         the board at TIME as JSON, no window needed
//   SESSION --frames DIR [--fps N --speed S] numbered PNGs 000001.png … of the whole replay
//                                            (from --at when given), a progress line on stderr
//   SESSION --video F.mp4|F.webm [--fps N --speed S --size WxH]  the replay as a video file,
//                                            drawn off-screen (no display), a progress bar
//   SESSION --input-script S [--quit-after-script]  the screen driven by a script
// The file is opened read-only and never written. Exit code: 0, 1 for a session that cannot be
// read or a bad TIME (the English reason on stderr; the French one on screen when interactive),
// 2 when no window / font / renderer, 3 when the input script failed.
int RunReplay(const ReplayOptions& options);

}  // namespace atelier::platform
