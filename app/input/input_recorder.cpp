#include "input/input_recorder.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace atelier::input {

namespace {

using OrderedJson = nlohmann::ordered_json;

double Tenth(float v) { return std::round(static_cast<double>(v) * 10.0) / 10.0; }

std::string Dump(const OrderedJson& j) { return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace); }

std::string PointJson(core::ScreenPoint p) {
  OrderedJson j;
  j["x"] = Tenth(p.x);
  j["y"] = Tenth(p.y);
  return Dump(j);
}

}  // namespace

InputRecorder::InputRecorder(std::ostream& out, std::int64_t start_ms, RecorderConfig config)
    : m_out(&out), m_start_ms(start_ms), m_config(config) {}

core::Result<InputRecorder> InputRecorder::Create(const std::string& path, std::int64_t start_ms, RecorderConfig config) {
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*file) return core::Error{path + ": cannot create the input recording"};
  InputRecorder recorder(*file, start_ms, config);
  recorder.m_file = std::move(file);
  return recorder;
}

void InputRecorder::WriteLine(std::int64_t t_ms, std::string_view action, const std::string& value_json,
                              std::optional<int> id) {
  m_last_t = std::max(m_last_t, t_ms - m_start_ms);
  std::string line = "{\"t\":" + std::to_string(m_last_t) + ",\"" + std::string(action) + "\":" + value_json;
  if (id && *id != 0) line += ",\"id\":" + std::to_string(*id);
  line += "}\n";
  *m_out << line;
  m_out->flush();
}

void InputRecorder::WriteMove(const PointerEvent& event) {
  WriteLine(event.t_ms, "move", PointJson(event.at), event.pointer);
  m_last_move_ms[event.pointer] = event.t_ms;
}

// A held-back move is written once its pointer's interval has passed, stamped at the end of
// that interval so moves stay at most one per interval (the finger rested there anyway).
void InputRecorder::FlushDueMoves(std::int64_t now_ms, int except_pointer) {
  for (auto& held : m_held_move) {
    if (!held || held->pointer == except_pointer) continue;
    const auto& last = m_last_move_ms[held->pointer];
    if (!last || now_ms - *last >= m_config.move_interval_ms) {
      PointerEvent move = *held;
      if (last) move.t_ms = std::max(move.t_ms, *last + m_config.move_interval_ms);
      WriteMove(move);
      held.reset();
    }
  }
}

void InputRecorder::RecordPointer(const PointerEvent& event) {
  if (event.pointer < 0 || event.pointer >= kMaxPointers) return;
  FlushDueMoves(event.t_ms, event.pointer);  // this pointer's own held move is handled below
  auto& held = m_held_move[event.pointer];
  auto& last = m_last_move_ms[event.pointer];
  switch (event.phase) {
    case PointerEvent::Phase::Move:
      if (!m_down[event.pointer]) return;  // hover: nothing on a touchscreen depends on it
      if (!last || event.t_ms - *last >= m_config.move_interval_ms) {
        held.reset();  // superseded
        WriteMove(event);
      } else {
        held = event;  // replaces an older held-back move
      }
      return;
    case PointerEvent::Phase::Down:
    case PointerEvent::Phase::Up:
    case PointerEvent::Phase::Cancel: {
      if (held) {
        WriteMove(*held);
        held.reset();
      }
      std::string_view action = event.phase == PointerEvent::Phase::Down ? "down"
                              : event.phase == PointerEvent::Phase::Up   ? "up"
                                                                         : "cancel";
      WriteLine(event.t_ms, action, PointJson(event.at), event.pointer);
      last.reset();
      m_down[event.pointer] = event.phase == PointerEvent::Phase::Down;
      return;
    }
  }
}

void InputRecorder::RecordText(std::string_view utf8, std::int64_t t_ms) {
  if (utf8.empty()) return;
  FlushDueMoves(t_ms);
  WriteLine(t_ms, "text", Dump(OrderedJson(std::string(utf8))), std::nullopt);
}

void InputRecorder::RecordKey(ScriptKey key, std::int64_t t_ms) {
  FlushDueMoves(t_ms);
  WriteLine(t_ms, "key", Dump(OrderedJson(std::string(ScriptKeyName(key)))), std::nullopt);
}

void InputRecorder::Tick(std::int64_t now_ms) { FlushDueMoves(now_ms); }

}  // namespace atelier::input
