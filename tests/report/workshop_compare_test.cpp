#include "report/workshop_compare.h"

#include <gtest/gtest.h>

#include "report/compare_html.h"

namespace atelier::report {
namespace {

core::Template TwoZones(std::string id = "essai") {
  core::Template t;
  t.id = std::move(id);
  t.title = {"Essai", "Test"};
  t.zones = {core::Zone{.id = "gauche", .label = {"À gauche", "Left"}, .area = {0, 0, 0.5f, 1}, .tint = {1, 2, 3}},
             core::Zone{.id = "droite", .label = {"À droite", "Right"}, .area = {0.5f, 0, 0.4f, 1}, .tint = {4, 5, 6}}};
  return t;
}

struct Card {
  std::string text;
  float x;
  int votes = 0;
};

// A workshop folded from card_added and card_voted events, as the exports gather it.
WorkshopInput Workshop(const std::string& file, const std::string& title, const std::vector<Card>& cards,
                       core::Template t = TwoZones()) {
  std::vector<core::Event> events;
  std::int64_t seq = 0;
  core::CardId id = 0;
  for (const Card& c : cards) {
    ++id;
    events.push_back({.seq = ++seq, .t_ms = seq * 1000, .actor = core::Actor::Kiosk,
                      .data = core::CardAdded{id, c.text, "yellow", {c.x, 0.5f}}});
    for (int v = 0; v < c.votes; ++v)
      events.push_back({.seq = ++seq, .t_ms = seq * 1000, .actor = core::Actor::Phone, .data = core::CardVoted{id}});
  }
  store::SessionMeta meta;
  meta.title = title;
  meta.map_template = t;
  const replay::Timeline timeline(t, events);
  const core::Board board = timeline.BoardAt(timeline.duration_ms());
  return {file, meta, GatherFacts(meta, timeline, board, timeline.duration_ms(), "fr")};
}

TEST(WorkshopCompare, CardsPerZoneSideBySideWithTotals) {
  auto c = CompareWorkshops({Workshop("a.atelier", "Lundi", {{"Lettre", 0.2f, 2}, {"Drive", 0.7f}}),
                             Workshop("b.atelier", "Mardi", {{"Forum", 0.2f}, {"Blog", 0.3f, 1}, {"Hors", 0.95f}})},
                            "fr");
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->workshops.size(), 2u);
  EXPECT_EQ(c->workshops[0].title, "Lundi");
  EXPECT_EQ(c->workshops[1].cards, 3);
  EXPECT_EQ(c->cards, 5);
  EXPECT_EQ(c->votes, 3);
  ASSERT_EQ(c->zones.size(), 3u);  // the two zones, then outside (Mardi has a card there)
  EXPECT_EQ(c->zones[0].id, "gauche");
  EXPECT_EQ(c->zones[0].label, "À gauche");
  ASSERT_EQ(c->zones[0].cards[0].size(), 1u);
  EXPECT_EQ(c->zones[0].cards[0][0].card.text, "Lettre");
  ASSERT_EQ(c->zones[0].cards[1].size(), 2u);
  EXPECT_EQ(c->zones[0].total_cards, 3);
  EXPECT_EQ(c->zones[0].total_votes, 3);
  EXPECT_EQ(c->zones[0].votes, (std::vector<int>{2, 1}));
  EXPECT_EQ(c->zones[1].id, "droite");
  EXPECT_TRUE(c->zones[1].cards[1].empty());
  EXPECT_EQ(c->zones[2].id, "");
  EXPECT_EQ(c->zones[2].cards[1][0].card.text, "Hors");
  EXPECT_TRUE(c->shared.empty());
}

TEST(WorkshopCompare, TheSameCardCaseAndAccentsAsideIsFoundInSeveralWorkshops) {
  auto c = CompareWorkshops({Workshop("a.atelier", "A", {{"Café associatif", 0.2f, 1}, {"Drive", 0.7f}}),
                             Workshop("b.atelier", "B", {{"cafe  ASSOCIATIF", 0.7f, 2}, {"Drives", 0.7f}}),
                             Workshop("c.atelier", "C", {{"Café Associatif", 0.2f}, {"CAFÉ associatif", 0.3f},
                                                         {"drive", 0.6f, 4}})},
                            "fr");
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->shared.size(), 2u);
  // Most workshops first: the café is in all three.
  EXPECT_EQ(c->shared[0].text, "Café associatif");  // as the first workshop wrote it
  EXPECT_EQ(c->shared[0].workshops, 3);
  EXPECT_EQ(c->shared[0].count, (std::vector<int>{1, 1, 2}));
  EXPECT_EQ(c->shared[0].votes, 3);
  EXPECT_EQ(c->shared[0].zones, (std::vector<std::string>{"À gauche", "À droite", "À gauche"}));
  // "Drive" in A and C; "Drives" is another card.
  EXPECT_EQ(c->shared[1].text, "Drive");
  EXPECT_EQ(c->shared[1].workshops, 2);
  EXPECT_EQ(c->shared[1].count, (std::vector<int>{1, 0, 1}));
  EXPECT_EQ(c->shared[1].votes, 4);
}

TEST(WorkshopCompare, DifferentTemplatesAreRefusedNamingTheFiles) {
  auto c = CompareWorkshops({Workshop("a.atelier", "A", {{"x", 0.2f}}), Workshop("b.atelier", "B", {{"y", 0.2f}}, TwoZones("autre"))},
                            "fr");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("different templates"), std::string::npos) << c.error().message;
  EXPECT_NE(c.error().message.find("a.atelier"), std::string::npos);
  EXPECT_NE(c.error().message.find("b.atelier"), std::string::npos);
  EXPECT_NE(c.error().message.find("\"autre\""), std::string::npos);

  // The same id with other zones is another template too.
  core::Template fewer = TwoZones();
  fewer.zones.pop_back();
  auto d = CompareWorkshops({Workshop("a.atelier", "A", {}), Workshop("b.atelier", "B", {}, fewer)}, "fr");
  EXPECT_FALSE(d.ok());
  auto one = CompareWorkshops({Workshop("a.atelier", "A", {})}, "fr");
  EXPECT_FALSE(one.ok());
}

TEST(WorkshopCompare, HtmlIsSelfContainedAndEscapesWhatWasTyped) {
  auto c = CompareWorkshops({Workshop("a.atelier", "<b>Lundi</b>", {{"<script>alert(1)</script>", 0.2f}, {"Tom & Jerry", 0.7f}}),
                             Workshop("b.atelier", "Mardi", {{"tom & jerry", 0.2f}})},
                            "fr");
  ASSERT_TRUE(c.ok());
  const std::string html = CompareHtml(c.value(), "fr");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Lundi&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("Tom &amp; Jerry"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // nothing to fetch
  EXPECT_EQ(html.find(" src="), std::string::npos);
}

}  // namespace
}  // namespace atelier::report
