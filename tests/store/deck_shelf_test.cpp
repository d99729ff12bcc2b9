// The kiosk's current deck: a checked copy of the imported CSV that survives the stick's
// removal; a bad import leaves the current deck as it was; candidates two levels deep.
#include "store/deck_shelf.h"

#include <gtest/gtest.h>

#include <fstream>

namespace atelier::store {
namespace {

namespace fs = std::filesystem;

struct DeckShelfTest : ::testing::Test {
  fs::path root = fs::temp_directory_path() / ("deck-shelf-" + std::to_string(::getpid()) + "-" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override {
    fs::remove_all(root);
    fs::create_directories(root / "stick/ateliers/vieux/encore");
  }
  void TearDown() override { fs::remove_all(root); }
  fs::path Write(const fs::path& relative, const std::string& text) {
    fs::path p = root / relative;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
};

TEST_F(DeckShelfTest, NoDeckUntilOneIsImportedThenTheCopyOutlivesTheOriginal) {
  DeckShelf shelf(root / "data/paquet.csv", {});
  ASSERT_TRUE(shelf.Current().ok());
  EXPECT_FALSE(shelf.Current().value().has_value());

  fs::path original = Write("stick/cartes.csv", "texte;couleur\nHelloAsso;vert\n;jaune\nCanva;bleu\n");
  auto imported = shelf.Import(original);
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported.value().cards.size(), 2u);
  ASSERT_EQ(imported.value().problems.size(), 1u);
  EXPECT_EQ(imported.value().problems[0].row, 3);

  fs::remove(original);  // the USB stick is gone
  auto current = shelf.Current();
  ASSERT_TRUE(current.ok());
  ASSERT_TRUE(current.value().has_value());
  EXPECT_EQ(current.value()->cards[1], (DeckCard{"Canva", "blue", ""}));

  ASSERT_TRUE(shelf.Remove().ok());
  EXPECT_FALSE(shelf.Current().value().has_value());
}

TEST_F(DeckShelfTest, AFileWithoutAnyGoodCardDoesNotReplaceTheDeck) {
  DeckShelf shelf(root / "data/paquet.csv", {});
  ASSERT_TRUE(shelf.Import(Write("bon.csv", "Visio,turquoise\n")).ok());
  auto bad = shelf.Import(Write("vide.csv", "texte,couleur\n,jaune\nx,fuchsia\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("aucune carte utilisable"), std::string::npos) << bad.error().message;
  EXPECT_EQ(shelf.Current().value()->cards.at(0).text, "Visio");

  auto missing = shelf.Import(root / "absent.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("absent.csv"), std::string::npos);
  EXPECT_EQ(shelf.Current().value()->cards.at(0).text, "Visio");
}

TEST_F(DeckShelfTest, AHugeFileIsRefusedWithoutReadingIt) {
  DeckShelf shelf(root / "data/paquet.csv", {});
  auto huge = shelf.Import(Write("enorme.csv", std::string(kMaxDeckFileBytes + 1, 'a')));
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("trop gros"), std::string::npos);
}

TEST_F(DeckShelfTest, ACopyThatCannotBeWrittenIsAFrenchErrorAndNothingChanges) {
  Write("pas-un-dossier", "x");  // the data "folder" is a file: no one can write there, not even root
  DeckShelf shelf(root / "pas-un-dossier/paquet.csv", {});
  auto result = shelf.Import(Write("bon.csv", "Visio,turquoise\n"));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("n'a pas pu être enregistré"), std::string::npos) << result.error().message;
}

TEST_F(DeckShelfTest, CandidatesAreCsvFilesThreeLevelsDownSortedByName) {
  Write("stick/b-outils.csv", "x\n");
  Write("stick/ateliers/a-pratiques.csv", "x\n");
  Write("stick/ateliers/notes.txt", "x\n");
  Write("stick/ateliers/vieux/ok.csv", "x\n");  // /media/<user>/<stick>/file.csv is this deep
  Write("stick/ateliers/vieux/encore/trop-profond.csv", "x\n");
  DeckShelf shelf(root / "data/paquet.csv", {root / "stick", root / "absent"});
  std::vector<std::string> names;
  for (const fs::path& p : shelf.Candidates()) names.push_back(p.filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"a-pratiques.csv", "b-outils.csv", "ok.csv"}));
}

TEST(DeckShelfFile, FollowsXdgDataHome) {
  ::setenv("XDG_DATA_HOME", "/srv/kiosque", 1);
  EXPECT_EQ(DefaultDeckFile(), fs::path("/srv/kiosque/atelier/paquet.csv"));
}

TEST(DeckShelfFile, ShippedStarterDeckImportsCleanly) {
  DeckShelf shelf(fs::temp_directory_path() / ("deck-shelf-starter-" + std::to_string(::getpid())) / "paquet.csv", {});
  auto deck = shelf.Import(fs::path(ATELIER_SOURCE_DIR) / "assets/decks/associations-connectees.csv");
  ASSERT_TRUE(deck.ok()) << deck.error().message;
  EXPECT_GE(deck.value().cards.size(), 20u);
  EXPECT_TRUE(deck.value().problems.empty());
  std::filesystem::remove_all(shelf.file().parent_path());
}

}  // namespace
}  // namespace atelier::store
