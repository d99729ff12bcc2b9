// Sections: names · parsing (targets, lines) · player.
#include "input/input_script.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/text.h"

namespace atelier::input {

using Json = nlohmann::json;

// ---- names -------------------------------------------------------------------------------

namespace {
constexpr std::pair<ScriptKey, std::string_view> kKeyNames[] = {
    {ScriptKey::Enter, "enter"}, {ScriptKey::Backspace, "backspace"}, {ScriptKey::Escape, "escape"},
    {ScriptKey::Left, "left"},   {ScriptKey::Right, "right"},         {ScriptKey::Delete, "delete"},
    {ScriptKey::Home, "home"},   {ScriptKey::End, "end"},
};
}  // namespace

std::string_view ScriptKeyName(ScriptKey key) {
  for (const auto& [k, name] : kKeyNames)
    if (k == key) return name;
  return "?";
}

std::optional<ScriptKey> ParseScriptKey(std::string_view name) {
  for (const auto& [k, n] : kKeyNames)
    if (n == name) return k;
  return std::nullopt;
}

std::string Target::Describe() const {
  std::ostringstream s;
  switch (kind) {
    case Kind::Pixels: s << "pixel (" << pixels.x << ", " << pixels.y << ")"; break;
    case Kind::Label:
      s << "label \"" << name << "\"";
      if (!in.empty()) s << " in \"" << in << "\"";
      break;
    case Kind::Card: s << "card \"" << name << "\""; break;
    case Kind::Map: s << "map [" << map.x << ", " << map.y << "]"; break;
  }
  if (dx != 0 || dy != 0) s << " + (" << dx << ", " << dy << ")";
  return s.str();
}

// ---- parsing -----------------------------------------------------------------------------

namespace {

using Fail = core::Error;

using core::Quoted;

const char* kTargetHelp = R"(a target is {"x": px, "y": px}, {"label": text}, {"card": text} or {"map": [x, y]}, optionally with "dx"/"dy" (and "in": panel for a label))";

core::Result<float> Number(const Json& j, std::string_view field) {
  if (!j.is_number()) return Fail{Quoted(field) + " must be a number"};
  double v = j.get<double>();
  if (!std::isfinite(v)) return Fail{Quoted(field) + " must be a finite number"};
  return static_cast<float>(v);
}

core::Result<std::int64_t> Milliseconds(const Json& j, std::string_view field) {
  if (j.is_number_unsigned() || (j.is_number_integer() && j.get<std::int64_t>() >= 0)) return j.get<std::int64_t>();
  if (j.is_number_float()) {
    double v = j.get<double>();
    if (v >= 0 && v == std::floor(v) && v < 9e15) return static_cast<std::int64_t>(v);
  }
  return Fail{Quoted(field) + " must be a whole number of milliseconds, 0 or more"};
}

core::Result<Target> ParseTarget(const Json& j, std::string_view field) {
  if (!j.is_object()) return Fail{Quoted(field) + " must be a target: " + kTargetHelp};
  Target t;
  int kinds = 0;
  for (const auto& [key, value] : j.items()) {
    if (key == "x" || key == "y") {
      auto v = Number(value, key);
      if (!v) return v.error();
      (key == "x" ? t.pixels.x : t.pixels.y) = *v;
    } else if (key == "dx" || key == "dy") {
      auto v = Number(value, key);
      if (!v) return v.error();
      (key == "dx" ? t.dx : t.dy) = *v;
    } else if (key == "label" || key == "card") {
      if (!value.is_string() || value.get<std::string>().empty())
        return Fail{Quoted(key) + " must be a non-empty string"};
      t.kind = key == "label" ? Target::Kind::Label : Target::Kind::Card;
      t.name = value.get<std::string>();
      ++kinds;
    } else if (key == "in") {
      if (!value.is_string() || value.get<std::string>().empty())
        return Fail{Quoted(key) + " must be a non-empty string, the panel a label is in (\"editor-left\", \"editor-right\")"};
      t.in = value.get<std::string>();
    } else if (key == "map") {
      if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number())
        return Fail{R"("map" must be [x, y], two numbers from 0 to 1)"};
      t.kind = Target::Kind::Map;
      t.map = {value[0].get<float>(), value[1].get<float>()};
      ++kinds;
    } else {
      return Fail{"unknown field " + Quoted(key) + " in " + Quoted(field) + ": " + kTargetHelp};
    }
  }
  bool has_x = j.contains("x"), has_y = j.contains("y");
  if (has_x != has_y) return Fail{Quoted(field) + " has " + (has_x ? "\"x\" but no \"y\"" : "\"y\" but no \"x\"")};
  if (has_x) ++kinds;
  if (!t.in.empty() && t.kind != Target::Kind::Label) return Fail{R"("in" goes with a "label" only)"};
  if (kinds != 1)
    return Fail{Quoted(field) + (kinds == 0 ? " says no place: " : " names more than one place: ") + kTargetHelp};
  return t;
}

constexpr std::string_view kActions[] = {"down", "move",       "up",   "cancel", "tap",  "drag",
                                         "text", "key",        "wait", "screenshot", "dump", "quit",
                                         "wait_for_file"};

bool IsAction(std::string_view key) { return std::find(std::begin(kActions), std::end(kActions), key) != std::end(kActions); }

// One line (already JSON); running_t is the script time before it, updated by "t" and "wait".
core::Result<std::optional<ScriptStep>> ParseLine(const Json& j, std::int64_t& running_t) {
  if (!j.is_object()) return Fail{"expected a JSON object such as {\"t\": 0, \"tap\": {\"x\": 10, \"y\": 20}}"};
  std::string action;
  for (const auto& [key, value] : j.items()) {
    if (key == "t" || key == "id") continue;
    if (!IsAction(key)) return Fail{"unknown field " + Quoted(key)};
    if (!action.empty()) return Fail{"one action per line, found " + Quoted(action) + " and " + Quoted(key)};
    action = key;
  }
  if (action.empty())
    return Fail{"no action: expected one of down, move, up, cancel, tap, drag, text, key, wait, screenshot, dump, quit"};

  if (j.contains("t")) {
    auto t = Milliseconds(j["t"], "t");
    if (!t) return t.error();
    if (*t < running_t)
      return Fail{"\"t\" is " + std::to_string(*t) + ", before the time reached by the lines above (" +
                  std::to_string(running_t) + "): times must not decrease"};
    running_t = *t;
  }
  ScriptStep step;
  step.t_ms = running_t;
  const Json& v = j[action];
  const bool pointer_action = action == "down" || action == "move" || action == "up" || action == "cancel" ||
                              action == "tap" || action == "drag";
  if (j.contains("id")) {
    if (!pointer_action) return Fail{"\"id\" only goes with a pointer action (down, move, up, cancel, tap, drag)"};
    const Json& id = j["id"];
    if (!id.is_number_integer() || id.get<std::int64_t>() < 0 || id.get<std::int64_t>() >= kMaxPointers)
      return Fail{"\"id\" must be a pointer number from 0 to " + std::to_string(kMaxPointers - 1)};
    step.pointer = id.get<int>();
  }

  if (action == "wait") {
    auto ms = Milliseconds(v, "wait");
    if (!ms) return ms.error();
    running_t += *ms;
    return std::optional<ScriptStep>{};
  }
  if (pointer_action && action != "drag") {
    using K = ScriptStep::Kind;
    step.kind = action == "down" ? K::Down : action == "move" ? K::Move : action == "up" ? K::Up
              : action == "cancel" ? K::Cancel : K::Tap;
    auto target = ParseTarget(v, action);
    if (!target) return target.error();
    step.target = *target;
    if (step.kind == K::Tap) step.ms = kTapHoldMs;
  } else if (action == "drag") {
    step.kind = ScriptStep::Kind::Drag;
    if (!v.is_object()) return Fail{R"("drag" must be {"from": target, "to": target, "ms": 400})"};
    step.ms = kDragDefaultMs;
    for (const auto& [key, value] : v.items())
      if (key != "from" && key != "to" && key != "ms") return Fail{"unknown field " + Quoted(key) + " in \"drag\""};
    if (!v.contains("from") || !v.contains("to")) return Fail{R"("drag" needs "from" and "to")"};
    auto from = ParseTarget(v["from"], "from");
    if (!from) return from.error();
    auto to = ParseTarget(v["to"], "to");
    if (!to) return to.error();
    step.target = *from;
    step.to = *to;
    if (v.contains("ms")) {
      auto ms = Milliseconds(v["ms"], "ms");
      if (!ms) return ms.error();
      if (*ms == 0) return Fail{R"("ms" of a drag must be more than 0)"};
      step.ms = *ms;
    }
  } else if (action == "text") {
    if (!v.is_string()) return Fail{"\"text\" must be a string"};
    step.kind = ScriptStep::Kind::Text;
    step.text = v.get<std::string>();
  } else if (action == "key") {
    std::optional<ScriptKey> key = v.is_string() ? ParseScriptKey(v.get<std::string>()) : std::nullopt;
    if (!key) return Fail{"\"key\" must be one of enter, backspace, escape, left, right, delete, home, end"};
    step.kind = ScriptStep::Kind::Key;
    step.key = *key;
  } else if (action == "screenshot" || action == "dump") {
    if (!v.is_string() || v.get<std::string>().empty()) return Fail{Quoted(action) + " must be a file path"};
    step.kind = action == "dump" ? ScriptStep::Kind::Dump : ScriptStep::Kind::Screenshot;
    step.text = v.get<std::string>();
  } else if (action == "wait_for_file") {
    if (!v.is_string() || v.get<std::string>().empty()) return Fail{"\"wait_for_file\" must be a file path"};
    step.kind = ScriptStep::Kind::WaitForFile;
    step.text = v.get<std::string>();
  } else if (action == "quit") {
    if (v != Json(true)) return Fail{"\"quit\" must be true"};
    step.kind = ScriptStep::Kind::Quit;
  }
  return std::optional<ScriptStep>{step};
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, ":
// keep what follows.
std::string JsonMessage(const std::exception& e) {
  std::string m = e.what();
  if (auto p = m.find("] "); p != std::string::npos) m = m.substr(p + 2);
  if (m.rfind("parse error at line 1, ", 0) == 0) m = m.substr(23);
  return m;
}

}  // namespace

core::Result<Script> ParseScript(std::string_view text) {
  Script script;
  std::int64_t running_t = 0;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    auto fail = [&](const std::string& what) { return core::Error{"line " + std::to_string(line_no) + ": " + what}; };
    Json j;
    try {
      j = Json::parse(line);
    } catch (const Json::exception& e) {
      return fail("not valid JSON (" + JsonMessage(e) + ")");
    }
    auto step = ParseLine(j, running_t);
    if (!step) return fail(step.error().message);
    if (*step) {
      (*step)->line = line_no;
      script.steps.push_back(**step);
    }
  }
  return script;
}

core::Result<Script> LoadScript(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{path + ": cannot open the input script"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return core::Error{path + ": cannot read the input script"};
  auto script = ParseScript(buffer.str());
  if (!script) return core::Error{path + ": " + script.error().message};
  return script;
}

// ---- player ------------------------------------------------------------------------------

ScriptPlayer::ScriptPlayer(Script script) : m_script(std::move(script)) {}

bool ScriptPlayer::Finished() const {
  return m_quit || m_error || (m_next >= m_script.steps.size() && m_pending.empty() && !m_waiting);
}

std::optional<std::int64_t> ScriptPlayer::NextDueMs() const {
  if (Finished()) return std::nullopt;
  std::optional<std::int64_t> t;
  if (!m_pending.empty()) t = m_pending.front().t_ms;
  if (m_next < m_script.steps.size()) t = std::min(t.value_or(INT64_MAX), m_script.steps[m_next].t_ms);
  if (m_waiting) t = m_waiting->t_ms;  // every frame, until the file is there
  if (t) *t += m_waited_ms;
  return t;
}

void ScriptPlayer::Schedule(std::int64_t t_ms, int line, decltype(ScriptAction::what) what) {
  if (auto* p = std::get_if<PointerEvent>(&what)) p->t_ms = t_ms;
  Pending item{t_ms, m_seq++, ScriptAction{line, t_ms, std::move(what)}};
  auto at = std::upper_bound(m_pending.begin(), m_pending.end(), item, [](const Pending& a, const Pending& b) {
    return a.t_ms != b.t_ms ? a.t_ms < b.t_ms : a.seq < b.seq;
  });
  m_pending.insert(at, std::move(item));
}

namespace {
bool NeedsResolver(const ScriptStep& step) {
  using K = ScriptStep::Kind;
  switch (step.kind) {
    case K::Down: case K::Move: case K::Up: case K::Cancel: case K::Tap:
      return step.target.kind != Target::Kind::Pixels;
    case K::Drag:
      return step.target.kind != Target::Kind::Pixels || step.to.kind != Target::Kind::Pixels;
    default:
      return false;
  }
}
}  // namespace

core::Status ScriptPlayer::Expand(const ScriptStep& step, TargetResolver& resolver) {
  auto resolve = [&](const Target& target) -> core::Result<core::ScreenPoint> {
    core::ScreenPoint p = target.pixels;
    if (target.kind != Target::Kind::Pixels) {
      auto r = resolver.Resolve(target);
      if (!r) return core::Error{"line " + std::to_string(step.line) + ": " + r.error().message};
      p = *r;
    }
    return core::ScreenPoint{p.x + target.dx, p.y + target.dy};
  };
  auto pointer = [&](PointerEvent::Phase phase, core::ScreenPoint at) {
    return PointerEvent{.pointer = step.pointer, .phase = phase, .at = at, .t_ms = step.t_ms};
  };
  using K = ScriptStep::Kind;
  using P = PointerEvent::Phase;
  const std::int64_t t = step.t_ms;
  switch (step.kind) {
    case K::Down:
    case K::Move:
    case K::Up:
    case K::Cancel: {
      auto at = resolve(step.target);
      if (!at) return at.error();
      P phase = step.kind == K::Down ? P::Down : step.kind == K::Move ? P::Move : step.kind == K::Up ? P::Up : P::Cancel;
      Schedule(t, step.line, pointer(phase, *at));
      break;
    }
    case K::Tap: {
      auto at = resolve(step.target);
      if (!at) return at.error();
      Schedule(t, step.line, pointer(P::Down, *at));
      Schedule(t + step.ms, step.line, pointer(P::Up, *at));
      break;
    }
    case K::Drag: {
      auto from = resolve(step.target);
      if (!from) return from.error();
      auto to = resolve(step.to);
      if (!to) return to.error();
      Schedule(t, step.line, pointer(P::Down, *from));
      const std::int64_t n = std::max<std::int64_t>(1, (step.ms + kDragStepMs - 1) / kDragStepMs);
      for (std::int64_t i = 1; i <= n; ++i) {
        float f = static_cast<float>(i) / static_cast<float>(n);
        core::ScreenPoint at{from->x + (to->x - from->x) * f, from->y + (to->y - from->y) * f};
        if (i == n) at = *to;
        Schedule(t + step.ms * i / n, step.line, pointer(P::Move, at));
      }
      Schedule(t + step.ms, step.line, pointer(P::Up, *to));
      break;
    }
    case K::Text: Schedule(t, step.line, TypeText{step.text}); break;
    case K::Key: Schedule(t, step.line, PressKey{step.key}); break;
    case K::Screenshot: Schedule(t, step.line, TakeScreenshot{step.text}); break;
    case K::Dump: Schedule(t, step.line, DumpBoard{step.text}); break;
    case K::Quit: Schedule(t, step.line, QuitApp{}); break;
    case K::WaitForFile: break;  // handled by Due
  }
  return core::Ok{};
}

core::Result<std::vector<ScriptAction>> ScriptPlayer::Due(std::int64_t app_now_ms, TargetResolver& resolver) {
  // What is returned is in the caller's time: the script's plus the time it had waited before
  // this call (a wait that starts in this call comes after everything it returns).
  const std::int64_t waited = m_waited_ms;
  auto due = Play(app_now_ms, resolver);
  if (due.ok())
    for (ScriptAction& a : due.value()) {
      a.t_ms += waited;
      if (auto* p = std::get_if<PointerEvent>(&a.what)) p->t_ms += waited;
    }
  return due;
}

core::Result<std::vector<ScriptAction>> ScriptPlayer::Play(std::int64_t app_now_ms, TargetResolver& resolver) {
  if (m_error) return *m_error;
  std::vector<ScriptAction> out;
  if (m_quit) return out;
  // A wait_for_file step: the script's time stands still until the file is there.
  if (m_waiting) {
    std::error_code ec;
    if (!std::filesystem::exists(m_waiting->text, ec)) {
      m_waited_ms = std::max(m_waited_ms, app_now_ms - m_waiting->t_ms);
      return out;
    }
    m_waiting.reset();
  }
  const std::int64_t now_ms = app_now_ms - m_waited_ms;

  struct PointerCall {
    bool transition = false;          // a down/up/cancel returned in this call
    std::optional<std::size_t> move;  // index in out of its move returned in this call
  };
  PointerCall pointers[kMaxPointers] = {};
  bool keyboard = false;

  for (;;) {
    // Expand the script steps that are due, unless an already expanded action comes first. A
    // step with a label, card or map target waits for a call that has returned nothing yet, so
    // it is resolved on a screen that has seen all earlier input.
    while (m_next < m_script.steps.size() && m_script.steps[m_next].t_ms <= now_ms &&
           (m_pending.empty() || m_script.steps[m_next].t_ms < m_pending.front().t_ms)) {
      if (!out.empty() && NeedsResolver(m_script.steps[m_next])) return out;
      if (m_script.steps[m_next].kind == ScriptStep::Kind::WaitForFile) {
        const ScriptStep& wait = m_script.steps[m_next++];
        std::error_code ec;
        if (std::filesystem::exists(wait.text, ec)) continue;
        m_waiting = wait;
        m_waited_ms = std::max(m_waited_ms, app_now_ms - wait.t_ms);
        return out;
      }
      if (auto ok = Expand(m_script.steps[m_next], resolver); !ok) {
        m_error = ok.error();
        return *m_error;
      }
      ++m_next;
    }
    if (m_pending.empty() || m_pending.front().t_ms > now_ms) break;

    ScriptAction& next = m_pending.front().action;
    bool stop_after = false;
    if (auto* ev = std::get_if<PointerEvent>(&next.what)) {
      if (ev->pointer < 0 || ev->pointer >= kMaxPointers) {  // parser guarantees this; stay safe
        m_pending.erase(m_pending.begin());
        continue;
      }
      PointerCall& pc = pointers[ev->pointer];
      if (pc.transition) break;  // this pointer waits for the next frame, and so does what follows
      if (ev->phase == PointerEvent::Phase::Move) {
        if (pc.move) {  // coalesce to the latest position
          out.erase(out.begin() + static_cast<std::ptrdiff_t>(*pc.move));
          for (PointerCall& other : pointers)
            if (other.move && *other.move > *pc.move) --*other.move;
        }
        pc.move = out.size();
      } else {
        if (ev->phase != PointerEvent::Phase::Down && pc.move) break;  // let the last position have a frame
        pc.transition = true;
      }
    } else if (std::holds_alternative<TypeText>(next.what) || std::holds_alternative<PressKey>(next.what)) {
      if (keyboard) break;
      keyboard = true;
    } else {  // screenshot, dump, quit: alone, at the start of a call
      if (!out.empty()) break;
      stop_after = true;
      if (std::holds_alternative<QuitApp>(next.what)) m_quit = true;
    }
    out.push_back(std::move(next));
    m_pending.erase(m_pending.begin());
    if (stop_after) break;
  }
  return out;
}

}  // namespace atelier::input
