// What the kiosk does when nobody touches it, and with the keys that close ordinary programs, on
// the real binary under Xvfb: the idle invitation appears after the quiet time and the touch that
// wakes the board does nothing else; the facilitator's panel closes itself after a minute
// untouched (the real 60 s, at 640×360 so the 4 500 frames stay quick) and stays open while
// touched; in kiosk mode Escape only cancels the card being written and never quits. (Alt+F4 and
// a window manager's close request need real X events: xdotool_test.cpp.)
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/event.h"
#include "e2e_support.h"
#include "facilitator_support.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

struct Script : e2e::ScriptLines<Script> {
  Script() { tap_gap = 300; }
  Script& Key(const std::string& key, int gap = 300) { return Add({{"key", key}}, gap); }
  Script& Drag(const std::string& card, json to, int gap = 700) {
    return Add({{"drag", {{"from", {{"card", card}}}, {"to", to}, {"ms", 400}}}}, gap);
  }
  Script& Shot(const std::filesystem::path& png) { return Add({{"screenshot", png.string()}}, 50); }
  Script& Dump(const std::filesystem::path& board) { return Add({{"dump", board.string()}}, 50); }
};

int CountNear(const Png& png, unsigned hex, int x0, int y0, int x1, int y1, int tolerance = 10) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) n += Near(png.At(x, y), hex, tolerance) ? 1 : 0;
  return n;
}

// The share of pixels that differ by more than `tolerance` on some channel.
double DifferentShare(const Png& a, const Png& b, int tolerance = 3) {
  if (a.width != b.width || a.height != b.height || a.width == 0) return 1;
  long n = 0;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) {
      Png::Pixel p = a.At(x, y), q = b.At(x, y);
      n += std::abs(p.r - q.r) > tolerance || std::abs(p.g - q.g) > tolerance || std::abs(p.b - q.b) > tolerance;
    }
  return static_cast<double>(n) / (static_cast<double>(a.width) * a.height);
}

std::vector<std::string> EventNames(const std::filesystem::path& session) {
  std::vector<std::string> names;
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
  EXPECT_TRUE(opened) << opened.message.en;
  if (!opened) return names;
  auto loaded = opened.session->Load();
  EXPECT_TRUE(loaded.ok());
  if (!loaded.ok()) return names;
  for (const core::Event& e : loaded->events) names.emplace_back(core::EventTypeName(e.data));
  return names;
}

constexpr unsigned kAccent = 0x1d5fa8;  // ui/theme.h: primary buttons, the invitation's band

TEST(FacilitatorIdle, InvitationAfterAQuietTimeAndTheWakingTouchChangesNothing) {
  auto dir = FreshDir("idle");
  const auto session = dir / "idle.atelier";
  Script s;
  s.Tap("Ajouter une carte", 400).Add({{"text", "HelloAsso"}}, 200).Tap("Valider", 400);
  s.Drag("HelloAsso", {{"map", {0.5, 0.5}}});  // in the middle, under where the invitation shows
  s.t += 800;  // the new card's landing glow (1.6 s) is over, still well before the invitation
  s.Shot(dir / "before.png").Dump(dir / "before.json");
  s.t += 2300;  // 2 s quiet (the drag lifted ~1.1 s before the first picture): the invitation is up
  s.Shot(dir / "idle.png");
  // The waking touch drags the card: it must neither move it nor do anything else.
  s.Drag("HelloAsso", {{"map", {0.2, 0.8}}});
  s.Shot(dir / "woken.png").Dump(dir / "woken.json");
  s.t += 2300;  // idle again; this time the waking touch is a tap on the invitation itself
  s.Tap("Touchez l'écran pour ajouter votre carte", 400);  // fails unless it is on screen
  s.Shot(dir / "woken-by-tap.png");
  // The board was only asleep: the same drag now moves the card.
  s.Drag("HelloAsso", {{"map", {0.2, 0.8}}});
  s.Dump(dir / "moved.json").Add({{"quit", true}});
  auto script = WriteScript(dir, "idle.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--windowed", "--size", "1280x720", "--idle-delay", "2", "--session", session.string(),
                             "--input-script", script.string(), "--quit-after-script"},
                            180);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  // The board: idling and both waking touches changed nothing; the later drag did.
  EXPECT_EQ(ReadBytes(dir / "woken.json"), ReadBytes(dir / "before.json"));
  json before = ReadJson(dir / "before.json"), moved = ReadJson(dir / "moved.json");
  ASSERT_NE(CardWithText(before, "HelloAsso"), nullptr) << before.dump(2);
  EXPECT_NEAR((*CardWithText(before, "HelloAsso"))["x"].get<double>(), 0.5, 0.01);
  ASSERT_NE(CardWithText(moved, "HelloAsso"), nullptr) << moved.dump(2);
  EXPECT_NEAR((*CardWithText(moved, "HelloAsso"))["x"].get<double>(), 0.2, 0.01);
  EXPECT_NEAR((*CardWithText(moved, "HelloAsso"))["y"].get<double>(), 0.8, 0.01);
  EXPECT_EQ(moved["cards"].size(), 1u);
  // The session file: the add, its drag, the last drag — nothing from idling or waking.
  EXPECT_EQ(EventNames(session), (std::vector<std::string>{"card_added", "card_moved", "card_moved"}));

  // The pictures: a blue band with the sentence across the middle while idle, over a paler
  // board; after each waking touch the screen is again what it was before (no editor opened on
  // the card the tap landed on, nothing lifted or moved).
  Png before_png = ReadPng(dir / "before.png"), idle = ReadPng(dir / "idle.png");
  Png woken = ReadPng(dir / "woken.png"), woken_by_tap = ReadPng(dir / "woken-by-tap.png");
  ASSERT_EQ(idle.width, 1280);
  const int band_before = CountNear(before_png, kAccent, 200, 250, 1080, 470);
  const int band_idle = CountNear(idle, kAccent, 200, 250, 1080, 470);
  EXPECT_LT(band_before, 200);
  EXPECT_GT(band_idle, 30000) << "no invitation band in the middle";
  EXPECT_GT(DifferentShare(before_png, idle), 0.5) << "no veil over the board";
  EXPECT_LT(DifferentShare(before_png, woken), 0.002);
  EXPECT_LT(DifferentShare(before_png, woken_by_tap), 0.002);
}

TEST(FacilitatorIdle, PanelClosesItselfAfterAMinuteUntouchedAndStaysOpenWhileTouched) {
  auto dir = FreshDir("panel-idle");
  std::vector<json> lines;
  int t = EnterPanelLines(lines, 300);
  Script s;
  s.lines = lines;
  s.t = t + 5000;
  s.Tap("Tableau", 80);  // a tab of the panel (fails unless it is open), and the last touch
  const int touched = s.t;
  s.t = touched + 57000;  // 62 s after the panel opened, 57 s after the touch
  s.Shot(dir / "open.png");
  s.t = touched + 61000;
  s.Shot(dir / "closed.png");
  s.Tap("Accès animation", 300);  // the corner mark, only there when the panel is closed
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "panel-idle.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--windowed", "--size", "640x360", "--idle-delay", "0", "--session",
                             (dir / "panel.atelier").string(), "--input-script", script.string(), "--quit-after-script"},
                            300, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  // The panel is the right part of the screen, its current tab and first button primary blue;
  // closed, that part is the map again (the "Ajouter une carte" buttons are lower down).
  Png open = ReadPng(dir / "open.png"), closed = ReadPng(dir / "closed.png");
  ASSERT_EQ(open.width, 640);
  EXPECT_GT(CountNear(open, kAccent, 290, 30, 640, 280), 4000) << "the panel closed while it was still in use";
  EXPECT_LT(CountNear(closed, kAccent, 290, 30, 640, 280), 50) << "the panel stayed open a minute untouched";
}

TEST(FacilitatorIdle, EscapeInKioskModeOnlyCancelsTheCardBeingWrittenAndNeverQuits) {
  auto dir = FreshDir("escape");
  const auto session = dir / "escape.atelier";
  Script s;
  s.Key("escape");  // on the bare board: nothing
  s.Tap("Ajouter une carte", 400).Add({{"text", "Brouillon"}}, 300);
  s.Key("escape", 400);  // cancels the card being written, keeps nothing
  // The add buttons hide while the editor is open: this tap fails unless Escape closed it.
  s.Tap("Ajouter une carte", 400).Add({{"text", "Gardée"}}, 300).Tap("Valider", 400);
  s.Drag("Gardée", {{"map", {0.3, 0.4}}});
  std::vector<json> panel;
  s.t = EnterPanelLines(panel, s.t);
  s.lines.insert(s.lines.end(), panel.begin(), panel.end());
  s.Key("escape");
  s.Tap("Phases").Tap("Fermer le panneau", 400);  // the panel was still open after Escape
  s.Key("escape", 200).Key("escape", 1000);
  s.Shot(dir / "final.png").Dump(dir / "final.json").Add({{"quit", true}});
  auto script = WriteScript(dir, "escape.jsonl", s.lines);
  // No --windowed: the kiosk's own window (undecorated, cannot be closed), at a test size.
  e2e::Run run = RunAtelier({"--size", "1280x720", "--session", session.string(), "--input-script", script.string(),
                             "--quit-after-script"},
                            180, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  // Written by the script's last steps: the kiosk ran to the end of the script.
  ASSERT_TRUE(std::filesystem::exists(dir / "final.png")) << "the kiosk stopped before the script's end";
  EXPECT_EQ(ReadPng(dir / "final.png").width, 1280);
  json board = ReadJson(dir / "final.json");
  EXPECT_EQ(CardWithText(board, "Brouillon"), nullptr) << board.dump(2);
  ASSERT_NE(CardWithText(board, "Gardée"), nullptr) << board.dump(2);
  EXPECT_NEAR((*CardWithText(board, "Gardée"))["x"].get<double>(), 0.3, 0.01);
  EXPECT_EQ(board["cards"].size(), 1u);
  EXPECT_EQ(EventNames(session), (std::vector<std::string>{"card_added", "card_moved"}));
}

}  // namespace
}  // namespace atelier::e2e
