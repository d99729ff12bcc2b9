// The PIN pad's lock-out, on an injected clock: five wrong tries lock for 30 s, then longer each
// time; a right PIN resets everything.
#include "core/pin_guard.h"

#include <gtest/gtest.h>

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
