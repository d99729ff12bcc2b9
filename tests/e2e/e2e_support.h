// Helpers for end-to-end tests: an Xvfb display for the run, the real atelier binary started
// as a child process, PNG pixels and the board JSON it writes.
#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace atelier::e2e {

struct Run {
  int exit_code = -1;
  std::string stdout_text;
  std::string stderr_text;
};

// Runs atelier with args (wall-clock limit in seconds) on the test display.
Run RunAtelier(const std::vector<std::string>& args, int timeout_s = 120,
               const std::vector<std::string>& extra_env = {});

// Runs any program, e.g. xdotool.
Run RunProgram(const std::vector<std::string>& argv, int timeout_s = 60, const std::vector<std::string>& extra_env = {});

// A fresh directory under the build's temp dir, removed by nobody (kept for post-mortems).
std::filesystem::path FreshDir(const std::string& name);

// Writes an input script (one JSON object per line).
std::filesystem::path WriteScript(const std::filesystem::path& dir, const std::string& name,
                                  const std::vector<nlohmann::json>& lines);

// An input script being written, one timed line at a time (docs/input-script.md). Each test's
// own script derives from it (Self) to add its steps; tap_gap is the pause after a tap that
// its screens need.
template <class Self>
struct ScriptLines {
  std::vector<nlohmann::json> lines;
  int t = 300;  // the first frame has drawn the controls by then
  int tap_gap = 250;
  Self& Add(nlohmann::json line, int gap = 150) {
    line["t"] = t;
    lines.push_back(std::move(line));
    t += gap;
    return static_cast<Self&>(*this);
  }
  Self& Tap(const std::string& label, int gap = -1) {
    return Add({{"tap", {{"label", label}}}}, gap < 0 ? tap_gap : gap);
  }
};

nlohmann::json ReadJson(const std::filesystem::path& path);

// A file's bytes ("" when it cannot be read).
std::string ReadBytes(const std::filesystem::path& path);

struct Png {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
  struct Pixel {
    int r, g, b;
  };
  Pixel At(int x, int y) const;
};
Png ReadPng(const std::filesystem::path& path);

// True when the colour at (x, y) is within tolerance of the hex colour on every channel.
bool Near(Png::Pixel p, unsigned hex, int tolerance = 12);

// The card of the board JSON (from --dump-board) with this text, or null.
const nlohmann::json* CardWithText(const nlohmann::json& board, const std::string& text);

// Whether two cards of a dumped board overlap (x, y their centres, w, h their sizes, map units),
// with a hair of tolerance: the dump's floats are rounded to their shortest form.
bool CardsOverlap(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace atelier::e2e
