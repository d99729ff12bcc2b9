// The PIN pad in front of the facilitator's panel: big digits, dots for what was typed, a
// plain French line for what happened. Three uses: entering the PIN, choosing one (first start,
// no PIN yet: type it twice), changing it from the panel (type the new one twice). The PIN is
// checked and stored by a PinKeeper the platform gives (store/pin_file.h behind it); wrong
// tries count in a core::PinGuard, which locks the pad for a while after five. The keeper also
// keeps that count across restarts: the pad restores the guard from it the first time it draws,
// and hands it back after every wrong or right PIN.
#pragma once
#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/pin_guard.h"
#include "ui/controls.h"
#include "ui/theme.h"

namespace atelier::ui {

class PinKeeper {
 public:
  virtual ~PinKeeper() = default;
  virtual bool HasPin() const = 0;
  virtual bool Check(const std::string& pin) const = 0;  // slow on purpose (a salted hash)
  virtual core::Status Choose(const std::string& pin) = 0;  // French error
  // The lock-out across restarts; now_ms is the pad's clock (the keeper knows the wall clock).
  // By default nothing is kept: the count lives in memory.
  virtual void RestoreGuard(core::PinGuard& /*guard*/, std::int64_t /*now_ms*/) const {}
  virtual void SaveGuard(const core::PinGuard& /*guard*/, std::int64_t /*now_ms*/) {}
};

class PinPad {
 public:
  enum class Outcome { None, Granted, Cancelled };

  // Asks for the PIN, or to choose one when keeper has none.
  void OpenToEnter(const PinKeeper& keeper);
  void OpenToChange();  // the facilitator is in: a new PIN, typed twice
  void Close() { m_open = false; }
  bool IsOpen() const { return m_open; }

  // Draws the pad over the whole screen; Granted once the PIN was right (or a new one saved).
  Outcome Draw(Controls& controls, const Fonts& fonts, float scale, std::int64_t now_ms, PinKeeper& keeper,
               core::PinGuard& guard);

 private:
  enum class Step { Enter, Choose, Confirm };
  Outcome Validate(std::int64_t now_ms, PinKeeper& keeper, core::PinGuard& guard);

  bool m_open = false;
  bool m_guard_restored = false;  // from the keeper, once (before the guard is first read)
  Step m_step = Step::Enter;
  bool m_changing = false;
  std::string m_typed;
  std::string m_first;  // the new PIN, while it is typed a second time
  std::string m_note;   // French, under the dots
};

}  // namespace atelier::ui
