// What the deck's tray shows: everything in Keep mode; in Consume mode the deck cards not (or
// no longer) on the board, following the board's history (bin, restore, undo).
#include <gtest/gtest.h>

#include "core/command.h"
#include "core/deck.h"
#include "core/session.h"

namespace atelier::core {
namespace {

struct DeckFixture : ::testing::Test {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Board(Template{}), journal, clock};
  std::vector<DeckCard> deck{{"HelloAsso", "green", "Financement"},
                             {"Canva", "blue", ""},
                             {"HelloAsso", "green", "Financement"},
                             {"Compta en ligne", "orange", "Gestion"}};

  CardId Add(const std::string& text) {
    auto e = session.Submit(AddCard{text, "yellow", {0.5f, 0.5f}});
    EXPECT_TRUE(e.ok());
    return std::get<CardAdded>(e->data).id;
  }
};

TEST_F(DeckFixture, KeepModeAlwaysShowsTheWholeDeck) {
  Add("HelloAsso");
  Add("Canva");
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Keep), (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST_F(DeckFixture, ConsumeModeHidesOneDeckCardPerBoardCardWithItsText) {
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{0, 1, 2, 3}));
  Add("HelloAsso");
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{1, 2, 3}));
  Add("HelloAsso");
  Add("HelloAsso");  // a third copy written by hand takes nothing more away
  Add("Autre chose");
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{1, 3}));
}

TEST_F(DeckFixture, ACardBackFromTheBoardComesBackToTheTray) {
  CardId canva = Add("Canva");
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{0, 2, 3}));
  ASSERT_TRUE(session.Submit(DeleteCard{canva}).ok());  // to the bin
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{0, 1, 2, 3}));
  ASSERT_TRUE(session.Submit(RestoreCard{canva}).ok());  // "Annuler"
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{0, 2, 3}));
}

TEST_F(DeckFixture, FacilitatorUndoOfTheAddGivesTheCardBack) {
  Add("Compta en ligne");
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{0, 1, 2}));
  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());
  EXPECT_EQ(OnTray(deck, session.board(), DeckMode::Consume), (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(DeckMode, ParsesBothLanguagesAndRefusesTheRest) {
  EXPECT_EQ(ParseDeckMode("keep"), DeckMode::Keep);
  EXPECT_EQ(ParseDeckMode("garder"), DeckMode::Keep);
  EXPECT_EQ(ParseDeckMode("consume"), DeckMode::Consume);
  EXPECT_EQ(ParseDeckMode("consommer"), DeckMode::Consume);
  EXPECT_EQ(ParseDeckMode("Keep "), std::nullopt);
  EXPECT_EQ(ParseDeckMode(""), std::nullopt);
  EXPECT_STREQ(DeckModeName(DeckMode::Consume), "consume");
}

}  // namespace
}  // namespace atelier::core
