// The facilitator's mode end to end, on the real binary under Xvfb: the corner press and the
// PIN open the panel; a locked board refuses a participant (and says why); a vote phase, three
// votes, two undos from the panel, the session ended — all read back from the session file.
// And a monkey: random touches without the PIN never open the panel, never quit, never erase
// (ATELIER_MONKEY_TAPS=5000 for a long run; CI runs a short one).
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "core/event.h"
#include "e2e_support.h"
#include "facilitator_support.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

struct Script : e2e::ScriptLines<Script> {
  Script() { tap_gap = 200; }
  Script& TapCard(const std::string& text, int gap = 600) { return Add({{"tap", {{"card", text}}}}, gap); }
  Script& NewCard(const std::string& text, json to) {
    Tap("Ajouter une carte", 400).Add({{"text", text}}, 200).Tap("Valider", 400);
    return Add({{"drag", {{"from", {{"card", text}}}, {"to", to}, {"ms", 400}}}}, 700);
  }
  // The facilitator's way in: 3 s on the corner mark, then the PIN.
  Script& EnterPanel() {
    Add({{"down", {{"x", 40}, {"y", 40}}}}, 3300);
    Add({{"up", {{"x", 40}, {"y", 40}}}}, 300);
    for (const char* digit : {"2", "4", "6", "8"}) Tap(digit, 150);
    return Tap("Valider", 400);
  }
};

int CountNear(const Png& png, unsigned hex, int x0, int y0, int x1, int y1, int tolerance = 8) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) n += Near(png.At(x, y), hex, tolerance) ? 1 : 0;
  return n;
}

TEST(Facilitator, LockVoteUndoAndEndThroughThePanel) {
  auto dir = FreshDir("run");
  const auto session = dir / "atelier.atelier";
  Script s;
  s.NewCard("HelloAsso", {{"map", {0.25, 0.4}}});
  s.NewCard("Canva", {{"map", {0.45, 0.4}}});
  s.EnterPanel();
  s.Add({{"screenshot", (dir / "panel.png").string()}}, 50);
  s.Tap("Verrouiller le tableau").Tap("Fermer le panneau", 400);
  s.Tap("Ajouter une carte", 300);  // a participant tries: refused, with the reason
  s.Add({{"screenshot", (dir / "locked.png").string()}}, 50);
  s.Add({{"drag", {{"from", {{"card", "Canva"}}}, {"to", {{"map", {0.7, 0.6}}}}, {"ms", 300}}}}, 600);
  s.EnterPanel();
  s.Tap("Déverrouiller le tableau").Tap("Phases").Tap("Voter · 5 min").Tap("Fermer le panneau", 400);
  s.TapCard("HelloAsso").TapCard("HelloAsso").TapCard("Canva");
  s.Add({{"screenshot", (dir / "votes.png").string()}}, 50);
  s.Add({{"dump", (dir / "voted.json").string()}}, 50);
  s.EnterPanel();
  s.Tap("Défaire", 300).Tap("Défaire", 300);
  s.Add({{"dump", (dir / "undone.json").string()}}, 50);
  s.Tap("Séance").Tap("Terminer la séance").Tap("Oui, terminer", 600);
  s.Add({{"screenshot", (dir / "ended.png").string()}}, 50);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "facilitator.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                        "--quit-after-script"},
                       240, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  // The board at the moments the script asked.
  json voted = ReadJson(dir / "voted.json"), undone = ReadJson(dir / "undone.json");
  ASSERT_NE(CardWithText(voted, "HelloAsso"), nullptr);
  EXPECT_EQ((*CardWithText(voted, "HelloAsso"))["votes"], 2);
  EXPECT_EQ((*CardWithText(voted, "Canva"))["votes"], 1);
  EXPECT_EQ((*CardWithText(undone, "HelloAsso"))["votes"], 1);
  EXPECT_EQ((*CardWithText(undone, "Canva"))["votes"], 0);
  EXPECT_EQ(voted["cards"].size(), 2u);  // the locked board took no card

  // The session file: every step an event, from the right actor, in order; the session ended.
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
  ASSERT_TRUE(opened) << opened.message.en;
  auto loaded = opened.session->Load();
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->meta.ended_ms.has_value());
  std::vector<std::string> facilitator, all;
  for (const core::Event& e : loaded->events) {
    all.emplace_back(core::EventTypeName(e.data));
    if (e.actor == core::Actor::Facilitator) facilitator.emplace_back(core::EventTypeName(e.data));
  }
  EXPECT_EQ(facilitator, (std::vector<std::string>{"board_locked", "board_unlocked", "phase_started", "undone",
                                                   "undone"}));
  const std::vector<std::string> expected{"card_added", "card_moved", "card_added", "card_moved", "board_locked",
                                          "board_unlocked", "phase_started", "card_voted", "card_voted",
                                          "card_voted", "undone", "undone"};
  EXPECT_EQ(all, expected);  // nothing between lock and unlock: the add and the drag were refused
  const auto* phase = std::get_if<core::PhaseStarted>(&loaded->events[6].data);
  ASSERT_NE(phase, nullptr);
  EXPECT_EQ(phase->kind, core::PhaseKind::Vote);
  const auto* first_undo = std::get_if<core::ActionUndone>(&loaded->events[10].data);
  ASSERT_NE(first_undo, nullptr);
  EXPECT_EQ(first_undo->seq, 10);  // the last vote (on Canva) is undone first
  EXPECT_EQ(loaded->board.Find(1)->votes, 1);

  // Pictures: the panel on the right; the lock notice (dark) and the refusal (pale yellow) on
  // top; the vote badges (dark blue) on the cards.
  Png panel = ReadPng(dir / "panel.png");
  ASSERT_EQ(panel.width, 1920);
  EXPECT_GT(CountNear(panel, 0x1c5fa8, 1150, 100, 1900, 400, 30), 5000) << "no primary buttons in the panel";
  Png locked = ReadPng(dir / "locked.png");
  EXPECT_GT(CountNear(locked, 0x3a3e45, 500, 0, 1420, 200, 24), 10000) << "no lock notice";
  EXPECT_GT(CountNear(locked, 0xfff4c2, 200, 0, 1720, 400, 6), 10000) << "no refusal message";
  Png votes = ReadPng(dir / "votes.png");
  EXPECT_GT(CountNear(votes, 0x1d3f8a, 0, 100, 1920, 900, 6), 1500) << "no vote badges";
}

TEST(Facilitator, MonkeyTapsWithoutThePinNeverReachThePanelQuitOrErase) {
  const char* env = std::getenv("ATELIER_MONKEY_TAPS");
  const int taps = env ? std::max(10, std::atoi(env)) : 80;
  auto dir = FreshDir("monkey");
  const auto session = dir / "monkey.atelier";
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<int> x(0, 1279), y(0, 719), gap(30, 150), hold(20, 900), pointer(0, 2);
  Script s;
  s.NewCard("HelloAsso", {{"map", {0.3, 0.4}}});
  for (int i = 0; i < taps; ++i) {
    // At 1280×720 (a faster frame under Xvfb); the corner mark is there too.
    // Short and long presses anywhere, the corner included, several fingers: never 3 s.
    const int id = pointer(rng), px = i % 7 == 0 ? x(rng) % 120 : x(rng), py = i % 7 == 0 ? y(rng) % 120 : y(rng);
    json at = {{"x", px}, {"y", py}};
    s.Add({{"down", at}, {"id", id}}, hold(rng));
    s.Add({{"up", at}, {"id", id}}, gap(rng));
  }
  s.Add({{"screenshot", (dir / "still-running.png").string()}}, 50);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "monkey.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1280x720", "--session", session.string(), "--input-script", script.string(),
                             "--quit-after-script"},
                            90 + taps * 2, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_TRUE(std::filesystem::exists(dir / "still-running.png")) << "the kiosk stopped before the script ended";
  auto opened = store::SessionFile::OpenReadOnly(session);
  ASSERT_TRUE(opened) << opened.message.en;
  auto loaded = opened.session->Load();
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->meta.ended_ms.has_value());
  for (const core::Event& e : loaded->events) {
    EXPECT_NE(e.actor, core::Actor::Facilitator) << core::EventTypeName(e.data);
    EXPECT_FALSE(std::holds_alternative<core::CardErased>(e.data));
  }
}

}  // namespace
}  // namespace atelier::e2e
