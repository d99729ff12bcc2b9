// The playback clock: speeds, pause, skipping quiet moments, reaching the end.
#include "replay/playback_clock.h"

#include <gtest/gtest.h>

namespace atelier::replay {
namespace {

TEST(PlaybackClock, StartsPausedAtZeroAndMovesOnlyWhenPlaying) {
  PlaybackClock clock({1000, 2000, 60'000});
  EXPECT_FALSE(clock.playing());
  EXPECT_EQ(clock.position(), 0);
  EXPECT_FALSE(clock.Advance(500));
  EXPECT_EQ(clock.position(), 0);
  clock.Play();
  EXPECT_TRUE(clock.Advance(500));
  EXPECT_DOUBLE_EQ(clock.position(), 500);
  clock.Pause();
  EXPECT_FALSE(clock.Advance(500));
  EXPECT_DOUBLE_EQ(clock.position(), 500);
  clock.TogglePlay();
  EXPECT_TRUE(clock.playing());
}

TEST(PlaybackClock, EverySpeedMultipliesRealTime) {
  for (double speed : kSpeeds) {
    PlaybackClock clock({10'000'000});
    clock.SetSpeed(speed);
    clock.Play();
    for (int frame = 0; frame < 60; ++frame) clock.Advance(16);
    EXPECT_DOUBLE_EQ(clock.position(), 60 * 16 * speed) << speed;
  }
  PlaybackClock clock({1000});
  clock.SetSpeed(0);  // nonsense falls back to 1×
  EXPECT_EQ(clock.speed(), 1);
}

TEST(PlaybackClock, StopsAndPausesAtTheEndThenPlayStartsOver) {
  PlaybackClock clock({1000, 3000});
  clock.SetSpeed(10);
  clock.Play();
  clock.Advance(200);
  EXPECT_DOUBLE_EQ(clock.position(), 2000);
  EXPECT_TRUE(clock.Advance(200));
  EXPECT_EQ(clock.position(), 3000);
  EXPECT_TRUE(clock.at_end());
  EXPECT_FALSE(clock.playing());
  EXPECT_FALSE(clock.Advance(16));
  clock.Play();
  EXPECT_EQ(clock.position(), 0);
  EXPECT_TRUE(clock.playing());
}

TEST(PlaybackClock, SeekClampsAndKeepsThePlayingState) {
  PlaybackClock clock({1000, 3000});
  clock.Seek(-50);
  EXPECT_EQ(clock.position(), 0);
  clock.Seek(99'999);
  EXPECT_EQ(clock.position(), 3000);
  clock.Seek(1500);
  clock.Play();
  clock.Seek(2000);
  EXPECT_TRUE(clock.playing());
  EXPECT_EQ(clock.position_ms(), 2000);
}

TEST(PlaybackClock, AnEmptySessionNeverPlays) {
  PlaybackClock clock;
  clock.Play();
  EXPECT_FALSE(clock.playing());
  EXPECT_TRUE(clock.at_end());
  EXPECT_EQ(clock.RealMsToEnd(), 0);
}

TEST(PlaybackClock, SkipQuietCompressesLongGapsToTheLimit) {
  // Events at 1 s and 2 s, then nothing for ten minutes, then one more.
  PlaybackClock clock({1000, 2000, 602'000}, {.quiet_limit_ms = 3000});
  EXPECT_DOUBLE_EQ(clock.RealMsToEnd(), 602'000);
  clock.SetSkipQuiet(true);
  EXPECT_DOUBLE_EQ(clock.RealMsToEnd(), 2000 + 3000);  // short gaps as they were, the long one 3 s
  clock.Play();
  clock.Advance(2000);
  EXPECT_DOUBLE_EQ(clock.position(), 2000);  // the short gaps play in real time
  clock.Advance(1500);  // half the compressed gap: half of the ten minutes
  EXPECT_DOUBLE_EQ(clock.position(), 2000 + 300'000);
  clock.Advance(1500);
  EXPECT_DOUBLE_EQ(clock.position(), 602'000);
  EXPECT_TRUE(clock.at_end());
}

TEST(PlaybackClock, SkipQuietAlsoShortensTheWaitBeforeTheFirstEventAndWorksWithSpeed) {
  PlaybackClock clock({120'000, 121'000}, {.quiet_limit_ms = 2000});
  clock.SetSkipQuiet(true);
  clock.SetSpeed(2);
  EXPECT_DOUBLE_EQ(clock.RealMsToEnd(), (2000 + 1000) / 2.0);
  clock.Play();
  clock.Advance(1000);  // 2000 replay ms: the whole quiet start
  EXPECT_DOUBLE_EQ(clock.position(), 120'000);
  clock.Advance(250);
  EXPECT_DOUBLE_EQ(clock.position(), 120'500);
  clock.SetSkipQuiet(false);
  EXPECT_DOUBLE_EQ(clock.RealMsToEnd(clock.position()), 250);
}

TEST(PlaybackClock, OneBigFrameCrossesSeveralStretches) {
  PlaybackClock clock({1000, 61'000, 62'000, 122'000, 122'000, 123'000}, {.quiet_limit_ms = 1000});
  clock.SetSkipQuiet(true);
  clock.SetSpeed(60);
  clock.Play();
  // Replay time to the end: 1000 + 1000 + 1000 + 1000 + 1000 = 5000 ms, 83.3 ms real at 60×.
  EXPECT_NEAR(clock.RealMsToEnd(), 5000.0 / 60, 1e-9);
  clock.Advance(50);  // 3000 replay ms
  EXPECT_DOUBLE_EQ(clock.position(), 62'000);
  clock.Advance(1000);
  EXPECT_TRUE(clock.at_end());
}

TEST(PlaybackClock, NewEventsExtendTheEndAndKeepThePosition) {
  PlaybackClock clock({1000, 2000});
  clock.Seek(1500);
  clock.SetEventTimes({1000, 2000, 9000});
  EXPECT_EQ(clock.position(), 1500);
  EXPECT_EQ(clock.end_ms(), 9000);
}

}  // namespace
}  // namespace atelier::replay
