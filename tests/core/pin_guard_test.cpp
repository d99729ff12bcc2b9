// The PIN pad's lock-out, on an injected clock: five wrong tries lock for 30 s, then longer each
// time; a right PIN resets everything. Its state survives a restart (a new steady clock, the
// wall clock carrying the lock's end) and never locks longer than the lock itself, whatever the
// wall clock or the saved values say.
#include "core/pin_guard.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "core/clock.h"

namespace atelier::core {
namespace {

TEST(PinGuard, FiveWrongTriesLockFor30SecondsThenLongerEachTime) {
  ManualClock clock(1000);
  PinGuard guard;
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(guard.Failed(clock.NowMs()));
  EXPECT_EQ(guard.tries_left(), 1);
  EXPECT_FALSE(guard.Locked(clock.NowMs()));
  EXPECT_TRUE(guard.Failed(clock.NowMs()));  // the fifth
  EXPECT_TRUE(guard.Locked(clock.NowMs()));
  EXPECT_EQ(guard.LockedForMs(clock.NowMs()), 30000);
  clock.Advance(29999);
  EXPECT_TRUE(guard.Locked(clock.NowMs()));
  EXPECT_FALSE(guard.Failed(clock.NowMs()));  // tries while locked do not count
  clock.Advance(1);
  EXPECT_FALSE(guard.Locked(clock.NowMs()));
  EXPECT_EQ(guard.tries_left(), 5);
  for (int i = 0; i < 5; ++i) guard.Failed(clock.NowMs());
  EXPECT_EQ(guard.LockedForMs(clock.NowMs()), 60000);  // longer the second time
  clock.Advance(60000);
  for (int i = 0; i < 5; ++i) guard.Failed(clock.NowMs());
  EXPECT_EQ(guard.LockedForMs(clock.NowMs()), 120000);
  for (int n = 0; n < 20; ++n) {  // never longer than the cap
    clock.Advance(guard.LockedForMs(clock.NowMs()));
    for (int i = 0; i < 5; ++i) guard.Failed(clock.NowMs());
  }
  EXPECT_EQ(guard.LockedForMs(clock.NowMs()), kPinLongestLockMs);
}

TEST(PinGuard, ARightPinResetsTheCountAndTheLength) {
  ManualClock clock;
  PinGuard guard;
  for (int i = 0; i < 5; ++i) guard.Failed(clock.NowMs());
  clock.Advance(30000);
  guard.Failed(clock.NowMs());
  guard.Succeeded();
  EXPECT_EQ(guard.tries_left(), 5);
  for (int i = 0; i < 5; ++i) guard.Failed(clock.NowMs());
  EXPECT_EQ(guard.LockedForMs(clock.NowMs()), 30000);  // back to the first length
}

// A restart: a new process, a new steady clock starting at 0, the wall clock going on.
struct Restart {
  ManualClock steady{0};
  ManualClock wall{1'764'150'000'000};  // Unix ms, November 2025
};

TEST(PinGuard, StateRoundTripsThroughExportAndImport) {
  ManualClock steady(5000), wall(1'764'150'000'000);
  PinGuard guard;
  EXPECT_EQ(guard.Export(steady.NowMs(), wall.NowMs()), PinGuardState{});
  guard.Failed(steady.NowMs());
  guard.Failed(steady.NowMs());
  EXPECT_EQ(guard.Export(steady.NowMs(), wall.NowMs()), (PinGuardState{.failures = 2, .locks = 0, .locked_until_wall_ms = 0}));
  for (int i = 0; i < 3; ++i) guard.Failed(steady.NowMs());
  steady.Advance(1000);
  wall.Advance(1000);
  const PinGuardState saved = guard.Export(steady.NowMs(), wall.NowMs());
  EXPECT_EQ(saved, (PinGuardState{.failures = 0, .locks = 1, .locked_until_wall_ms = wall.NowMs() + 29000}));

  PinGuard again;  // the same instant, another clock origin: the same guard
  again.Import(saved, 123, wall.NowMs());
  EXPECT_EQ(again.LockedForMs(123), 29000);
  EXPECT_EQ(again.Export(123, wall.NowMs()), saved);
  // And it goes on as the first would have: the next lock is the second one (60 s).
  for (int i = 0; i < 5; ++i) again.Failed(123 + 29000);
  EXPECT_EQ(again.LockedForMs(123 + 29000), 60000);
}

TEST(PinGuard, ARestartInTheMiddleOfALockKeepsTheTimeLeft) {
  ManualClock steady(40'000'000), wall(1'764'150'000'000);
  PinGuard before;
  for (int i = 0; i < 5; ++i) before.Failed(steady.NowMs());  // locked for 30 s
  steady.Advance(10000);
  wall.Advance(10000);
  const PinGuardState saved = before.Export(steady.NowMs(), wall.NowMs());

  Restart r;  // the plug pulled; the kiosk is back 12 s later (wall time)
  r.wall.Set(wall.NowMs() + 12000);
  PinGuard after;
  after.Import(saved, r.steady.NowMs(), r.wall.NowMs());
  EXPECT_TRUE(after.Locked(r.steady.NowMs()));
  EXPECT_EQ(after.LockedForMs(r.steady.NowMs()), 30000 - 10000 - 12000);
  EXPECT_FALSE(after.Failed(r.steady.NowMs()));  // still refused
  r.steady.Advance(8000);
  EXPECT_FALSE(after.Locked(r.steady.NowMs()));
  EXPECT_EQ(after.tries_left(), 5);

  // Restarted after the lock was over: open, but the lock count is kept (the next is longer).
  PinGuard later;
  later.Import(saved, 0, wall.NowMs() + 3'600'000);
  EXPECT_FALSE(later.Locked(0));
  for (int i = 0; i < 5; ++i) later.Failed(0);
  EXPECT_EQ(later.LockedForMs(0), 60000);
}

TEST(PinGuard, WrongTriesBeforeARestartStillCount) {
  PinGuard before;
  for (int i = 0; i < 4; ++i) before.Failed(0);
  const PinGuardState saved = before.Export(0, 1'764'150'000'000);
  PinGuard after;
  after.Import(saved, 0, 1'764'150'060'000);
  EXPECT_EQ(after.tries_left(), 1);
  EXPECT_TRUE(after.Failed(0));  // the fifth, after the restart, locks
}

TEST(PinGuard, AClockGoneBackwardsNeverLocksLongerThanTheLockItself) {
  PinGuard before;
  for (int i = 0; i < 5; ++i) before.Failed(0);
  const PinGuardState saved = before.Export(0, 1'764'150'000'000);  // locked for 30 s from then
  // A Raspberry Pi without a clock battery boots a day in the past, or in 1970.
  for (std::int64_t wall_now : {1'764'150'000'000 - 86'400'000LL, 0LL, -5'000LL}) {
    PinGuard after;
    after.Import(saved, 777, wall_now);
    EXPECT_EQ(after.LockedForMs(777), 30000) << "wall clock at " << wall_now;
  }
  // Even a far-future end in a state that claims many locks: never past the 16 min cap.
  PinGuard capped;
  capped.Import({.failures = 0, .locks = 40, .locked_until_wall_ms = INT64_MAX}, 0, 1'764'150'000'000);
  EXPECT_EQ(capped.LockedForMs(0), kPinLongestLockMs);
  EXPECT_FALSE(capped.Locked(kPinLongestLockMs));
}

TEST(PinGuard, NonsenseInAStateIsBroughtBackIntoRange) {
  PinGuard guard;
  guard.Import({.failures = 99, .locks = -3, .locked_until_wall_ms = 0}, 0, 1000);
  EXPECT_EQ(guard.tries_left(), 1);  // at most one try from a lock
  EXPECT_FALSE(guard.Locked(0));
  guard.Import({.failures = -7, .locks = 0, .locked_until_wall_ms = 1000 + 999'999'999}, 0, 1000);
  EXPECT_EQ(guard.tries_left(), 5);
  EXPECT_EQ(guard.LockedForMs(0), kPinFirstLockMs);  // "locked" with no lock counted: the first length
  guard.Succeeded();
  EXPECT_EQ(guard.Export(0, 1000), PinGuardState{});
}

TEST(PinGuard, APinIsFourToEightDigits) {
  EXPECT_TRUE(PinLooksValid("1234"));
  EXPECT_TRUE(PinLooksValid("12345678"));
  EXPECT_FALSE(PinLooksValid("123"));
  EXPECT_FALSE(PinLooksValid("123456789"));
  EXPECT_FALSE(PinLooksValid("12a4"));
  EXPECT_FALSE(PinLooksValid(""));
}

}  // namespace
}  // namespace atelier::core
