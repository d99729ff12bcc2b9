// The deck of ready-made cards end to end, on the real binary under Xvfb: `--deck FILE.csv`
// imports it (bad rows reported by number), "Cartes prêtes" opens the tray, a card dragged out
// of it lands on the map as a recorded card; in "consume" mode it has left the tray, also after
// a restart (the deck is kept by the kiosk, not by the USB stick); in "keep" mode it stays.
#include <gtest/gtest.h>

#include <fstream>

#include "core/event.h"
#include "core/palette.h"
#include "e2e_support.h"
#include "facilitator_support.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const char* kDeckCsv =
    "texte;couleur;catégorie\n"
    "HelloAsso;vert;Financement\n"
    ";jaune;\n"                   // row 3: no text
    "Canva;bleu;Communication\n"
    "WhatsApp;fuchsia;\n"         // row 5: no such colour
    "Compta en ligne;orange;Gestion\n";

json Drag(int t, const std::string& label, double x, double y) {
  return {{"t", t}, {"drag", {{"from", {{"label", label}}}, {"to", {{"map", {x, y}}}}, {"ms", 500}}}};
}

struct Kiosk {
  fs::path dir, session;
  std::vector<std::string> env;
  explicit Kiosk(const std::string& name)
      : dir(FreshDir(name)),
        session(dir / "atelier.atelier"),
        env{"XDG_CONFIG_HOME=" + (dir / "config").string(), "XDG_DATA_HOME=" + (dir / "data").string()} {}
  e2e::Run Play(const std::string& name, const std::vector<json>& lines, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--size", "1920x1080", "--session", session.string(), "--input-script",
                                  WriteScript(dir, name + ".jsonl", lines).string(), "--quit-after-script"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunAtelier(args, 180, env);
  }
  std::vector<core::Event> Events() const {
    store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
    EXPECT_TRUE(opened) << opened.message.en;
    if (!opened) return {};
    auto loaded = opened.session->Load();
    return loaded.ok() ? loaded->events : std::vector<core::Event>{};
  }
};

TEST(Deck, DraggedFromTheTrayOntoTheMapRecordedAndConsumedEvenAfterARestart) {
  Kiosk kiosk("deck-consume");
  const fs::path stick = kiosk.dir / "cle-usb";
  fs::create_directories(stick);
  std::ofstream(stick / "outils.csv") << kDeckCsv;

  std::vector<json> first{{{"t", 300}, {"tap", {{"label", "Cartes prêtes"}}}},
                          {{"t", 800}, {"screenshot", (kiosk.dir / "tray.png").string()}},
                          Drag(1000, "Canva", 0.3, 0.3),
                          {{"t", 1900}, {"screenshot", (kiosk.dir / "dropped.png").string()}},
                          {{"t", 2000}, {"dump", (kiosk.dir / "board.json").string()}}};
  e2e::Run run = kiosk.Play("first", first, {"--deck", (stick / "outils.csv").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  // The bad rows, by number and reason, for whoever typed the command.
  EXPECT_NE(run.stderr_text.find("outils.csv:3: row skipped: the card's text is empty"), std::string::npos)
      << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("outils.csv:5: row skipped: unknown colour"), std::string::npos) << run.stderr_text;

  // The card is a normal card where the finger let go, in the deck's colour, from a participant.
  json board = ReadJson(kiosk.dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 1u);
  const json* canva = CardWithText(board, "Canva");
  ASSERT_NE(canva, nullptr);
  EXPECT_EQ((*canva)["colour"], "blue");
  EXPECT_NEAR((*canva)["x"].get<double>(), 0.3, 0.01);
  EXPECT_NEAR((*canva)["y"].get<double>(), 0.3, 0.01);
  std::vector<core::Event> events = kiosk.Events();
  ASSERT_EQ(events.size(), 1u);
  const auto* added = std::get_if<core::CardAdded>(&events[0].data);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->text, "Canva");
  EXPECT_EQ(events[0].actor, core::Actor::Kiosk);

  // Pictures: the tray's kraft band along the bottom with the green HelloAsso card in it; then
  // the blue paper on the map where the card was dropped.
  Png tray = ReadPng(kiosk.dir / "tray.png");
  ASSERT_EQ(tray.width, 1920);
  int kraft = 0, green = 0;
  const core::Rgb green_paper = core::FindColour("green")->paper;
  const unsigned green_hex = (green_paper.r << 16) | (green_paper.g << 8) | green_paper.b;
  for (int y = 760; y < 1080; y += 2)
    for (int x = 0; x < 1920; x += 2) {
      kraft += Near(tray.At(x, y), 0xd8d1c1, 10) ? 1 : 0;
      green += Near(tray.At(x, y), green_hex, 14) ? 1 : 0;
    }
  EXPECT_GT(kraft, 20000) << "no tray band";
  EXPECT_GT(green, 1500) << "no green deck card in the tray";
  Png dropped = ReadPng(kiosk.dir / "dropped.png");
  const core::Rgb blue = core::FindColour("blue")->paper;
  EXPECT_TRUE(Near(dropped.At(576 - 40, 324 + 30), (blue.r << 16) | (blue.g << 8) | blue.b, 16));

  // A restart without --deck: the kiosk kept the deck (the stick is gone), and Canva, on the
  // board, is no longer in the tray: aiming at it fails.
  fs::remove_all(stick);
  std::vector<json> again{{{"t", 300}, {"tap", {{"label", "Cartes prêtes"}}}}, Drag(800, "Canva", 0.6, 0.6)};
  run = kiosk.Play("again", again);
  EXPECT_EQ(run.exit_code, 3) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("no control labelled \"Canva\""), std::string::npos) << run.stderr_text;

  std::vector<json> other{{{"t", 300}, {"tap", {{"label", "Cartes prêtes"}}}},
                          Drag(800, "Compta en ligne", 0.6, 0.6),
                          {{"t", 1700}, {"dump", (kiosk.dir / "board2.json").string()}}};
  run = kiosk.Play("other", other);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board2 = ReadJson(kiosk.dir / "board2.json");
  EXPECT_EQ(board2["cards"].size(), 2u);
  ASSERT_NE(CardWithText(board2, "Compta en ligne"), nullptr);
  EXPECT_EQ((*CardWithText(board2, "Compta en ligne"))["colour"], "orange");
}

TEST(Deck, KeepModeOffersACardAgainAndATapOrADropOnTheTrayAddsNothing) {
  Kiosk kiosk("deck-keep");
  std::ofstream(kiosk.dir / "outils.csv") << kDeckCsv;
  std::vector<json> lines{{{"t", 300}, {"tap", {{"label", "Cartes prêtes"}}}},
                          {{"t", 700}, {"tap", {{"label", "HelloAsso"}}}},  // a tap: only a hint
                          {{"t", 1000}, {"screenshot", (kiosk.dir / "hint.png").string()}},
                          Drag(1200, "HelloAsso", 0.2, 0.25),
                          Drag(2000, "HelloAsso", 0.7, 0.25),
                          Drag(2800, "Canva", 0.45, 0.95),  // let go on the tray: back in it
                          {{"t", 3600}, {"dump", (kiosk.dir / "board.json").string()}}};
  // Imported by a first start, so no import message is on screen when the tap's hint is looked for.
  e2e::Run run = kiosk.Play("import", {{{"t", 100}, {"quit", true}}}, {"--deck", (kiosk.dir / "outils.csv").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  run = kiosk.Play("keep", lines, {"--deck-mode", "keep"});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(kiosk.dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 2u);
  for (const json& card : board["cards"]) {
    EXPECT_EQ(card["text"], "HelloAsso");
    EXPECT_EQ(card["colour"], "green");
  }
  EXPECT_EQ(kiosk.Events().size(), 2u);
  // The tap's hint, in the pale yellow message box at the top.
  Png hint = ReadPng(kiosk.dir / "hint.png");
  int yellow = 0;
  for (int y = 0; y < 300; y += 2)
    for (int x = 300; x < 1620; x += 2) yellow += Near(hint.At(x, y), 0xfff4c2, 6) ? 1 : 0;
  EXPECT_GT(yellow, 3000) << "no hint after a tap on a tray card";
}

TEST(Deck, TheFacilitatorImportsADeckFromThePanelAndParticipantsUseIt) {
  Kiosk kiosk("deck-panel");
  kiosk.env[0] = ConfigWithPin();  // the facilitator's PIN is known
  const fs::path decks = kiosk.dir / "data/atelier/paquets";
  fs::create_directories(decks);
  std::ofstream(decks / "mes-outils.csv") << "texte,couleur\nVisio,turquoise\nNextcloud,\n,jaune\n";
  std::vector<json> lines;
  int t = EnterPanelLines(lines, 300);
  lines.push_back({{"t", t}, {"tap", {{"label", "Paquet"}}}});
  lines.push_back({{"t", t + 400}, {"tap", {{"label", "mes-outils.csv · dossier des paquets"}}}});
  lines.push_back({{"t", t + 900}, {"screenshot", (kiosk.dir / "page.png").string()}});
  lines.push_back({{"t", t + 1000}, {"tap", {{"label", "reste dans le paquet"}}}});  // keep: saved in atelier.conf
  lines.push_back({{"t", t + 1400}, {"tap", {{"label", "Fermer le panneau"}}}});
  lines.push_back({{"t", t + 1800}, {"tap", {{"label", "Cartes prêtes"}}}});
  lines.push_back(Drag(t + 2300, "Nextcloud", 0.55, 0.35));
  lines.push_back(Drag(t + 3100, "Nextcloud", 0.75, 0.35));  // kept in the tray: a second one
  lines.push_back({{"t", t + 4000}, {"dump", (kiosk.dir / "board.json").string()}});
  e2e::Run run = kiosk.Play("panel", lines);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(kiosk.dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 2u);
  for (const json& card : board["cards"]) {
    EXPECT_EQ(card["text"], "Nextcloud");
    EXPECT_EQ(card["colour"], "yellow");  // no colour in the file: the default
  }
  const fs::path config = kiosk.env[0].substr(std::string("XDG_CONFIG_HOME=").size());
  EXPECT_NE(ReadBytes(config / "atelier/atelier.conf").find("deck_mode = keep"), std::string::npos)
      << ReadBytes(config / "atelier/atelier.conf");
  // The kiosk kept its own copy: the deck is there for the next start.
  EXPECT_NE(ReadBytes(kiosk.dir / "data/atelier/paquet.csv").find("Visio,turquoise"), std::string::npos);
  // The page said what happened, in green (the report names the skipped row).
  Png page = ReadPng(kiosk.dir / "page.png");
  int green = 0;
  for (int y = 150; y < 950; ++y)
    for (int x = 1150; x < 1900; ++x) green += Near(page.At(x, y), 0x1e7a3c, 40) ? 1 : 0;
  EXPECT_GT(green, 300) << "no import report on the Paquet page";
}

}  // namespace
}  // namespace atelier::e2e
