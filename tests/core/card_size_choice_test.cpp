// "Taille des cartes": the facilitator fixes the card size (CardSizeSet), the fold uses it for
// every card, undo / redo give the choice back, and a replay of the journal gives the same size.
#include <gtest/gtest.h>

#include <random>

#include "board_layout_util.h"
#include "core/command.h"
#include "core/session.h"

namespace atelier::core {
namespace {

using testing::SixColumns;

struct SizeChoice : ::testing::Test {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Board(SixColumns()), journal, clock};

  Result<Event> AsFacilitator(const Command& c) { return session.Submit(c, Actor::Facilitator); }
  void AddCards(int n, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> x(0.06f, 0.97f), y(0.2f, 0.8f);
    for (int i = 0; i < n; ++i)
      ASSERT_TRUE(session.Submit(AddCard{"Carte " + std::to_string(i), "yellow", {x(random), y(random)}}).ok());
  }
  Board Replayed() const {
    Board b(SixColumns());
    for (const Event& e : journal.events()) b.Apply(e);
    return b;
  }
};

TEST_F(SizeChoice, AFixedStepSetsEveryCardsRectangle) {
  AddCards(10, 1);
  const CardSize automatic = session.board().card_size();
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Small}).ok());
  const CardSize small = ScaledCardSize(*CardSizeChoiceScale(CardSizeChoice::Small));
  EXPECT_EQ(session.board().card_size(), small);
  EXPECT_NE(small, automatic);  // ten cards: the crowd alone would keep them bigger
  EXPECT_EQ(session.board().card_size_choice(), CardSizeChoice::Small);
  for (const auto& [id, card] : session.board().cards()) {
    EXPECT_FLOAT_EQ(session.board().CardBounds(card).w, small.w);
    EXPECT_FLOAT_EQ(session.board().CardBounds(card).h, small.h);
  }
}

TEST_F(SizeChoice, AFixedSizeStaysWhenTheCrowdGrows) {
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Medium}).ok());
  const CardSize medium = session.board().card_size();
  AddCards(150, 2);
  EXPECT_EQ(session.board().card_size(), medium);
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Auto}).ok());
  EXPECT_LT(session.board().card_size().w, medium.w);  // 150 cards: the crowd asks for smaller
}

TEST_F(SizeChoice, OnlyTheFacilitatorAndOnlyAChange) {
  auto participant = session.Submit(SetCardSize{CardSizeChoice::Small}, Actor::Kiosk);
  EXPECT_FALSE(participant.ok());
  auto same = AsFacilitator(SetCardSize{CardSizeChoice::Auto});
  ASSERT_FALSE(same.ok());
  EXPECT_FALSE(same.error().message.empty());
  EXPECT_FALSE(AsFacilitator(SetCardSize{static_cast<CardSizeChoice>(17)}).ok());
  EXPECT_TRUE(journal.events().empty());  // refusals change nothing
}

TEST_F(SizeChoice, UndoGivesTheChoiceBackAndRedoSetsItAgain) {
  AddCards(5, 3);
  const CardSize before = session.board().card_size();
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Large}).ok());
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Small}).ok());
  const CardSize small = session.board().card_size();
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());
  EXPECT_EQ(session.board().card_size_choice(), CardSizeChoice::Large);
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());
  EXPECT_EQ(session.board().card_size_choice(), CardSizeChoice::Auto);
  EXPECT_EQ(session.board().card_size(), before);
  ASSERT_TRUE(AsFacilitator(Redo{}).ok());
  ASSERT_TRUE(AsFacilitator(Redo{}).ok());
  EXPECT_EQ(session.board().card_size(), small);
}

TEST_F(SizeChoice, TheReplayFoldsToTheSameSize) {
  AddCards(40, 4);
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Small}).ok());
  AddCards(3, 5);
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Medium}).ok());
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());
  const Board replayed = Replayed();
  EXPECT_EQ(replayed, session.board());
  EXPECT_EQ(replayed.card_size(), session.board().card_size());
  EXPECT_EQ(replayed.card_size_choice(), CardSizeChoice::Small);
}

TEST_F(SizeChoice, OverfullZonesAreThoseWhoseGridCannotHoldTheirCards) {
  // 30 cards in the first zone: at full size its grid holds far fewer.
  const Zone& first = session.board().map_template().zones[0];
  for (int i = 0; i < 30; ++i)
    ASSERT_TRUE(session.Submit(AddCard{"Carte", "blue", {first.area.x + first.area.w / 2, 0.5f}}).ok());
  EXPECT_TRUE(session.board().OverfullZones().empty());  // automatic: the size follows the crowd
  ASSERT_TRUE(AsFacilitator(SetCardSize{CardSizeChoice::Large}).ok());
  const auto over = session.board().OverfullZones();
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0]->id, first.id);
  EXPECT_LT(ZoneGrid::For(first.area, session.board().card_size()).capacity(), 30);
}

TEST(SizeChoiceNames, RoundTrip) {
  for (CardSizeChoice c : kCardSizeChoices) EXPECT_EQ(CardSizeChoiceFromName(CardSizeChoiceName(c)), c);
  EXPECT_FALSE(CardSizeChoiceFromName("huge"));
  // The fixed steps are steps the crowd's size takes too, largest first.
  EXPECT_GT(*CardSizeChoiceScale(CardSizeChoice::Large), *CardSizeChoiceScale(CardSizeChoice::Medium));
  EXPECT_GT(*CardSizeChoiceScale(CardSizeChoice::Medium), *CardSizeChoiceScale(CardSizeChoice::Small));
  EXPECT_FALSE(CardSizeChoiceScale(CardSizeChoice::Auto));
}

}  // namespace
}  // namespace atelier::core
