// Records what a person does as an input script (docs/input-script.md), to make demos and bug
// reports: pointer down/move/up/cancel with ids and pixel positions, typed text and keys.
//
// Contract
// - Give it raw input, before routing (taps on the on-screen keyboard are pointer events too),
//   with times on one clock; lines get t = time − start_ms, never decreasing.
// - Moves are throttled to one per move_interval_ms per pointer: a move within the interval is
//   held back; a newer move replaces it; it is written just before that pointer's next
//   down/up/cancel, or once the interval has passed (on any later call or Tick), then stamped
//   at the end of the interval.
//   Moves of a pointer that is not down (mouse hover) are not recorded.
// - Every line is flushed as it is written, so a killed process leaves a usable script.
// - Not thread-safe: call it from the thread that handles input.
#pragma once
#include <array>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/error.h"
#include "input/input_script.h"
#include "input/pointer.h"

namespace atelier::input {

struct RecorderConfig {
  std::int64_t move_interval_ms = 16;
};

class InputRecorder {
 public:
  // Writes to out, which must outlive the recorder.
  InputRecorder(std::ostream& out, std::int64_t start_ms, RecorderConfig config = {});
  // Creates (truncates) the file at path.
  static core::Result<InputRecorder> Create(const std::string& path, std::int64_t start_ms, RecorderConfig config = {});

  InputRecorder(InputRecorder&&) = default;
  InputRecorder& operator=(InputRecorder&&) = default;

  void RecordPointer(const PointerEvent& event);
  void RecordText(std::string_view utf8, std::int64_t t_ms);  // as typed on a physical keyboard
  void RecordKey(ScriptKey key, std::int64_t t_ms);
  void Tick(std::int64_t now_ms);  // writes held-back moves whose interval has passed

  // False once a write failed (disk full, file gone): say so on screen.
  bool ok() const { return static_cast<bool>(*m_out); }

 private:
  void FlushDueMoves(std::int64_t now_ms, int except_pointer = -1);
  void WriteMove(const PointerEvent& event);
  void WriteLine(std::int64_t t_ms, std::string_view action, const std::string& value_json, std::optional<int> id);

  std::unique_ptr<std::ofstream> m_file;  // when created from a path
  std::ostream* m_out = nullptr;
  std::int64_t m_start_ms = 0;
  RecorderConfig m_config;
  std::int64_t m_last_t = 0;
  std::array<std::optional<std::int64_t>, kMaxPointers> m_last_move_ms{};  // last move written
  std::array<std::optional<PointerEvent>, kMaxPointers> m_held_move{};     // held back
  std::array<bool, kMaxPointers> m_down{};
};

}  // namespace atelier::input
