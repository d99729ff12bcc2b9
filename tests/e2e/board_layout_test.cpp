// A board that holds a real workshop, end to end on the real binary under Xvfb: new cards land
// apart (their rectangles in --dump-board do not overlap, their paper shows), and "Ranger la
// carte" through the facilitator's panel lays out a 200-card session imported from JSON Lines
// (no two cards overlap, each stays in its zone), recorded as one event the replay shows as one
// step.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "core/event.h"
#include "e2e_support.h"
#include "facilitator_support.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr unsigned kYellowPaper = 0xffe97a;  // core::kPalette "yellow", the editor's default

struct Script : e2e::ScriptLines<Script> {
  Script() { tap_gap = 250; }
};

struct Box {
  double x0, y0, x1, y1;
};
Box BoxOf(const json& card) {
  const double x = card["x"], y = card["y"], w = card["w"], h = card["h"];
  return {x - w / 2, y - h / 2, x + w / 2, y + h / 2};
}

// Every pair of cards of a dumped board that overlap, as "id/id".
std::vector<std::string> Overlapping(const json& board) {
  std::vector<std::string> out;
  const json& cards = board["cards"];
  for (std::size_t i = 0; i < cards.size(); ++i)
    for (std::size_t j = i + 1; j < cards.size(); ++j)
      if (CardsOverlap(cards[i], cards[j]))
        out.push_back(std::to_string(cards[i]["id"].get<int>()) + "/" + std::to_string(cards[j]["id"].get<int>()));
  return out;
}

TEST(BoardLayout, ThreeCardsAddedInARowLandApartAndShow) {
  auto dir = FreshDir("three");
  Script s;
  for (const char* text : {"Pirogue", "Kayak", "Tambour"})
    s.Tap("Ajouter une carte", 400).Add({{"text", text}}, 200).Tap("Valider", 400);
  s.t += 2000;  // the landing glows have faded
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "three.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--input-script", script.string(), "--screenshot",
                         (dir / "shot.png").string(), "--dump-board", (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 3u) << board.dump(2);
  EXPECT_TRUE(Overlapping(board).empty()) << board.dump(2);
  Png shot = ReadPng(dir / "shot.png");
  for (const json& card : board["cards"]) {
    ASSERT_TRUE(card.contains("w") && card.contains("h")) << card.dump();
    EXPECT_TRUE(card["zone"].is_null()) << card.dump();  // in the band below the zones
    // Inside the card, left of and below its centred text: the paper.
    const int px = static_cast<int>((card["x"].get<double>() - card["w"].get<double>() * 0.38) * 1920);
    const int py = static_cast<int>((card["y"].get<double>() + card["h"].get<double>() * 0.40) * 1080);
    EXPECT_TRUE(Near(shot.At(px, py), kYellowPaper))
        << card["text"] << " at " << px << "," << py << ": " << shot.At(px, py).r << "," << shot.At(px, py).g << ","
        << shot.At(px, py).b;
  }
}

// ---- "Ranger la carte" on 200 cards ---------------------------------------------------------

struct ZoneRect {
  std::string id;
  double x, y, w, h;
};

std::vector<ZoneRect> DefaultZones(const json& tmpl) {
  std::vector<ZoneRect> out;
  for (const json& z : tmpl["zones"]) out.push_back({z["id"], z["area"][0], z["area"][1], z["area"][2], z["area"][3]});
  return out;
}

// 200 cards spread over the default map's zones, piled on top of one another (a few places per
// zone), one second apart, as JSON Lines an `atelier import` reads.
fs::path TwoHundredCards(const fs::path& dir, std::map<int, std::string>& zone_of) {
  std::ifstream in(fs::path(ATELIER_SOURCE_DIR) / "assets/templates/usages-impacts.json");
  json tmpl = json::parse(in);
  const auto zones = DefaultZones(tmpl);
  std::ofstream out(dir / "deux-cents.jsonl");
  out << json{{"format", "atelier-session"}, {"version", 1}, {"title", "Deux cents cartes"}, {"template", tmpl},
              {"started_ms", 1794834300000}}
             .dump()
      << "\n";
  const char* words[] = {"HelloAsso", "Facebook", "Trop de groupes WhatsApp", "Canva", "Newsletter aux adhérents",
                         "Drive partagé", "Compta en ligne", "Visio"};
  for (int i = 1; i <= 200; ++i) {
    const ZoneRect& z = zones[static_cast<std::size_t>(i % 6)];
    const double fx = 0.2 + 0.6 * ((i / 6) % 3) / 2.0, fy = 0.15 + 0.8 * ((i * 7) % 5) / 4.0;
    const double x = z.x + fx * z.w, y = z.y + fy * z.h;
    zone_of[i] = z.id;
    out << json{{"seq", i}, {"t_ms", 1000 * i}, {"actor", "kiosk"}, {"type", "card_added"},
                {"payload", {{"id", i}, {"text", std::string(words[i % 8]) + " " + std::to_string(i)},
                             {"colour", "yellow"}, {"at", {x, y}}}}}
               .dump()
        << "\n";
  }
  return dir / "deux-cents.jsonl";
}

TEST(BoardLayout, RangerLaCarteThroughThePanelLaysOutTwoHundredCards) {
  auto dir = FreshDir("ranger");
  std::map<int, std::string> zone_of;
  const fs::path jsonl = TwoHundredCards(dir, zone_of);
  const fs::path session = dir / "deux-cents.atelier";
  e2e::Run imported = RunAtelier({"import", jsonl.string(), "--session", session.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.stderr_text;

  Script s;
  s.t = EnterPanelLines(s.lines, s.t);
  s.Tap("Ranger la carte", 1200);  // the glide takes half a second
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "ranger.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--input-script",
                         script.string(), "--dump-board", (dir / "board.json").string(), "--screenshot",
                         (dir / "shot.png").string()},
                        180, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 200u);
  EXPECT_EQ(Overlapping(board), std::vector<std::string>{});
  std::ifstream in(fs::path(ATELIER_SOURCE_DIR) / "assets/templates/usages-impacts.json");
  const auto zones = DefaultZones(json::parse(in));
  for (const json& card : board["cards"]) {
    const int id = card["id"];
    EXPECT_EQ(card["zone"], zone_of[id]) << card.dump();
    const Box b = BoxOf(card);
    for (const ZoneRect& z : zones)
      if (z.id == zone_of[id]) {  // wholly inside its zone
        EXPECT_GE(b.x0, z.x - 1e-4) << card.dump();
        EXPECT_LE(b.x1, z.x + z.w + 1e-4) << card.dump();
        EXPECT_GE(b.y0, z.y - 1e-4) << card.dump();
        EXPECT_LE(b.y1, z.y + z.h + 1e-4) << card.dump();
      }
    EXPECT_GE(card["w"].get<double>() * 1920, 60) << card.dump();  // still a card one can read
  }

  // One facilitator event holds every move.
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
  ASSERT_TRUE(opened) << opened.message.en;
  auto loaded = opened.session->Load();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->events.size(), 201u);
  const core::Event& last = loaded->events.back();
  EXPECT_EQ(last.actor, core::Actor::Facilitator);
  const auto* arranged = std::get_if<core::CardsArranged>(&last.data);
  ASSERT_NE(arranged, nullptr) << core::EventTypeName(last.data);
  EXPECT_GT(arranged->moves.size(), 150u);

  // The replay: just before that event the cards are piled as imported; at it, all arranged.
  auto at = [](std::int64_t ms) {
    const std::int64_t sec = ms / 1000;
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", static_cast<long long>(sec / 3600),
                  static_cast<long long>(sec / 60 % 60), static_cast<long long>(sec % 60));
    return std::string(text);
  };
  ASSERT_GT(last.t_ms / 1000, loaded->events[199].t_ms / 1000) << "the arrangement came in the last add's second";
  e2e::Run before = RunAtelier({"replay", session.string(), "--at", at(last.t_ms - 1000), "--dump-board",
                                (dir / "before.json").string()});
  ASSERT_EQ(before.exit_code, 0) << before.stderr_text;
  e2e::Run after = RunAtelier({"replay", session.string(), "--at", at(last.t_ms + 999), "--dump-board",
                               (dir / "after.json").string()});
  ASSERT_EQ(after.exit_code, 0) << after.stderr_text;
  json b = ReadJson(dir / "before.json"), a = ReadJson(dir / "after.json");
  EXPECT_FALSE(Overlapping(b).empty());  // piled, as imported
  EXPECT_TRUE(Overlapping(a).empty());   // the whole arrangement in one step
  for (std::size_t i = 0; i < a["cards"].size() && i < board["cards"].size(); ++i) {
    EXPECT_EQ(a["cards"][i]["x"], board["cards"][i]["x"]);
    EXPECT_EQ(a["cards"][i]["y"], board["cards"][i]["y"]);
  }
}

}  // namespace
}  // namespace atelier::e2e
