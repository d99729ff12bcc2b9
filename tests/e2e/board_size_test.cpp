// "Taille des cartes" end to end on the real binary under Xvfb: the facilitator chooses
// "Petites" on the panel, --dump-board gives every card that size, a card added through
// "Ajouter une carte" lands on no other card, and the session reopened keeps the size (it is
// an event of the session, card_size_set).
#include <gtest/gtest.h>

#include <fstream>

#include "core/card_size.h"
#include "core/event.h"
#include "e2e_support.h"
#include "facilitator_support.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct Script : e2e::ScriptLines<Script> {
  Script() { tap_gap = 250; }
  Script& Shot(const fs::path& png) { return Add({{"screenshot", png.string()}}, 50); }
};

// Twelve cards in the default map's zones, as JSON Lines an `atelier import` reads.
fs::path TwelveCards(const fs::path& dir) {
  std::ifstream in(fs::path(ATELIER_SOURCE_DIR) / "assets/templates/usages-impacts.json");
  json tmpl = json::parse(in);
  std::ofstream out(dir / "douze.jsonl");
  out << json{{"format", "atelier-session"}, {"version", 1}, {"title", "Douze cartes"}, {"template", tmpl},
              {"started_ms", 1794834300000}}
             .dump()
      << "\n";
  for (int i = 1; i <= 12; ++i) {
    const json& z = tmpl["zones"][static_cast<std::size_t>(i % 6)];
    const double x = z["area"][0].get<double>() + z["area"][2].get<double>() / 2;
    const double y = z["area"][1].get<double>() + 0.2 + 0.3 * (i / 6);
    out << json{{"seq", i}, {"t_ms", 1000 * i}, {"actor", "kiosk"}, {"type", "card_added"},
                {"payload", {{"id", i}, {"text", "Carte " + std::to_string(i)}, {"colour", "yellow"}, {"at", {x, y}}}}}
               .dump()
        << "\n";
  }
  return dir / "douze.jsonl";
}

TEST(BoardSize, PetitesThroughThePanelSizesEveryCardAndStaysWhenReopened) {
  auto dir = FreshDir("board-size");
  const fs::path session = dir / "douze.atelier";
  e2e::Run imported = RunAtelier({"import", TwelveCards(dir).string(), "--session", session.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.stderr_text;

  // The size the crowd gives twelve cards, before anything is chosen.
  e2e::Run first = RunAtelier({"replay", session.string(), "--at", "end", "--dump-board",
                               (dir / "auto.json").string()});
  ASSERT_EQ(first.exit_code, 0) << first.stderr_text;
  const json automatic = ReadJson(dir / "auto.json");
  ASSERT_EQ(automatic["cards"].size(), 12u);

  Script s;
  s.t = EnterPanelLines(s.lines, s.t);
  s.Tap("Petites", 400).Shot(dir / "panel.png").Tap("Fermer le panneau", 600);
  s.Tap("Ajouter une carte", 400).Add({{"text", "Covoiturage"}}, 200).Tap("Valider", 600);
  s.t += 1500;  // the size has eased, the glow faded
  s.Shot(dir / "board.png");
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "petites.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--input-script",
                         script.string(), "--dump-board", (dir / "board.json").string()},
                        180, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  const core::CardSize small = core::ScaledCardSize(*core::CardSizeChoiceScale(core::CardSizeChoice::Small));
  ASSERT_NE(automatic["cards"][0]["w"].get<double>(), static_cast<double>(small.w));  // a change to see
  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 13u) << board.dump(2);
  for (const json& card : board["cards"]) {
    EXPECT_NEAR(card["w"].get<double>(), small.w, 1e-5) << card.dump();
    EXPECT_NEAR(card["h"].get<double>(), small.h, 1e-5) << card.dump();
  }
  const json* added = nullptr;
  for (const json& card : board["cards"])
    if (card["text"] == "Covoiturage") added = &card;
  ASSERT_NE(added, nullptr) << board.dump(2);
  for (const json& card : board["cards"]) {
    if (&card != added) {
      EXPECT_FALSE(CardsOverlap(*added, card)) << added->dump() << " over " << card.dump();
    }
  }

  // The choice is an event of the session, by the facilitator.
  {
    store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
    ASSERT_TRUE(opened) << opened.message.en;
    auto loaded = opened.session->Load();
    ASSERT_TRUE(loaded.ok());
    bool found = false;
    for (const core::Event& e : loaded->events)
      if (const auto* set = std::get_if<core::CardSizeSet>(&e.data)) {
        found = true;
        EXPECT_EQ(set->size, core::CardSizeChoice::Small);
        EXPECT_EQ(e.actor, core::Actor::Facilitator);
      }
    EXPECT_TRUE(found);
  }

  // Reopened: the same size, without touching anything.
  Script again;
  again.t = 800;
  again.Add({{"quit", true}});
  auto quit = WriteScript(dir, "quit.jsonl", again.lines);
  auto reopened = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--input-script",
                              quit.string(), "--dump-board", (dir / "reopened.json").string()});
  ASSERT_EQ(reopened.exit_code, 0) << reopened.stderr_text;
  json later = ReadJson(dir / "reopened.json");
  ASSERT_EQ(later["cards"].size(), 13u);
  for (const json& card : later["cards"]) {
    EXPECT_NEAR(card["w"].get<double>(), small.w, 1e-5) << card.dump();
    EXPECT_NEAR(card["h"].get<double>(), small.h, 1e-5) << card.dump();
  }
}

}  // namespace
}  // namespace atelier::e2e
