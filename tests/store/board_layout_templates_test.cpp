// "Ranger la carte" and landing on every shipped template (assets/templates), read as the kiosk
// reads them: random boards of 1 to 300 cards; and the cards_arranged event through JSON.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/arrange.h"
#include "core/board.h"
#include "core/landing.h"
#include "store/board_json.h"
#include "store/template_file.h"

namespace atelier::store {
namespace {

namespace fs = std::filesystem;

core::Board Random(const core::Template& tmpl, int n, std::mt19937& random) {
  core::Board board(tmpl);
  std::uniform_real_distribution<float> x(0.02f, 0.98f), y(0.03f, 0.97f);
  for (int i = 1; i <= n; ++i)
    board.Apply(core::Event{.seq = i, .t_ms = i, .actor = core::Actor::Kiosk,
                            .data = core::CardAdded{i, "Carte", "yellow", {x(random), y(random)}}});
  return board;
}

TEST(LayoutOnShippedTemplates, ArrangeKeepsZonesAndOrderAndLeavesNoOverlap) {
  int templates = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ATELIER_SOURCE_DIR) / "assets/templates")) {
    auto tmpl = LoadTemplate(entry.path());
    ASSERT_TRUE(tmpl.ok()) << entry.path();
    ++templates;
    std::mt19937 random(static_cast<unsigned>(templates));
    for (int n : {1, 3, 10, 33, 75, 150, 200, 300}) {
      const core::Board before = Random(*tmpl, n, random);
      core::Board after = before;
      after.Apply(core::Event{.seq = n + 1, .t_ms = n + 1, .actor = core::Actor::Facilitator,
                              .data = core::ArrangeCards(before)});
      const std::string what = tmpl->id + ", " + std::to_string(n) + " cards";
      for (const auto& [id, card] : before.cards()) {
        const core::Zone* was = before.ZoneOf(card);
        const core::Zone* is = after.ZoneOf(*after.Find(id));
        EXPECT_EQ(was ? was->id : "-", is ? is->id : "-") << what << ", card " << id;
        for (const auto& [other_id, other] : before.cards())
          if (was && before.ZoneOf(other) == was && card.at.y < other.at.y) {
            EXPECT_LE(after.Find(id)->at.y, after.Find(other_id)->at.y) << what << ", cards " << id << " " << other_id;
          }
      }
      std::vector<core::Rect> rects;
      for (const auto& [id, card] : after.cards()) rects.push_back(after.CardBounds(card));
      for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
          ASSERT_FALSE(core::Overlap(rects[i], rects[j])) << what;
    }
  }
  EXPECT_EQ(templates, 3);
}

TEST(LayoutOnShippedTemplates, LandingBesideTheButtonNeverCoversACard) {
  auto tmpl = LoadTemplate(fs::path(ATELIER_SOURCE_DIR) / "assets/templates/usages-impacts.json");
  ASSERT_TRUE(tmpl.ok());
  core::Board board(*tmpl);
  const core::LandingArea band{.area = {0.26f, 0.86f, 0.24f, 0.14f}};
  int outside = 0, inside = 0;
  // The band fills, then the free places outside the zones, then free places in the zones.
  for (int i = 1; i <= 40; ++i) {
    std::vector<core::Rect> blocked;
    for (const auto& [id, card] : board.cards()) blocked.push_back(board.CardBounds(card));
    for (const core::Zone& z : board.map_template().zones) blocked.push_back(z.area);
    const bool room_outside = core::NearestFreePlace({0.3f, 0.93f}, {0, 0, 1, 1}, board.card_size(), blocked).has_value();
    const core::MapPoint at = core::LandCard(board, {0.3f, 0.93f}, band);
    ASSERT_TRUE(core::FreeForCard(board, at, band)) << i;  // 40 cards leave the zones room
    board.Apply(core::Event{.seq = i, .t_ms = i, .actor = core::Actor::Kiosk,
                            .data = core::CardAdded{i, "Carte", "yellow", at}});
    if (room_outside) {
      EXPECT_EQ(board.ZoneOf(*board.Find(i)), nullptr) << i;
      ++outside;
    } else {
      ++inside;
    }
  }
  EXPECT_GE(outside, 4);
  RecordProperty("landed_in_zones", inside);
}

TEST(LayoutOnShippedTemplates, CardsArrangedRoundTripsThroughJson) {
  const core::Event e{.seq = 7, .t_ms = 1234, .actor = core::Actor::Facilitator,
                      .data = core::CardsArranged{{{1, {0.1f, 0.2f}, {0.3f, 0.4f}}, {5, {0.5f, 0.6f}, {0.7f, 0.8f}}}}};
  auto back = EventFromJson(nlohmann::json::parse(EventToJson(e).dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, e);
  const core::Event undo{.seq = 8, .t_ms = 2000, .actor = core::Actor::Facilitator,
                         .data = core::ActionUndone{7, std::get<core::CardsArranged>(e.data)}};
  auto undone = EventFromJson(nlohmann::json::parse(EventToJson(undo).dump()));
  ASSERT_TRUE(undone.ok()) << undone.error().message;
  EXPECT_EQ(*undone, undo);
}

}  // namespace
}  // namespace atelier::store
