#include "core/text_match.h"

#include <gtest/gtest.h>

namespace atelier::core {
namespace {

TEST(MatchKey, CaseAndAccentsAsideTheSameTextMatches) {
  EXPECT_EQ(MatchKey("Café"), MatchKey("cafe"));
  EXPECT_EQ(MatchKey("CAFÉ"), MatchKey("café"));
  EXPECT_EQ(MatchKey("Élève à l'école"), MatchKey("eleve a l'ECOLE"));
  EXPECT_EQ(MatchKey("Œuvre"), MatchKey("oeuvre"));
  EXPECT_EQ(MatchKey("Straße"), MatchKey("strasse"));
  EXPECT_EQ(MatchKey("Ça ne va pas"), MatchKey("ca ne va pas"));
  EXPECT_EQ(MatchKey("Łódź"), MatchKey("lodz"));
  EXPECT_EQ(MatchKey("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"), MatchKey("aaaceeeeiioouuuy"));
}

TEST(MatchKey, WhiteSpaceRunsAndEndsDoNotCount) {
  EXPECT_EQ(MatchKey("  Un   drive\tpartagé "), MatchKey("un drive partage"));
  EXPECT_EQ(MatchKey("« Lettre »"), MatchKey("«\u00a0lettre\u00a0»"));
  EXPECT_EQ(MatchKey("   "), "");
}

TEST(MatchKey, DifferentWordsStayDifferent) {
  EXPECT_NE(MatchKey("Drive"), MatchKey("Drives"));
  EXPECT_NE(MatchKey("côte"), MatchKey("cote d'or"));
  EXPECT_NE(MatchKey("a b"), MatchKey("ab"));
  // Signs and other scripts are kept as they are.
  EXPECT_EQ(MatchKey("2 × 3"), "2 × 3");
  EXPECT_EQ(MatchKey("Ελλάδα"), "Ελλάδα");
}

}  // namespace
}  // namespace atelier::core
