#include "core/pin_guard.h"

#include <algorithm>
#include <cstring>

namespace atelier::core {

bool PinGuard::Failed(std::int64_t now_ms) {
  if (Locked(now_ms)) return false;
  if (++m_failures < kPinTriesBeforeLock) return false;
  const std::int64_t length = std::min(kPinLongestLockMs, kPinFirstLockMs << std::min(m_locks, 10));
  m_locked_until_ms = now_ms + length;
  ++m_locks;
  m_failures = 0;
  return true;
}

void PinGuard::Succeeded() {
  m_failures = 0;
  m_locks = 0;
  m_locked_until_ms = 0;
}

bool PinLooksValid(const char* pin) {
  const std::size_t n = std::strlen(pin);
  if (n < static_cast<std::size_t>(kPinMinDigits) || n > static_cast<std::size_t>(kPinMaxDigits)) return false;
  return std::all_of(pin, pin + n, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace atelier::core
