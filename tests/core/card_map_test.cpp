// core::CardMap, the board's copy-on-write cards: the same answers as a std::map under random
// changes, and a copy taken before changes keeps what it held (the replay's snapshots).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

#include "core/board.h"
#include "core/card_map.h"

namespace atelier::core {
namespace {

void ExpectSame(const CardMap& cards, const std::map<CardId, Card>& expected) {
  ASSERT_EQ(cards.size(), expected.size());
  EXPECT_EQ(cards.empty(), expected.empty());
  auto e = expected.begin();
  for (const auto& [id, card] : cards) {
    ASSERT_EQ(id, e->first);
    EXPECT_EQ(card, e->second);
    ++e;
  }
  for (const auto& [id, card] : expected) {
    auto it = cards.find(id);
    ASSERT_NE(it, cards.end());
    EXPECT_EQ(it->second, card);
  }
}

TEST(CardMap, FollowsAStdMapAndCopiesKeepWhatTheyHeld) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    std::mt19937 random(seed);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    CardMap cards;
    std::map<CardId, Card> model;
    std::vector<std::pair<CardMap, std::map<CardId, Card>>> copies;
    for (int step = 0; step < 3000; ++step) {
      const CardId id = 1 + pick(seed % 2 ? 400 : 90);  // ids inserted out of order too
      switch (pick(4)) {
        case 0:
        case 1: {
          Card c{.id = id, .text = "Carte " + std::to_string(step), .colour = "yellow",
                 .at = {0.001f * static_cast<float>(pick(1000)), 0.5f}, .z = step};
          cards.Put(c);
          model[id] = c;
          break;
        }
        case 2: {
          Card* c = cards.Mutable(id);
          ASSERT_EQ(c != nullptr, model.count(id) == 1);
          if (c) {
            c->votes += 1;
            c->text += "!";
            model[id] = *c;
          }
          break;
        }
        default:
          EXPECT_EQ(cards.Erase(id), model.erase(id) == 1);
      }
      EXPECT_EQ(cards.contains(id), model.count(id) == 1);
      if (step % 97 == 0) copies.emplace_back(cards, model);
    }
    ExpectSame(cards, model);
    for (const auto& [copy, held] : copies) ExpectSame(copy, held);
    EXPECT_TRUE(CardMap(model) == cards);
    if (!model.empty()) {
      CardMap other = cards;
      other.Mutable(model.begin()->first)->votes += 1;
      EXPECT_FALSE(other == cards);
    }
  }
}

TEST(CardMap, ACopiedBoardSharesItsCardsUntilOneChanges) {
  Board board;
  for (CardId id = 1; id <= 100; ++id)
    board.Apply({.seq = id, .t_ms = id, .data = CardAdded{id, "Carte", "yellow", {0.5f, 0.5f}}});
  const Board copy = board;
  EXPECT_EQ(&copy.cards().find(7)->second, &board.cards().find(7)->second);  // shared, not copied
  board.Apply({.seq = 101, .t_ms = 101, .data = CardMoved{7, {0.5f, 0.5f}, {0.2f, 0.3f}}});
  EXPECT_NE(&copy.cards().find(7)->second, &board.cards().find(7)->second);
  EXPECT_EQ(copy.cards().find(7)->second.at, (MapPoint{0.5f, 0.5f}));
  EXPECT_EQ(board.cards().find(7)->second.at, (MapPoint{0.2f, 0.3f}));
  EXPECT_EQ(&copy.cards().find(8)->second, &board.cards().find(8)->second);  // still shared
}

}  // namespace
}  // namespace atelier::core
