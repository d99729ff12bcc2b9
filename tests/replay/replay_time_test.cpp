// TIME on the command line (seconds, mm:ss, hh:mm:ss, end), clamping, and times shown.
#include "replay/replay_time.h"

#include <gtest/gtest.h>

namespace atelier::replay {
namespace {

std::int64_t Ms(std::string_view text) {
  auto parsed = ParseTimeArg(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? parsed->ms : -1;
}

TEST(ReplayTime, ParsesSecondsMinutesAndHours) {
  EXPECT_EQ(Ms("0"), 0);
  EXPECT_EQ(Ms("90"), 90'000);
  EXPECT_EQ(Ms("90.5"), 90'500);
  EXPECT_EQ(Ms("1.25"), 1'250);
  EXPECT_EQ(Ms(" 12 "), 12'000);
  EXPECT_EQ(Ms("1:30"), 90'000);
  EXPECT_EQ(Ms("00:07"), 7'000);
  EXPECT_EQ(Ms("75:00"), 4'500'000);  // minutes may pass 59 without an hours field
  EXPECT_EQ(Ms("1:02:03"), 3'723'000);
  EXPECT_EQ(Ms("01:02:03.250"), 3'723'250);
  EXPECT_EQ(Ms("-5"), -5000);
}

TEST(ReplayTime, EndAndFin) {
  for (const char* word : {"end", "END", "fin", " End "}) {
    auto parsed = ParseTimeArg(word);
    ASSERT_TRUE(parsed.ok()) << word;
    EXPECT_TRUE(parsed->end);
  }
}

TEST(ReplayTime, RefusesWhatIsNotATime) {
  for (const char* bad : {"", "abc", "1:2:3:4", "1:60", "1:75:00", "12s", "1.2345", ":30", "1:", "1..2", "--3",
                          "9999999999"}) {
    auto parsed = ParseTimeArg(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_NE(parsed.error().message.find("time"), std::string::npos);
    }
  }
}

TEST(ReplayTime, OutOfRangeIsClampedAndSaid) {
  EXPECT_EQ(ResolveTime({.ms = 30'000}, 60'000).ms, 30'000);
  EXPECT_TRUE(ResolveTime({.ms = 30'000}, 60'000).note.empty());
  ResolvedTime late = ResolveTime({.ms = 3'600'000}, 60'000);
  EXPECT_EQ(late.ms, 60'000);
  EXPECT_NE(late.note.find("after the last event"), std::string::npos) << late.note;
  EXPECT_NE(late.note.find("1:00:00"), std::string::npos) << late.note;
  ResolvedTime early = ResolveTime({.ms = -5000}, 60'000);
  EXPECT_EQ(early.ms, 0);
  EXPECT_NE(early.note.find("before the start"), std::string::npos);
  EXPECT_EQ(ResolveTime({.end = true}, 60'000).ms, 60'000);
  EXPECT_EQ(ResolveTime({.end = true}, 0).ms, 0);
}

TEST(ReplayTime, FormatsElapsedTimeAndTimeOfDay) {
  EXPECT_EQ(FormatElapsed(0), "0:00");
  EXPECT_EQ(FormatElapsed(5'999), "0:05");
  EXPECT_EQ(FormatElapsed(754'000), "12:34");
  EXPECT_EQ(FormatElapsed(3'723'000), "1:02:03");
  EXPECT_EQ(FormatElapsed(-10), "0:00");
  // 2026-11-16T13:05:00Z is 14:05 in Paris in winter (+60), 08:05 in New York (−300).
  const std::int64_t instant = 1'794'834'300'000;
  EXPECT_EQ(FormatTimeOfDay(instant, 0), "13:05");
  EXPECT_EQ(FormatTimeOfDay(instant, 60), "14:05");
  EXPECT_EQ(FormatTimeOfDay(instant, -300), "08:05");
  EXPECT_EQ(FormatTimeOfDay(instant + 11 * 3'600'000, 60), "01:05");  // past midnight
}

}  // namespace
}  // namespace atelier::replay
