// The PIN pad's lock-out: after kPinTriesBeforeLock wrong PINs in a row the pad refuses every
// try for a while — 30 s the first time, twice as long each time after (at most 16 min), until
// a right PIN resets it. Pure logic on an injected time (milliseconds of any steady clock), so
// tests drive it without waiting. Checking the PIN itself (a slow salted hash) lives in
// store/pin_file.h; this only counts. The count survives a restart: the pad's keeper saves
// Export() after every wrong or right PIN (store/pin_file.h, beside the PIN's hash) and Import()s
// it at start, so pulling the plug does not give an attacker five more tries. Across a restart
// the lock's end is a wall-clock time (the steady clock starts again with the process), trusted
// only so far: the time left is never more than that lock's own length.
#pragma once
#include <cstdint>

namespace atelier::core {

inline constexpr int kPinTriesBeforeLock = 5;
inline constexpr std::int64_t kPinFirstLockMs = 30'000;
inline constexpr std::int64_t kPinLongestLockMs = 16 * 60'000;
inline constexpr int kPinMinDigits = 4;
inline constexpr int kPinMaxDigits = 8;

// The lock-out as plain values, to keep across restarts. A default state has no failures.
struct PinGuardState {
  int failures = 0;                       // wrong tries since the last lock or right PIN
  int locks = 0;                          // locks since the last right PIN
  std::int64_t locked_until_wall_ms = 0;  // Unix milliseconds; 0: not locked
  bool operator==(const PinGuardState&) const = default;
};

// How long the lock after `earlier_locks` locks lasts: 30 s, 60 s, 120 s … at most 16 min.
std::int64_t PinLockLengthMs(int earlier_locks);

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

  // The state to save; now_ms is this guard's clock and wall_now_ms the wall clock (Unix ms) at
  // the same instant.
  PinGuardState Export(std::int64_t now_ms, std::int64_t wall_now_ms) const;
  // Takes a saved state (replacing this one). Values that make no sense are brought back into
  // range (failures 0 … 4, locks ≥ 0), and the lock left is at most that lock's length whatever
  // the wall clock did meanwhile (a Raspberry Pi without a clock battery boots in the past): a
  // damaged file or a clock gone backwards never locks the facilitator out for more than 16 min.
  void Import(const PinGuardState& state, std::int64_t now_ms, std::int64_t wall_now_ms);

 private:
  int m_failures = 0;
  int m_locks = 0;  // locks since the last right PIN; each doubles the next
  std::int64_t m_locked_until_ms = 0;
};

// A PIN the kiosk accepts: kPinMinDigits … kPinMaxDigits ASCII digits.
bool PinLooksValid(const char* pin);

}  // namespace atelier::core
