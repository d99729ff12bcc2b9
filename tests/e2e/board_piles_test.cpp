// "Regrouper les doublons" end to end on the real binary under Xvfb: a session with duplicates
// imported from JSON Lines, the button pressed through the facilitator's panel; --dump-board
// shows the piles, the screenshot shows the count badge; a tap on the pile fans it out (no
// card covers another, no pile left). The journal holds one event for each step.
#include <gtest/gtest.h>

#include <fstream>

#include "core/event.h"
#include "e2e_support.h"
#include "facilitator_support.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr unsigned kBadge = 0x1f3a5f;  // ui/board_piles.cpp: the badge's fill

struct Script : e2e::ScriptLines<Script> {
  Script() { tap_gap = 250; }
};

// A session on the default map: in its first zone three "Kayak", a "kayak " and, at the
// bottom, a "Pirogue"; a "Kayak" in the second zone (another zone: never grouped).
fs::path Duplicates(const fs::path& dir, std::vector<std::string>& zones) {
  std::ifstream in(fs::path(ATELIER_SOURCE_DIR) / "assets/templates/usages-impacts.json");
  json tmpl = json::parse(in);
  for (const json& z : tmpl["zones"]) zones.push_back(z["id"]);
  auto area = [&](int i) { return tmpl["zones"][i]["area"]; };
  std::ofstream out(dir / "doublons.jsonl");
  out << json{{"format", "atelier-session"}, {"version", 1}, {"title", "Doublons"}, {"template", tmpl},
              {"started_ms", 1794834300000}}
             .dump()
      << "\n";
  struct Item {
    const char* text;
    int zone;
    double fy;
  };
  const Item items[] = {{"Kayak", 1, 0.5},   {"Kayak", 0, 0.25}, {"Pirogue", 0, 0.95},
                        {"kayak ", 0, 0.45}, {"Kayak", 0, 0.65}, {"Kayak", 0, 0.8}};
  int seq = 0;
  for (const Item& item : items) {
    ++seq;
    const json a = area(item.zone);
    const double x = a[0].get<double>() + a[2].get<double>() / 2;
    const double y = a[1].get<double>() + a[3].get<double>() * (0.1 + 0.75 * (item.fy - 0.25) / 0.7);
    out << json{{"seq", seq}, {"t_ms", 1000 * seq}, {"actor", "kiosk"}, {"type", "card_added"},
                {"payload", {{"id", seq}, {"text", item.text}, {"colour", "yellow"}, {"at", {x, y}}}}}
               .dump()
        << "\n";
  }
  return dir / "doublons.jsonl";
}

TEST(BoardPiles, RegrouperLesDoublonsThroughThePanelThenATapFansThePileOut) {
  auto dir = FreshDir("piles");
  std::vector<std::string> zones;
  const fs::path jsonl = Duplicates(dir, zones);
  const fs::path session = dir / "doublons.atelier";
  e2e::Run imported = RunAtelier({"import", jsonl.string(), "--session", session.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.stderr_text;

  Script s;
  s.t = EnterPanelLines(s.lines, s.t);
  s.Tap("Regrouper les doublons", 1200);  // the cards glide into the pile
  s.Tap("Fermer le panneau", 800);
  s.Add({{"screenshot", (dir / "piled.png").string()}}, 100);
  s.Add({{"dump", (dir / "piled.json").string()}}, 200);
  s.Add({{"tap", {{"card", "Kayak"}}}}, 1200);  // the topmost "Kayak": the pile's top card
  s.Add({{"dump", (dir / "spread.json").string()}}, 200);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "piles.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--input-script",
                         script.string()},
                        180, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  // Grouped: the four kayaks of the first zone share a pile; the other zone's and the pirogue
  // lie in none. Every card is still there.
  json piled = ReadJson(dir / "piled.json");
  ASSERT_EQ(piled["cards"].size(), 6u) << piled.dump(2);
  std::map<json, std::vector<const json*>> by_pile;
  for (const json& card : piled["cards"]) {
    ASSERT_TRUE(card.contains("pile")) << card.dump();
    by_pile[card["pile"]].push_back(&card);
  }
  ASSERT_EQ(by_pile.size(), 2u) << piled.dump(2);  // null, and one pile
  ASSERT_EQ(by_pile[json(nullptr)].size(), 2u) << piled.dump(2);
  const json* top = nullptr;
  for (const auto& [pile, cards] : by_pile) {
    if (pile.is_null()) continue;
    ASSERT_EQ(cards.size(), 4u);
    for (const json* c : cards) {
      EXPECT_EQ((*c)["zone"], zones[0]) << c->dump();
      if (!top || (*c)["z"] > (*top)["z"]) top = c;
    }
  }
  ASSERT_NE(top, nullptr);
  for (const json* c : by_pile[json(nullptr)])
    EXPECT_TRUE((*c)["text"] == "Pirogue" || (*c)["zone"] == zones[1]) << c->dump();

  // The badge astride the top card's top-right corner, and none on a lone card's.
  Png shot = ReadPng(dir / "piled.png");
  auto corner = [](const json& card) {
    return std::pair<int, int>{static_cast<int>((card["x"].get<double>() + card["w"].get<double>() / 2) * 1920),
                               static_cast<int>((card["y"].get<double>() - card["h"].get<double>() / 2) * 1080)};
  };
  {
    const auto [cx, cy] = corner(*top);
    int badge = 0;
    for (int dx = -30; dx <= 6; dx += 3)
      for (int dy = -10; dy <= 14; dy += 3)
        if (Near(shot.At(cx + dx, cy + dy), kBadge, 16)) ++badge;
    EXPECT_GT(badge, 20) << "no badge at " << cx << "," << cy;
  }
  for (const json* c : by_pile[json(nullptr)]) {
    const auto [cx, cy] = corner(*c);
    int badge = 0;
    for (int dx = -30; dx <= 6; dx += 3)
      for (int dy = -10; dy <= 14; dy += 3)
        if (Near(shot.At(cx + dx, cy + dy), kBadge, 16)) ++badge;
    EXPECT_EQ(badge, 0) << "a badge on the lone card " << c->dump();
  }

  // Fanned out: no pile left, no card covering another, every card still in its zone.
  json spread = ReadJson(dir / "spread.json");
  ASSERT_EQ(spread["cards"].size(), 6u);
  for (const json& card : spread["cards"]) EXPECT_TRUE(card["pile"].is_null()) << card.dump();
  const json& cards = spread["cards"];
  for (std::size_t i = 0; i < cards.size(); ++i) {
    for (std::size_t j = i + 1; j < cards.size(); ++j)
      EXPECT_FALSE(CardsOverlap(cards[i], cards[j])) << cards[i].dump() << " / " << cards[j].dump();
    EXPECT_EQ(cards[i]["zone"], piled["cards"][i]["zone"]) << cards[i].dump();
  }

  // One facilitator event for the grouping, one kiosk event for the fan-out.
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
  ASSERT_TRUE(opened) << opened.message.en;
  auto loaded = opened.session->Load();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->events.size(), 8u);
  EXPECT_EQ(core::EventTypeName(loaded->events[6].data), "cards_piled");
  EXPECT_EQ(loaded->events[6].actor, core::Actor::Facilitator);
  EXPECT_EQ(core::EventTypeName(loaded->events[7].data), "pile_spread");
  EXPECT_EQ(loaded->events[7].actor, core::Actor::Kiosk);
}

}  // namespace
}  // namespace atelier::e2e
