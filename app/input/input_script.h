// Input scripts: timed pointer, text and key events in JSON Lines (docs/input-script.md), for
// end-to-end tests, demos and bug reports. ParseScript reads a script; ScriptPlayer hands its
// actions to the app frame by frame, through the same input path as real events.
//
// Sections: keys and targets · parsed steps · parsing · resolver · actions · player.
//
// Contract
// - Times are milliseconds since the script started; positions are framebuffer pixels.
// - Targets (a control by label, a card by text, a map point) are resolved only when their step
//   becomes due, through the integrator's TargetResolver; pixel targets are resolved here. The
//   player adds a target's dx/dy after resolution. An unresolvable target stops the script
//   with an error naming the line.
// - Dear ImGui 1.86 samples the mouse once per frame, so one Due() call never returns, for one
//   pointer, more than one down/up transition, nor moves after a transition, nor an up after a
//   move (that pointer waits for the next call, and so does everything due after it). Moves of
//   a pointer are coalesced to the latest. At most one text or key action per call. Screenshot,
//   dump and quit come alone at the start of a call, so earlier input has had its frame; a step
//   with a label, card or map target is likewise resolved only at the start of a call.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/geometry.h"
#include "input/pointer.h"

namespace atelier::input {

// ---- keys and targets ----------------------------------------------------------------------

enum class ScriptKey { Enter, Backspace, Escape, Left, Right, Delete, Home, End };
std::string_view ScriptKeyName(ScriptKey key);                // "enter", "backspace" …
std::optional<ScriptKey> ParseScriptKey(std::string_view name);

// Where a pointer goes. Label: a UI control by its visible text. Card: a card by its exact text.
// Map: normalised map coordinates. Pixels: framebuffer pixels. dx/dy are added afterwards.
struct Target {
  enum class Kind { Pixels, Label, Card, Map } kind = Kind::Pixels;
  core::ScreenPoint pixels;  // Kind::Pixels
  std::string name;          // Kind::Label, Kind::Card
  std::string in;            // Kind::Label: the panel it is in ("editor-left" …), empty: any
  core::MapPoint map;        // Kind::Map
  float dx = 0;
  float dy = 0;
  std::string Describe() const;  // for messages: label "Ajouter une carte", map [0.2, 0.5] …
  bool operator==(const Target&) const = default;
};

// ---- parsed steps --------------------------------------------------------------------------

struct ScriptStep {
  enum class Kind { Down, Move, Up, Cancel, Tap, Drag, Text, Key, Screenshot, Dump, Quit, WaitForFile } kind = Kind::Quit;
  int line = 0;           // 1-based line of the script text
  std::int64_t t_ms = 0;  // since the script started (waits included)
  int pointer = 0;        // pointer kinds, Tap, Drag
  Target target;          // Down/Move/Up/Cancel/Tap; Drag: from
  Target to;              // Drag
  std::int64_t ms = 0;    // Tap: time held; Drag: duration
  std::string text;       // Text: UTF-8; Screenshot, Dump, WaitForFile: path (as written, relative to the cwd)
  ScriptKey key = ScriptKey::Enter;
  bool operator==(const ScriptStep&) const = default;
};

struct Script {
  std::vector<ScriptStep> steps;  // in time order
};

inline constexpr std::int64_t kTapHoldMs = 80;        // a "tap" is a down, then an up this much later
inline constexpr std::int64_t kDragDefaultMs = 400;   // a "drag" without "ms"
inline constexpr std::int64_t kDragStepMs = 16;       // a "drag" moves about once a frame

// ---- parsing -------------------------------------------------------------------------------

// Errors name the line: "line 3: unknown field \"tapp\"". Blank lines and lines starting with
// '#' are skipped (not JSON Lines, but handy for comments).
core::Result<Script> ParseScript(std::string_view text);
// Same, reading a file; errors start with the path.
core::Result<Script> LoadScript(const std::string& path);

// ---- resolver (implemented by the integrator) ----------------------------------------------

class TargetResolver {
 public:
  virtual ~TargetResolver() = default;
  // The screen point of a Label, Card or Map target now (dx/dy not applied), or an error fit to
  // show after "line N: ", e.g. no control labelled "Ajouterr" on screen.
  virtual core::Result<core::ScreenPoint> Resolve(const Target& target) = 0;
};

// ---- actions -------------------------------------------------------------------------------

struct TypeText {  // as if typed on a physical keyboard
  std::string utf8;
  bool operator==(const TypeText&) const = default;
};
struct PressKey {  // one frame down, then released by the integrator
  ScriptKey key = ScriptKey::Enter;
  bool operator==(const PressKey&) const = default;
};
struct TakeScreenshot {
  std::string path;
  bool operator==(const TakeScreenshot&) const = default;
};
struct DumpBoard {
  std::string path;
  bool operator==(const DumpBoard&) const = default;
};
struct QuitApp {
  bool operator==(const QuitApp&) const = default;
};

struct ScriptAction {
  int line = 0;           // script line it comes from
  std::int64_t t_ms = 0;  // when it was due, in script time (PointerEvent::t_ms is the same)
  std::variant<PointerEvent, TypeText, PressKey, TakeScreenshot, DumpBoard, QuitApp> what;
  bool operator==(const ScriptAction&) const = default;
};

// ---- player --------------------------------------------------------------------------------

class ScriptPlayer {
 public:
  explicit ScriptPlayer(Script script);

  // The actions due by now_ms (script time), resolved, in order, within the per-call limits
  // above; or the error that stopped the script (returned again by later calls).
  // {"wait_for_file": path} stops the script's time until that file exists (a test that must do
  // something outside the kiosk before the script goes on); the time waited is added to the
  // times of everything after it, and to the t_ms of the actions returned.
  core::Result<std::vector<ScriptAction>> Due(std::int64_t now_ms, TargetResolver& resolver);

  // Everything played, or quit reached, or stopped by an error.
  bool Finished() const;
  // When the next action is due (maybe already), for frame pacing; nullopt when finished.
  std::optional<std::int64_t> NextDueMs() const;
  const std::optional<core::Error>& error() const { return m_error; }

 private:
  struct Pending {
    std::int64_t t_ms = 0;
    std::uint64_t seq = 0;  // ties keep the order of expansion
    ScriptAction action;
  };
  core::Status Expand(const ScriptStep& step, TargetResolver& resolver);
  core::Result<std::vector<ScriptAction>> Play(std::int64_t app_now_ms, TargetResolver& resolver);  // Due, in script time
  void Schedule(std::int64_t t_ms, int line, decltype(ScriptAction::what) what);

  Script m_script;
  std::size_t m_next = 0;           // next step to expand
  std::vector<Pending> m_pending;   // expanded, not yet returned; sorted by (t_ms, seq)
  std::uint64_t m_seq = 0;
  bool m_quit = false;
  std::optional<core::Error> m_error;
  std::int64_t m_waited_ms = 0;        // script time stood still in wait_for_file steps
  std::optional<ScriptStep> m_waiting;  // the wait_for_file step holding the script now
};

}  // namespace atelier::input
