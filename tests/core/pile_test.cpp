// "Regrouper les doublons": same text (case, accents, spaces aside) in one zone → one pile, one
// event, one undo; a tap fans a pile out into free places; dragging a pile moves it whole.
#include <gtest/gtest.h>

#include <random>

#include "board_layout_util.h"
#include "core/arrange.h"
#include "core/command.h"
#include "core/pile.h"
#include "core/session.h"
#include "core/text_match.h"

namespace atelier::core {
namespace {

using testing::AddCardTo;
using testing::SixColumns;

// Zone z0 spans x 0.05 … 0.2058, every zone y 0.12 … 0.86; below 0.86 is outside the zones.
Board Duplicates() {
  Board board(SixColumns());
  AddCardTo(board, {0.09f, 0.30f}, "Café");       // 1  z0
  AddCardTo(board, {0.16f, 0.60f}, "  cafe ");    // 2  z0
  AddCardTo(board, {0.10f, 0.75f}, "CAFÉ");       // 3  z0
  AddCardTo(board, {0.12f, 0.45f}, "Thé");        // 4  z0, alone
  AddCardTo(board, {0.28f, 0.40f}, "Café");       // 5  z1: another zone
  AddCardTo(board, {0.30f, 0.93f}, "Café");       // 6  outside the zones
  AddCardTo(board, {0.50f, 0.93f}, "café");       // 7  outside the zones
  AddCardTo(board, {0.30f, 0.30f}, "Pirogue");    // 8  z1
  AddCardTo(board, {0.33f, 0.70f}, "pirogue");    // 9  z1
  return board;
}

void Fold(Board& board, const Event& e) { board.Apply(e); }

std::string ZoneId(const Board& board, const Card& card) {
  const Zone* zone = board.ZoneOf(card);
  return zone ? zone->id : "";
}

TEST(Piles, GroupsSameTextPerZoneOnly) {
  const Board before = Duplicates();
  const CardsPiled piled = PileDuplicates(before);
  ASSERT_EQ(piled.piles.size(), 2u);  // café in z0, pirogue in z1
  Board after = before;
  Fold(after, Event{.seq = 10, .t_ms = 10, .actor = Actor::Facilitator, .data = piled});

  for (const auto& [id, card] : before.cards()) {
    const Card& now = *after.Find(id);
    // Every card of a pile says the same thing and lies in the zone it was in.
    if (auto pile = PileOf(after, now)) {
      EXPECT_EQ(MatchKey(now.text), MatchKey(after.Find(*pile)->text)) << id;
      EXPECT_EQ(ZoneId(after, now), ZoneId(before, card)) << id;
      EXPECT_NE(after.ZoneOf(now), nullptr) << id;
    }
  }
  // Cards 1–3 (café, z0) are one pile; 8, 9 another; the others in none.
  const auto p1 = PileOf(after, *after.Find(1));
  ASSERT_TRUE(p1);
  EXPECT_EQ(PileOf(after, *after.Find(2)), p1);
  EXPECT_EQ(PileOf(after, *after.Find(3)), p1);
  const auto p8 = PileOf(after, *after.Find(8));
  ASSERT_TRUE(p8);
  EXPECT_NE(p8, p1);
  EXPECT_EQ(PileOf(after, *after.Find(9)), p8);
  for (CardId id : {4, 5, 6, 7}) EXPECT_FALSE(PileOf(after, *after.Find(id))) << id;  // other zone, outside, alone
  for (CardId id : {4, 5, 6, 7}) EXPECT_EQ(after.Find(id)->at, before.Find(id)->at) << id;

  // A stack: near one another, each a little off the one below (bottom to top by z).
  const std::vector<const Card*> stack = PileCards(after, *p1);
  ASSERT_EQ(stack.size(), 3u);
  for (std::size_t i = 1; i < stack.size(); ++i) {
    EXPECT_FALSE(stack[i]->at == stack[i - 1]->at);
    EXPECT_LT(std::abs(stack[i]->at.x - stack[0]->at.x), 0.05f);
    EXPECT_LT(std::abs(stack[i]->at.y - stack[0]->at.y), 0.05f);
  }
  // Nothing left to group.
  EXPECT_TRUE(PileDuplicates(after).piles.empty());
  EXPECT_FALSE(Decide(after, GroupDuplicates{}, {.actor = Actor::Facilitator}).ok());
}

TEST(Piles, OneEventOneUndoRestoresExactly) {
  MemoryJournal journal;
  ManualClock clock{0};
  std::mt19937 random(5);
  Board start(SixColumns());
  std::uniform_real_distribution<float> x(0.06f, 0.95f), y(0.2f, 0.95f);
  std::uniform_int_distribution<int> word(0, 7);
  const char* words[] = {"Kayak", "kayak ", "Pirogue", "PIROGUE", "Tambour", "tambour", "Rame", "Voile"};
  for (int i = 0; i < 120; ++i) AddCardTo(start, {x(random), y(random)}, words[word(random)]);
  Session session{start, journal, clock};
  auto done = session.Submit(GroupDuplicates{}, Actor::Facilitator);
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_EQ(journal.events().size(), 1u);  // every move and pile in one event
  EXPECT_FALSE(session.Submit(GroupDuplicates{}, Actor::Kiosk).ok());  // the facilitator's alone
  const Board grouped = session.board();

  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());
  for (const auto& [id, card] : start.cards()) {
    const Card& now = *session.board().Find(id);
    EXPECT_EQ(now.at, card.at) << id;
    EXPECT_EQ(now.pile, card.pile) << id;
    EXPECT_EQ(now.z, card.z) << id;
  }
  ASSERT_TRUE(session.Submit(Redo{}, Actor::Facilitator).ok());
  for (const auto& [id, card] : grouped.cards()) {
    EXPECT_EQ(session.board().Find(id)->at, card.at) << id;
    EXPECT_EQ(session.board().Find(id)->pile, card.pile) << id;
  }
}

TEST(Piles, RegroupingAfterANewDuplicateUndoesToTheOldPile) {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Duplicates(), journal, clock};
  ASSERT_TRUE(session.Submit(GroupDuplicates{}, Actor::Facilitator).ok());
  ASSERT_TRUE(session.Submit(AddCard{"cafe", "yellow", {0.15f, 0.5f}}, Actor::Kiosk).ok());
  const Board before = session.board();
  ASSERT_TRUE(session.Submit(GroupDuplicates{}, Actor::Facilitator).ok());
  const CardId added = before.next_id() - 1;
  EXPECT_EQ(PileOf(session.board(), *session.board().Find(added)), PileOf(before, *before.Find(1)));
  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());
  for (const auto& [id, card] : before.cards()) {
    EXPECT_EQ(session.board().Find(id)->at, card.at) << id;
    EXPECT_EQ(session.board().Find(id)->pile, card.pile) << id;
  }
}

// Every card of the pile gets a place of its own, none covering another card of the board.
void ExpectFannedOut(const Board& before, const Board& after, CardId pile) {
  const CardSize size = after.card_size();
  const std::vector<const Card*> was = PileCards(before, pile);
  for (const Card* c : was) {
    const Card& now = *after.Find(c->id);
    EXPECT_EQ(now.pile, 0) << c->id;
    EXPECT_EQ(ZoneId(after, now), ZoneId(before, *c)) << c->id;  // room enough in the zone here
    for (const auto& [id, other] : after.cards()) {
      if (id == c->id) continue;
      EXPECT_FALSE(Overlap(CardRectAt(now.at, size), CardRectAt(other.at, size)))
          << "card " << c->id << " covers card " << id;
    }
  }
  EXPECT_EQ(after.Find(was.back()->id)->at, was.back()->at);  // the top card stays (its place is free)
}

TEST(Piles, ATapFansAPileOutWithoutOverlap) {
  MemoryJournal journal;
  ManualClock clock{0};
  Board start(SixColumns());
  // A zone already holding a few cards, and five duplicates.
  AddCardTo(start, {0.10f, 0.30f}, "Voile");
  AddCardTo(start, {0.16f, 0.45f}, "Rame");
  for (int i = 0; i < 5; ++i) AddCardTo(start, {0.08f + 0.02f * i, 0.55f + 0.05f * i}, "Kayak");
  Session session{start, journal, clock};
  auto piled = session.Submit(GroupDuplicates{}, Actor::Facilitator);
  ASSERT_TRUE(piled.ok()) << piled.error().message;
  const CardId pile = std::get<CardsPiled>(piled->data).piles.at(0).id;
  const Board grouped = session.board();

  auto spread = session.Submit(SpreadPile{pile}, Actor::Kiosk);  // anyone may
  ASSERT_TRUE(spread.ok()) << spread.error().message;
  EXPECT_EQ(std::get<PileSpread>(spread->data).moves.size(), 5u);
  ExpectFannedOut(grouped, session.board(), pile);
  EXPECT_FALSE(session.Submit(SpreadPile{pile}, Actor::Kiosk).ok());  // no such pile any more

  // The facilitator's undo puts the pile back exactly.
  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());
  for (const auto& [id, card] : grouped.cards()) {
    EXPECT_EQ(session.board().Find(id)->at, card.at) << id;
    EXPECT_EQ(session.board().Find(id)->pile, card.pile) << id;
  }
  // Locked: participants may not fan it out; the facilitator may.
  ASSERT_TRUE(session.Submit(LockBoard{}, Actor::Facilitator).ok());
  EXPECT_FALSE(session.Submit(SpreadPile{pile}, Actor::Kiosk).ok());
  EXPECT_TRUE(session.Submit(SpreadPile{pile}, Actor::Facilitator).ok());
}

TEST(Piles, FanOutOnACrowdedRandomBoardNeverOverlaps) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 random(seed);
    Board board(SixColumns());
    std::uniform_real_distribution<float> x(0.06f, 0.95f), y(0.2f, 0.84f);
    std::uniform_int_distribution<int> count(20, 90);
    const int n = count(random);
    for (int i = 0; i < n; ++i) AddCardTo(board, {x(random), y(random)}, "Carte " + std::to_string(i));
    board.Apply(Event{.seq = 1000, .t_ms = 1000, .actor = Actor::Facilitator, .data = ArrangeCards(board)});
    for (int i = 0; i < 4; ++i) AddCardTo(board, {0.40f + 0.01f * i, 0.5f}, "Doublon");
    board.Apply(Event{.seq = 1001, .t_ms = 1001, .actor = Actor::Facilitator, .data = PileDuplicates(board)});
    const CardId pile = board.Find(board.next_id() - 4)->pile;
    ASSERT_NE(pile, 0) << seed;
    auto spread = FanOutPile(board, pile);
    ASSERT_TRUE(spread) << seed;
    Board after = board;
    after.Apply(Event{.seq = 1002, .t_ms = 1002, .actor = Actor::Kiosk, .data = *spread});
    const CardSize size = after.card_size();
    for (const CardMoved& m : spread->moves) {
      EXPECT_EQ(after.Find(m.id)->pile, 0);
      for (const auto& [id, other] : after.cards())
        if (id != m.id && Overlap(CardRectAt(after.Find(m.id)->at, size), CardRectAt(other.at, size)))
          // Only a board with no free place left may leave cards overlapping; these have room.
          ADD_FAILURE() << "seed " << seed << ": card " << m.id << " covers card " << id;
    }
  }
}

TEST(Piles, DraggingAPileCardMovesTheWholePile) {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Duplicates(), journal, clock};
  ASSERT_TRUE(session.Submit(GroupDuplicates{}, Actor::Facilitator).ok());
  const Board grouped = session.board();
  const std::vector<const Card*> stack = PileCards(grouped, 1);
  ASSERT_EQ(stack.size(), 3u);
  const Card& top = *stack.back();
  const MapPoint to{top.at.x + 0.30f, top.at.y - 0.1f};  // into zone z2
  ASSERT_TRUE(session.Submit(MoveCard{top.id, to}, Actor::Kiosk).ok());
  for (const Card* c : stack) {
    const Card& now = *session.board().Find(c->id);
    EXPECT_NEAR(now.at.x - c->at.x, to.x - top.at.x, 1e-5f) << c->id;
    EXPECT_NEAR(now.at.y - c->at.y, to.y - top.at.y, 1e-5f) << c->id;
    EXPECT_EQ(now.pile, 1) << c->id;
  }
  // Still stacked in the same order.
  const std::vector<const Card*> moved = PileCards(session.board(), 1);
  for (std::size_t i = 0; i < stack.size(); ++i) EXPECT_EQ(moved[i]->id, stack[i]->id);
  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());
  for (const Card* c : stack) {
    EXPECT_NEAR(session.board().Find(c->id)->at.x, c->at.x, 1e-5f);
    EXPECT_NEAR(session.board().Find(c->id)->at.y, c->at.y, 1e-5f);
  }
}

TEST(Piles, VotesStayPerCard) {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Duplicates(), journal, clock};
  ASSERT_TRUE(session.Submit(GroupDuplicates{}, Actor::Facilitator).ok());
  ASSERT_TRUE(session.Submit(StartPhase{"Votes", PhaseKind::Vote, 0}, Actor::Facilitator).ok());
  ASSERT_TRUE(session.Submit(VoteCard{2}, Actor::Kiosk).ok());
  EXPECT_EQ(session.board().Find(2)->votes, 1);
  EXPECT_EQ(session.board().Find(1)->votes, 0);
  EXPECT_EQ(session.board().Find(3)->votes, 0);
  EXPECT_EQ(session.board().cards().size(), 9u);  // every card still on the board
}

TEST(Piles, ArrangingKeepsAPileTogether) {
  Board board = Duplicates();
  board.Apply(Event{.seq = 10, .t_ms = 10, .actor = Actor::Facilitator, .data = PileDuplicates(board)});
  const std::vector<const Card*> stack = PileCards(board, 1);
  std::vector<MapPoint> offsets;
  for (const Card* c : stack) offsets.push_back({c->at.x - stack[0]->at.x, c->at.y - stack[0]->at.y});
  const Board before = board;
  board.Apply(Event{.seq = 11, .t_ms = 11, .actor = Actor::Facilitator, .data = ArrangeCards(before)});
  const std::vector<const Card*> after = PileCards(board, 1);
  ASSERT_EQ(after.size(), stack.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_NEAR(after[i]->at.x - after[0]->at.x, offsets[i].x, 1e-5f);
    EXPECT_NEAR(after[i]->at.y - after[0]->at.y, offsets[i].y, 1e-5f);
    EXPECT_EQ(ZoneId(board, *after[i]), ZoneId(before, *stack[i]));
  }
}

TEST(Piles, ReplayFoldGivesTheSameBoard) {
  MemoryJournal journal;
  ManualClock clock{0};
  const Board start = Duplicates();
  Session session{start, journal, clock};
  ASSERT_TRUE(session.Submit(GroupDuplicates{}, Actor::Facilitator).ok());
  ASSERT_TRUE(session.Submit(MoveCard{3, {0.12f, 0.5f}}, Actor::Kiosk).ok());
  ASSERT_TRUE(session.Submit(SpreadPile{8}, Actor::Kiosk).ok());
  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());
  ASSERT_TRUE(session.Submit(Redo{}, Actor::Facilitator).ok());
  Board folded = start;
  for (const Event& e : journal.events()) folded.Apply(e);
  EXPECT_EQ(folded, session.board());
}

}  // namespace
}  // namespace atelier::core
