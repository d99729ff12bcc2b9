// `atelier replay SESSION`: the replay screen, or (with --at / --frames) pictures of the board
// at given moments. Never writes to the session file.
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
  int fps = 30;
  double speed = 1;
  std::string input_script;
  bool quit_after_script = false;
};

int RunReplay(const ReplayOptions& options);

}  // namespace atelier::platform
