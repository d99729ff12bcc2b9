// "Ranger la carte": each zone's cards laid out without overlap, each in its zone, impact order
// kept; cards outside stay outside; one event, one undo.
#include <gtest/gtest.h>

#include <random>

#include "board_layout_util.h"
#include "core/arrange.h"
#include "core/command.h"
#include "core/session.h"

namespace atelier::core {
namespace {

using testing::AddCardTo;
using testing::RandomBoard;
using testing::SixColumns;

// What every arrangement must give, checked on the board after the event. Returns whether every
// zone held no more cards than its grid (then no two cards may overlap).
bool ExpectArranged(const Board& before, const Board& after, const std::string& what) {
  const CardSize size = after.card_size();
  EXPECT_EQ(size, before.card_size()) << what;  // zone membership kept: same size
  bool within = true;
  std::map<const Zone*, int> counts;
  for (const auto& [id, card] : before.cards()) ++counts[before.ZoneOf(card)];
  for (const auto& [zone, n] : counts)
    if (zone && n > ZoneGrid::For(zone->area, size).capacity()) within = false;

  for (const auto& [id, card] : before.cards()) {
    const Card* moved = after.Find(id);
    EXPECT_NE(moved, nullptr);
    if (!moved) continue;
    const Zone* zone = before.ZoneOf(card);
    EXPECT_EQ(zone ? zone->id : "", after.ZoneOf(*moved) ? after.ZoneOf(*moved)->id : "") << what << " card " << id;
    if (zone) {  // wholly inside its zone
      const Rect r = after.CardBounds(*moved);
      EXPECT_GE(r.x, zone->area.x - 1e-5f) << what;
      EXPECT_LE(r.x + r.w, zone->area.x + zone->area.w + 1e-5f) << what;
      EXPECT_GE(r.y, zone->area.y - 1e-5f) << what;
      EXPECT_LE(r.y + r.h, zone->area.y + zone->area.h + 1e-5f) << what;
    }
    EXPECT_EQ(moved->z, card.z) << what;  // the stacking order is kept
  }
  // Impact order within each zone: higher before → higher or level after.
  for (const auto& [a_id, a] : before.cards())
    for (const auto& [b_id, b] : before.cards()) {
      if (a.at.y >= b.at.y || before.ZoneOf(a) != before.ZoneOf(b) || !before.ZoneOf(a)) continue;
      EXPECT_LE(after.Find(a_id)->at.y, after.Find(b_id)->at.y + 1e-6f) << what << " cards " << a_id << ", " << b_id;
    }
  if (within) {
    std::vector<std::pair<CardId, Rect>> rects;
    for (const auto& [id, card] : after.cards()) rects.emplace_back(id, after.CardBounds(card));
    for (std::size_t i = 0; i < rects.size(); ++i)
      for (std::size_t j = i + 1; j < rects.size(); ++j)
        EXPECT_FALSE(Overlap(rects[i].second, rects[j].second))
            << what << ": cards " << rects[i].first << " and " << rects[j].first << " overlap";
  }
  return within;
}

Board Arranged(const Board& board) {
  Board after = board;
  const CardsArranged arranged = ArrangeCards(board);
  after.Apply(Event{.seq = 9999, .t_ms = 9999, .actor = Actor::Facilitator, .data = arranged});
  return after;
}

Template TwoByTwo() {
  Template t;
  t.id = "two-by-two";
  t.zones = {Zone{.id = "a", .label = {}, .area = {0.05f, 0.12f, 0.4675f, 0.37f}, .tint = {}},
             Zone{.id = "b", .label = {}, .area = {0.5175f, 0.12f, 0.4675f, 0.37f}, .tint = {}},
             Zone{.id = "c", .label = {}, .area = {0.05f, 0.49f, 0.4675f, 0.37f}, .tint = {}},
             Zone{.id = "d", .label = {}, .area = {0.5175f, 0.49f, 0.4675f, 0.37f}, .tint = {}}};
  return t;
}

TEST(Arrange, RandomBoardsOnEveryShape) {
  std::mt19937 random(42);
  int within = 0, boards = 0;
  for (const Template& tmpl : {SixColumns(), TwoByTwo(), Template{}}) {
    for (int n : {1, 2, 5, 17, 40, 80, 120, 200, 250, 300}) {
      const Board board = RandomBoard(tmpl, n, random);
      const Board after = Arranged(board);
      ++boards;
      within += ExpectArranged(board, after, tmpl.id + " " + std::to_string(n)) ? 1 : 0;
    }
  }
  EXPECT_EQ(within, boards);  // every one of these boards fits its zones at its card size
}

TEST(Arrange, ACrowdedZoneKeepsOrderAndZone) {
  Board board(SixColumns());
  std::mt19937 random(9);
  std::uniform_real_distribution<float> y(0.13f, 0.85f);
  for (int i = 0; i < 90; ++i) AddCardTo(board, {0.1f, y(random)});  // all in the first zone
  const Board after = Arranged(board);
  EXPECT_FALSE(ExpectArranged(board, after, "crowded"));  // more than its grid: rows overlap
}

TEST(Arrange, OutsideCardsStayOutsideAndStopCoveringEachOther) {
  Board board(SixColumns());
  for (int i = 0; i < 5; ++i) AddCardTo(board, {0.3f + 0.001f * i, 0.93f});  // piled in the bottom band
  AddCardTo(board, {0.9f, 0.93f});                                        // alone: stays
  const Board after = Arranged(board);
  ExpectArranged(board, after, "outside");
  EXPECT_EQ(after.Find(6)->at, board.Find(6)->at);
  EXPECT_EQ(after.Find(1)->at, board.Find(1)->at);  // the oldest of the pile keeps its place
  for (const auto& [id, card] : after.cards()) EXPECT_EQ(after.ZoneOf(card), nullptr);
}

TEST(Arrange, KeepsRowsNearTheirImpact) {
  // Two cards in one zone, one near the top, one near the bottom: they stay apart vertically.
  Board board(SixColumns());
  AddCardTo(board, {0.1f, 0.25f});
  AddCardTo(board, {0.12f, 0.8f});
  const Board after = Arranged(board);
  EXPECT_LT(after.Find(1)->at.y, 0.4f);
  EXPECT_GT(after.Find(2)->at.y, 0.6f);
}

TEST(Arrange, OneEventOneUndoRestoresEveryPositionExactly) {
  MemoryJournal journal;
  ManualClock clock{0};
  std::mt19937 random(11);
  Session session{RandomBoard(SixColumns(), 150, random), journal, clock};
  const Board before = session.board();
  auto done = session.Submit(ArrangeBoard{}, Actor::Facilitator);
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_EQ(journal.events().size(), 1u);  // every move in one event
  const auto& moves = std::get<CardsArranged>(done->data).moves;
  EXPECT_GT(moves.size(), 100u);
  EXPECT_FALSE(session.Submit(ArrangeBoard{}, Actor::Kiosk).ok());  // the facilitator's alone

  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());
  for (const auto& [id, card] : before.cards()) {
    EXPECT_EQ(session.board().Find(id)->at, card.at) << id;
    EXPECT_EQ(session.board().Find(id)->z, card.z) << id;
  }
  ASSERT_TRUE(session.Submit(Redo{}, Actor::Facilitator).ok());
  for (const CardMoved& m : moves) EXPECT_EQ(session.board().Find(m.id)->at, m.to);
}

TEST(Arrange, ATidyBoardSaysSo) {
  std::mt19937 random(12);
  Board board = Arranged(RandomBoard(SixColumns(), 30, random));
  auto again = Decide(board, ArrangeBoard{}, {.actor = Actor::Facilitator});
  EXPECT_FALSE(again.ok());
}

}  // namespace
}  // namespace atelier::core
