#include "core/pin_guard.h"

#include <algorithm>
#include <cstring>

namespace atelier::core {

namespace {
constexpr int kMaxLocksKept = 1000;  // far past the 16 min cap; keeps the count from overflowing
}

std::int64_t PinLockLengthMs(int earlier_locks) {
  return std::min(kPinLongestLockMs, kPinFirstLockMs << std::clamp(earlier_locks, 0, 10));
}

bool PinGuard::Failed(std::int64_t now_ms) {
  if (Locked(now_ms)) return false;
  if (++m_failures < kPinTriesBeforeLock) return false;
  m_locked_until_ms = now_ms + PinLockLengthMs(m_locks);
  m_locks = std::min(m_locks + 1, kMaxLocksKept);
  m_failures = 0;
  return true;
}

void PinGuard::Succeeded() {
  m_failures = 0;
  m_locks = 0;
  m_locked_until_ms = 0;
}

PinGuardState PinGuard::Export(std::int64_t now_ms, std::int64_t wall_now_ms) const {
  return {.failures = m_failures,
          .locks = m_locks,
          .locked_until_wall_ms = Locked(now_ms) ? wall_now_ms + LockedForMs(now_ms) : 0};
}

void PinGuard::Import(const PinGuardState& state, std::int64_t now_ms, std::int64_t wall_now_ms) {
  m_failures = std::clamp(state.failures, 0, kPinTriesBeforeLock - 1);
  m_locks = std::clamp(state.locks, 0, kMaxLocksKept);
  m_locked_until_ms = 0;
  if (state.locked_until_wall_ms <= wall_now_ms) return;  // over (or never locked)
  // Still locked: the time left, but never more than the length of the lock that is running
  // (the wall clock may have gone back since, by a day or to 1970).
  m_locks = std::max(m_locks, 1);
  const std::int64_t longest = PinLockLengthMs(m_locks - 1);
  m_locked_until_ms = now_ms + (state.locked_until_wall_ms - longest > wall_now_ms
                                    ? longest
                                    : state.locked_until_wall_ms - wall_now_ms);
}

bool PinLooksValid(const char* pin) {
  const std::size_t n = std::strlen(pin);
  if (n < static_cast<std::size_t>(kPinMinDigits) || n > static_cast<std::size_t>(kPinMaxDigits)) return false;
  return std::all_of(pin, pin + n, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace atelier::core
