// `atelier doctor`'s checks, without GL or X: each takes the facts a probe gathered (plain
// structs, filled by doctor_probe.h on a real machine and by hand in tests) and says what they
// mean for a workshop — a Finding, worded for a tiers-lieu volunteer, in the interface language
// (ui::Tr: French source strings, English in assets/locale/en.po). Also the report's text and
// JSON, and the exit code. The file-system probes (sessions folder, newest session) live here
// too: they need no display and are tested directly.
//
// Levels: a Problem stops the kiosk from doing its job (no display, no GL ES 3.0, no font,
// sessions cannot be saved, a config line not applied, no PIN) and makes the exit code 1; a
// Warning is worth knowing but the workshop can go on (software rendering, no touch screen, a
// screen size that makes no sense, less than 500 MB free, a clock in the past): exit code 0.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "platform/config.h"

namespace atelier::platform {

enum class Level { Ok, Warning, Problem };

struct Finding {
  std::string check;    // stable English id: "gl", "screen", "touch", "font", "sessions", …
  Level level = Level::Ok;
  std::string message;  // what was found, one line
  std::vector<std::string> details;  // lines under it (the config file's ignored lines)
  std::string advice;   // what to do; empty when Ok
};

inline constexpr std::uint64_t kLowSpaceBytes = 500ull * 1000 * 1000;

// ---------------------------------------------------------------------------------------------
// Facts, as the probes find them.

struct GlFacts {
  bool display = false;     // GLFW could start (an X display was there)
  std::string display_error;
  bool context = false;     // the kiosk's OpenGL ES 3.0 context could be made
  std::string context_error;
  std::string version, renderer, vendor;  // glGetString
  // No display: the same strings from an off-screen OpenGL ES context (EGL surfaceless), when
  // one could be made — the driver works, only the screen is missing.
  bool offscreen = false;
};

struct MonitorFacts {
  std::string name;
  bool primary = false;
  int width_px = 0, height_px = 0, refresh_hz = 0;  // current video mode
  int width_mm = 0, height_mm = 0;                   // as reported; 0 when unknown
};

struct TouchDevice {
  std::string name;
  bool direct = true;  // a touch screen (direct) rather than a touchpad (dependent)
  int touches = 0;     // how many fingers at once it reports
};

struct TouchFacts {
  bool display = false;  // a second X connection could be opened
  bool xi22 = false;     // the X server speaks XInput 2.2 (multi-touch)
  std::vector<TouchDevice> devices;
};

struct FontFacts {
  std::string wanted;  // config `font`, empty for the default
  bool found = false;
  std::string file, family, error;
};

struct SessionsFacts {
  std::filesystem::path dir;
  bool created = false;   // it did not exist; the doctor made it, as the kiosk would
  bool writable = false;  // a temporary file was written, synced and removed
  std::string write_error;
  std::optional<std::uint64_t> free_bytes;  // for the kiosk's user (statvfs f_bavail)
};

struct NewestSession {
  std::filesystem::path file;
  std::int64_t written_ms = 0;  // Unix ms
};

struct ConfigFacts {
  std::filesystem::path file;
  bool exists = false;
  ConfigLoad load;
  bool pin_file = false;  // <config dir>/pin holds a hash
};

struct DataFacts {
  std::filesystem::path data_dir;  // empty: assets/ and shaders/ not found
  std::filesystem::path locale_dir;
  bool english = false;            // locale_dir/en/LC_MESSAGES/atelier.mo exists
};

// ---------------------------------------------------------------------------------------------
// Probes that need no display.

// dir as the kiosk would use it: created if missing, then a small file written, synced and
// removed; free space from statvfs.
SessionsFacts ProbeSessionsDir(const std::filesystem::path& dir);
// The most recently written *.atelier in dir (its -wal counts as the same session), by the file
// system's modification times: the kernel stamps them from the clock at each write, they need
// no parsing, and a damaged or locked session has them too.
std::optional<NewestSession> FindNewestSession(const std::filesystem::path& dir);
DataFacts ProbeData(const std::filesystem::path& data_dir, const std::filesystem::path& locale_dir);

// ---------------------------------------------------------------------------------------------
// Checks.

// Atelier's files, then its translations (missing English is a problem only when lang is "en").
std::vector<Finding> CheckData(const DataFacts& facts, const std::string& lang);
Finding CheckGl(const GlFacts& facts);
// One finding per screen, then the UI scale the kiosk would choose (on the primary screen,
// with config's screen_width_mm and ui_scale).
std::vector<Finding> CheckScreens(const GlFacts& gl, const std::vector<MonitorFacts>& monitors, const Config& config);
// Nothing without a display (CheckGl says so once).
std::vector<Finding> CheckTouch(const TouchFacts& facts);
Finding CheckFont(const FontFacts& facts);
std::vector<Finding> CheckSessions(const SessionsFacts& facts);
Finding CheckClock(std::int64_t now_ms, const std::optional<NewestSession>& newest);
// With every ignored line as a detail ("ligne 3 : …") and advice for each kind of mistake.
Finding CheckConfig(const ConfigFacts& facts);
Finding CheckPin(const ConfigFacts& facts);

// ---------------------------------------------------------------------------------------------
// The report.

std::string FormatReport(const std::vector<Finding>& findings);
std::string ReportJson(const std::vector<Finding>& findings);
int ExitCode(const std::vector<Finding>& findings);  // 1 with any problem, else 0

}  // namespace atelier::platform
