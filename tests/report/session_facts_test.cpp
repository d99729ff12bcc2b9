#include "report/session_facts.h"

#include <gtest/gtest.h>

namespace atelier::report {
namespace {

core::Template TwoZones() {
  core::Template t;
  t.id = "essai";
  t.title = {"Essai", "Test"};
  t.zones = {core::Zone{.id = "gauche", .label = {"À gauche", "Left"}, .area = {0, 0, 0.5f, 1}, .tint = {1, 2, 3}},
             core::Zone{.id = "droite", .label = {"À droite", "Right"}, .area = {0.5f, 0, 0.4f, 1}, .tint = {4, 5, 6}}};
  return t;
}

std::vector<core::Event> Events() {
  std::vector<core::Event> e;
  std::int64_t seq = 0;
  auto add = [&](std::int64_t t, core::Actor actor, core::EventData data) {
    e.push_back({.seq = ++seq, .t_ms = t, .actor = actor, .data = std::move(data)});
  };
  using core::Actor;
  add(1000, Actor::Facilitator, core::PhaseStarted{.name = "Placer", .kind = core::PhaseKind::PlaceCards});
  add(2000, Actor::Kiosk, core::CardAdded{1, "bas à gauche", "yellow", {0.2f, 0.9f}});
  add(3000, Actor::Phone, core::CardAdded{2, "haut à gauche", "blue", {0.2f, 0.1f}});
  add(4000, Actor::Facilitator, core::CardAdded{3, "milieu à gauche", "green", {0.3f, 0.5f}});
  add(4500, Actor::Kiosk, core::CardAdded{4, "milieu aussi", "green", {0.1f, 0.51f}});
  add(5000, Actor::Kiosk, core::CardAdded{5, "à droite", "pink", {0.7f, 0.5f}});
  add(5500, Actor::Kiosk, core::CardAdded{6, "hors zone", "grey", {0.95f, 0.5f}});
  add(6000, Actor::Facilitator, core::PhaseStarted{.name = "Voter", .kind = core::PhaseKind::Vote});
  add(6100, Actor::Kiosk, core::CardVoted{4});
  add(6200, Actor::Phone, core::CardVoted{4});
  add(6300, Actor::Kiosk, core::CardVoted{5});
  add(9000, Actor::Facilitator, core::PhaseEnded{"Voter"});
  add(10000, Actor::Kiosk, core::CardMoved{1, {0.2f, 0.9f}, {0.2f, 0.85f}});
  return e;
}

TEST(SessionFacts, CardsByZoneByImpactThenVotesWithWhoAddedThem) {
  replay::Timeline timeline(TwoZones(), Events());
  store::SessionMeta meta{.title = "Atelier du jour", .map_template = TwoZones(), .created_ms = 1'794'834'300'000};
  const SessionFacts f = GatherFacts(meta, timeline, timeline.BoardAt(10000), 10000, "fr");
  EXPECT_EQ(f.title, "Atelier du jour");
  EXPECT_EQ(f.duration_ms, 10000);
  EXPECT_EQ(f.cards, 6);
  EXPECT_EQ(f.votes, 3);
  ASSERT_EQ(f.zones.size(), 3u);
  EXPECT_EQ(f.zones[0].label, "À gauche");
  EXPECT_EQ(f.zones[2].id, "");  // outside every zone, last
  EXPECT_EQ(f.zones[2].label, "Hors des zones");
  ASSERT_EQ(f.zones[0].cards.size(), 4u);
  // Top first; the two in the middle (same impact to a tenth) by votes.
  std::vector<std::string> order;
  for (const CardFact& c : f.zones[0].cards) order.push_back(c.card.text);
  EXPECT_EQ(order, (std::vector<std::string>{"haut à gauche", "milieu aussi", "milieu à gauche", "bas à gauche"}));
  EXPECT_EQ(f.zones[0].votes, 2);
  EXPECT_EQ(f.zones[1].votes, 1);
  EXPECT_EQ(f.zones[0].cards[0].added_by, core::Actor::Phone);
  EXPECT_EQ(f.zones[0].cards[2].added_by, core::Actor::Facilitator);
  ASSERT_EQ(f.phases.size(), 2u);
  EXPECT_EQ(f.phases[0].name, "Placer");
  EXPECT_EQ(f.phases[0].start_ms, 1000);
  EXPECT_EQ(f.phases[0].end_ms, 6000);  // the next phase began
  EXPECT_EQ(f.phases[1].end_ms, 9000);  // ended by the facilitator
}

TEST(SessionFacts, AtAMomentOnlyWhatHadHappened) {
  replay::Timeline timeline(TwoZones(), Events());
  const SessionFacts f = GatherFacts({}, timeline, timeline.BoardAt(3500), 3500, "en");
  EXPECT_EQ(f.title, "Test");  // no session title: the map's
  EXPECT_EQ(f.cards, 2);
  ASSERT_EQ(f.zones.size(), 2u);  // nothing outside the zones yet
  EXPECT_EQ(f.zones[0].label, "Left");
  ASSERT_EQ(f.phases.size(), 1u);
  EXPECT_EQ(f.phases[0].end_ms, 3500);  // still running at that moment
}

}  // namespace
}  // namespace atelier::report
