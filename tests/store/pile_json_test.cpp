// Piles of duplicates through the files: the cards_piled and pile_spread events round-trip
// through JSON (undo and redo too), a board snapshot keeps each card's pile, and the board's
// JSON (--dump-board, export --json) gives each card's pile, or null.
#include <gtest/gtest.h>

#include "core/pile.h"
#include "store/board_json.h"
#include "store/board_snapshot.h"

namespace atelier::store {
namespace {

core::Template OneZone() {
  core::Template t;
  t.id = "one-zone";
  t.zones.push_back(core::Zone{.id = "z", .label = {"Zone", ""}, .area = {0.1f, 0.1f, 0.6f, 0.7f}, .tint = {}});
  return t;
}

core::Board Grouped() {
  core::Board board(OneZone());
  const char* texts[] = {"Kayak", "kayak", "Pirogue", "KAYAK "};
  for (int i = 1; i <= 4; ++i)
    board.Apply(core::Event{.seq = i, .t_ms = i, .actor = core::Actor::Kiosk,
                            .data = core::CardAdded{i, texts[i - 1], "yellow", {0.2f + 0.1f * i, 0.5f}}});
  board.Apply(core::Event{.seq = 5, .t_ms = 5, .actor = core::Actor::Facilitator, .data = core::PileDuplicates(board)});
  return board;
}

void ExpectRoundTrip(const core::Event& e) {
  auto back = EventFromJson(nlohmann::json::parse(EventToJson(e).dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, e);
}

TEST(PileJson, EventsRoundTrip) {
  const core::CardsPiled piled{.moves = {{2, {0.4f, 0.5f}, {0.304f, 0.507f}}, {4, {0.6f, 0.5f}, {0.308f, 0.514f}}},
                               .piles = {{1, {1, 2, 4}}},
                               .before = {{2, 9}}};
  ExpectRoundTrip({.seq = 5, .t_ms = 50, .actor = core::Actor::Facilitator, .data = piled});
  ExpectRoundTrip({.seq = 6, .t_ms = 60, .actor = core::Actor::Facilitator, .data = core::ActionUndone{5, piled}});
  const core::PileSpread spread{1, {{1, {0.3f, 0.5f}, {0.3f, 0.5f}}, {2, {0.304f, 0.507f}, {0.45f, 0.5f}}}};
  ExpectRoundTrip({.seq = 7, .t_ms = 70, .actor = core::Actor::Kiosk, .data = spread});
  ExpectRoundTrip({.seq = 8, .t_ms = 80, .actor = core::Actor::Facilitator, .data = core::ActionRedone{7, spread}});
  // A damaged payload is refused with a reason, not a crash.
  EXPECT_FALSE(EventDataFromJson("cards_piled", nlohmann::json{{"moves", nlohmann::json::array()}}).ok());
  EXPECT_FALSE(EventDataFromJson("pile_spread", nlohmann::json{{"pile", "one"}}).ok());
}

TEST(PileJson, BoardJsonGivesEachCardsPile) {
  const core::Board board = Grouped();
  const auto json = BoardToJsonValue(board, "fr");
  int piled = 0;
  for (const auto& c : json["cards"]) {
    ASSERT_TRUE(c.contains("pile"));
    const core::Card& card = *board.Find(c["id"].get<core::CardId>());
    if (auto pile = core::PileOf(board, card)) {
      EXPECT_EQ(c["pile"].get<core::CardId>(), *pile);
      ++piled;
    } else {
      EXPECT_TRUE(c["pile"].is_null());
    }
  }
  EXPECT_EQ(piled, 3);  // the three kayaks; the pirogue is in none
}

TEST(PileJson, SnapshotKeepsPiles) {
  const core::Board board = Grouped();
  auto back = BoardFromSnapshot(nlohmann::json::parse(SnapshotToJson(board).dump()), OneZone());
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->cards(), board.cards());
  EXPECT_EQ(*back, board);
}

}  // namespace
}  // namespace atelier::store
