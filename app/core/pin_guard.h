// The PIN pad's lock-out: after kPinTriesBeforeLock wrong PINs in a row the pad refuses every
// try for a while — 30 s the first time, twice as long each time after (at most 16 min), until
// a right PIN resets it. Pure logic on an injected time (milliseconds of any steady clock), so
// tests drive it without waiting. Checking the PIN itself (a slow salted hash) lives in
// store/pin_file.h; this only counts. The count lives in memory: restarting the kiosk resets it,
// which costs an attacker a reboot (and the facilitator sees the kiosk restart).
#pragma once
#include <cstdint>

namespace atelier::core {

inline constexpr int kPinTriesBeforeLock = 5;
inline constexpr std::int64_t kPinFirstLockMs = 30'000;
inline constexpr std::int64_t kPinLongestLockMs = 16 * 60'000;
inline constexpr int kPinMinDigits = 4;
inline constexpr int kPinMaxDigits = 8;

class PinGuard {
 public:
  // True while tries are refused; how long is left (0 when open).
  bool Locked(std::int64_t now_ms) const { return now_ms < m_locked_until_ms; }
  std::int64_t LockedForMs(std::int64_t now_ms) const { return Locked(now_ms) ? m_locked_until_ms - now_ms : 0; }

  // A wrong PIN (ignored while locked: the pad does not even check then). Returns true when
  // this try locked the pad.
  bool Failed(std::int64_t now_ms);
  void Succeeded();  // a right PIN: the count and the lock length start again

  int failures() const { return m_failures; }  // wrong tries since the last lock or success
  int tries_left() const { return kPinTriesBeforeLock - m_failures; }

 private:
  int m_failures = 0;
  int m_locks = 0;  // locks since the last right PIN; each doubles the next
  std::int64_t m_locked_until_ms = 0;
};

// A PIN the kiosk accepts: kPinMinDigits … kPinMaxDigits ASCII digits.
bool PinLooksValid(const char* pin);

}  // namespace atelier::core
