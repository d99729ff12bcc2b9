// Decks of ready-made cards from CSV: colours by French or English name, categories, headers,
// semicolons; bad rows are skipped with their row number and the reason, the rest imported.
#include "store/deck_csv.h"

#include <gtest/gtest.h>

namespace atelier::store {
namespace {

TEST(DeckCsv, ReadsTextColourAndCategoryWithAHeader) {
  Deck d = ParseDeck("texte,couleur,catégorie\r\nHelloAsso,vert,Financement\r\n\"Canva, affiches\",Blue,\nFacebook\n");
  ASSERT_EQ(d.cards.size(), 3u);
  EXPECT_TRUE(d.problems.empty());
  EXPECT_EQ(d.cards[0], (DeckCard{"HelloAsso", "green", "Financement"}));
  EXPECT_EQ(d.cards[1], (DeckCard{"Canva, affiches", "blue", ""}));
  EXPECT_EQ(d.cards[2], (DeckCard{"Facebook", "yellow", ""}));
}

TEST(DeckCsv, SemicolonsQuotesAndABom) {
  Deck d = ParseDeck("\xEF\xBB\xBF" "Lettre d'information;ROSE;Communication\n\"Dit \"\"bonjour\"\"\";;\n");
  ASSERT_EQ(d.cards.size(), 2u);
  EXPECT_EQ(d.cards[0], (DeckCard{"Lettre d'information", "pink", "Communication"}));
  EXPECT_EQ(d.cards[1].text, "Dit \"bonjour\"");
}

TEST(DeckCsv, BadRowsAreSkippedWithRowNumberAndWhyTheRestImported) {
  std::string csv = "text,colour\n"
                    "Visio,teal\n"
                    ",jaune\n"                      // 3: empty text
                    "WhatsApp,fuchsia\n"            // 4: unknown colour
                    "\n"                            // blank: silently skipped
                    + std::string(201, 'x') + "\n"  // 6: too long
                    "Drive,grey,Outils,en trop\n"   // 7: a fourth column
                    "Compta \xff en ligne\n"        // 8: not UTF-8
                    "\"Deux\nlignes\",vert\n"       // 9–10: one card over two lines
                    "Réservation de salles\n";      // 11
  Deck d = ParseDeck(csv);
  ASSERT_EQ(d.cards.size(), 3u);
  EXPECT_EQ(d.cards[0].text, "Visio");
  EXPECT_EQ(d.cards[1].text, "Deux lignes");
  EXPECT_EQ(d.cards[2].text, "Réservation de salles");
  ASSERT_EQ(d.problems.size(), 5u);
  EXPECT_EQ(d.problems[0].row, 3);
  EXPECT_NE(d.problems[0].fr.find("vide"), std::string::npos);
  EXPECT_EQ(d.problems[1].row, 4);
  EXPECT_NE(d.problems[1].fr.find("fuchsia"), std::string::npos);
  EXPECT_NE(d.problems[1].en.find("unknown colour"), std::string::npos);
  EXPECT_EQ(d.problems[2].row, 6);
  EXPECT_NE(d.problems[2].fr.find("trop long"), std::string::npos);
  EXPECT_EQ(d.problems[3].row, 7);
  EXPECT_EQ(d.problems[4].row, 8);
  EXPECT_NE(d.problems[4].fr.find("UTF-8"), std::string::npos);
}

TEST(DeckCsv, TheStarterDeckLoadsCleanly) {
  auto d = LoadDeck(std::string(ATELIER_SOURCE_DIR) + "/assets/decks/associations-connectees.csv");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_TRUE(d->problems.empty()) << d->problems[0].row << ": " << d->problems[0].en;
  EXPECT_GE(d->cards.size(), 20u);
  EXPECT_FALSE(LoadDeck("/nonexistent/deck.csv").ok());
}

}  // namespace
}  // namespace atelier::store
