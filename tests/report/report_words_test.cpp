#include "report/report_words.h"

#include <gtest/gtest.h>

namespace atelier::report {
namespace {

TEST(ReportWords, FrenchAndEnglishCountsDatesDurationsImpacts) {
  const ReportWords& fr = WordsFor("fr");
  const ReportWords& en = WordsFor("en");
  EXPECT_EQ(Count(fr, 0, false), "0 carte");
  EXPECT_EQ(Count(fr, 1, true), "1 vote");
  EXPECT_EQ(Count(fr, 2, false), "2 cartes");
  EXPECT_EQ(Count(en, 0, false), "0 cards");
  EXPECT_EQ(Count(en, 1, false), "1 card");
  EXPECT_EQ(ActorWord(fr, core::Actor::Facilitator), "animateur·rice");
  EXPECT_EQ(ActorWord(en, core::Actor::Phone), "phone");
  // 2026-11-16 13:05 UTC, in Paris (UTC+1) the 16th at 14:05; at UTC+11 it is the 17th.
  EXPECT_EQ(LongDate(1'794'834'300'000, 60, "fr"), "16 novembre 2026");
  EXPECT_EQ(LongDate(1'794'834'300'000, 11 * 60, "en"), "17 November 2026");
  EXPECT_EQ(Duration(45'000, "fr"), "45 s");
  EXPECT_EQ(Duration(12 * 60'000 + 59'000, "fr"), "12 min");
  EXPECT_EQ(Duration(65 * 60'000, "fr"), "1 h 05");
  EXPECT_EQ(Impact(0.62f, "fr"), "+0,6");
  EXPECT_EQ(Impact(-0.55f, "en"), "-0.6");
  EXPECT_EQ(Impact(0.01f, "fr"), "0,0");
}

}  // namespace
}  // namespace atelier::report
