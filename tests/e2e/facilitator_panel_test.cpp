// The facilitator panel's "Axes et zones" and "Réglages" pages end to end, on the real binary
// under Xvfb: a zone renamed by tapping the on-screen keys and a map label renamed with a
// physical keyboard are LabelRenamed events from the facilitator in the session file, and the
// board shows the new wording; English, QWERTY and a 1-minute invitation chosen on the panel
// apply at once (a tap on an English label, on a QWERTY-only key, on the English invitation
// succeed), are written into atelier.conf beside the person's comment, and hold after a
// restart; a config file that cannot be written gives a French message and the kiosk goes on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
  Script& Taps(const std::vector<std::string>& labels) {
    for (const std::string& label : labels) Tap(label, 150);
    return *this;
  }
  Script& Repeat(const std::string& label, int n) {
    for (int i = 0; i < n; ++i) Tap(label, 120);
    return *this;
  }
  Script& EnterPanel() {
    t = EnterPanelLines(lines, t);
    return *this;
  }
  Script& Shot(const fs::path& png) { return Add({{"screenshot", png.string()}}, 50); }
};

// The folder ConfigWithPin() made ("XDG_CONFIG_HOME=<folder>").
fs::path ConfigDir(const std::string& env) { return fs::path(env.substr(env.find('=') + 1)) / "atelier"; }

std::vector<core::Event> Events(const fs::path& session) {
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
  EXPECT_TRUE(opened) << opened.message.en;
  if (!opened) return {};
  auto loaded = opened.session->Load();
  EXPECT_TRUE(loaded.ok());
  return loaded.ok() ? loaded->events : std::vector<core::Event>{};
}

TEST(FacilitatorPanel, ZonesAndLabelsRenamedOnTheKioskAreFacilitatorEventsAndShowOnTheBoard) {
  auto dir = FreshDir("rename");
  const auto session = dir / "renommer.atelier";
  Script s;
  // A card in the "Formation et ressources" zone, so the board dump names the zone.
  s.Tap("Ajouter une carte", 400).Add({{"text", "Tutoriels vidéo"}}, 200).Tap("Valider", 400);
  s.Add({{"drag", {{"from", {{"card", "Tutoriels vidéo"}}}, {"to", {{"map", {0.9, 0.5}}}}, {"ms", 400}}}}, 700);
  s.EnterPanel().Tap("Axes et zones", 400).Shot(dir / "list.png");
  // The zones are on the second page of the list: "Formation et ressources" → "Ateliers", key by key.
  s.Tap("↓ Plus bas", 300).Tap("Formation et ressources", 500);
  s.Repeat("Effacer", 23).Taps({"Maj", "A", "t", "e", "l", "i", "e", "r", "s"});
  s.Shot(dir / "typing.png").Tap("Valider", 500);
  s.Tap("Ateliers", 400).Tap("Annuler", 400);  // the list shows the new wording; nothing more recorded
  // An empty name is refused with the reason, and nothing is recorded.
  s.Tap("Communication interne", 400).Repeat("Effacer", 21).Tap("Valider", 400).Shot(dir / "empty.png");
  s.Tap("Annuler", 400);
  // The top of the vertical axis with a physical keyboard: Backspace, typed text, Enter.
  s.Tap("↑ Plus haut", 300).Tap("Nous aide vraiment", 400);
  for (int i = 0; i < 18; ++i) s.Add({{"key", "backspace"}}, 40);
  s.Add({{"text", "Aide beaucoup"}}, 200).Add({{"key", "enter"}}, 500);
  s.Tap("Fermer le panneau", 400).Shot(dir / "board.png");
  s.Add({{"dump", (dir / "board.json").string()}}, 50).Add({{"quit", true}});
  auto script = WriteScript(dir, "rename.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                             "--quit-after-script"},
                            240, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  const std::vector<core::Event> events = Events(session);
  std::vector<const core::LabelRenamed*> renamed;
  for (const core::Event& e : events) {
    if (const auto* r = std::get_if<core::LabelRenamed>(&e.data)) {
      EXPECT_EQ(e.actor, core::Actor::Facilitator);
      renamed.push_back(r);
    }
  }
  ASSERT_EQ(renamed.size(), 2u) << "one event per validated name; the empty one and the cancelled one record nothing";
  EXPECT_EQ(renamed[0]->key, "zone.formation");
  EXPECT_EQ(renamed[0]->old_text, "Formation et ressources");
  EXPECT_EQ(renamed[0]->text, "Ateliers");
  EXPECT_EQ(renamed[1]->key, "vertical.high");
  EXPECT_EQ(renamed[1]->text, "Aide beaucoup");

  json board = ReadJson(dir / "board.json");
  const json* card = CardWithText(board, "Tutoriels vidéo");
  ASSERT_NE(card, nullptr);
  EXPECT_EQ((*card)["zone"], "formation");
  EXPECT_EQ((*card)["zone_label"], "Ateliers");

  // The editor stood beside the panel at 1080p, the keys the 19 mm target (72 px) high: its
  // green "Valider" key in the lower left part of the screen.
  Png typing = ReadPng(dir / "typing.png");
  int green = 0;
  for (int y = 600; y < 1080; ++y)
    for (int x = 0; x < 1130; ++x) green += Near(typing.At(x, y), 0x1f7a3d, 20) ? 1 : 0;
  EXPECT_GT(green, 150 * 60) << "no Valider key beside the panel";
  // The refusal of an empty name is said in red in the editor.
  Png empty = ReadPng(dir / "empty.png");
  int red = 0;
  for (int y = 300; y < 1080; ++y)
    for (int x = 0; x < 1130; ++x) red += Near(empty.At(x, y), 0xb3261e, 30) ? 1 : 0;
  EXPECT_GT(red, 300) << "no French reason for the empty name";
}

TEST(FacilitatorPanel, SettingsApplyAtOnceAreSavedBesideTheCommentsAndHoldAfterARestart) {
  auto dir = FreshDir("settings");
  const auto session = dir / "reglages.atelier";
  const std::string config_env = ConfigWithPin();
  const fs::path conf = ConfigDir(config_env) / "atelier.conf";
  std::ofstream(conf) << "# Salle du haut, écran tactile 65 pouces\nlang = fr\n\n# keyboard = azerty\n";

  Script s;
  s.EnterPanel().Tap("Réglages", 400).Shot(dir / "reglages.png");
  s.Tap("English", 400).Tap("QWERTY", 400).Tap("1 min", 400).Shot(dir / "settings.png");
  // English at once: the page buttons answer to their English names; QWERTY at once: the
  // straight apostrophe is a key of the QWERTY letter rows only.
  s.Tap("Axes and zones", 400).Tap("Usages", 400).Tap("'", 200).Tap("Done", 400);
  s.Tap("Close the panel", 400);
  // A minute later (the new delay, not the 3 minutes of before) the invitation, in English.
  s.Add({{"screenshot", (dir / "before-idle.png").string()}}, 61000);
  s.Tap("Touch the screen to add your card", 400).Add({{"quit", true}});
  auto script = WriteScript(dir, "settings.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                             "--quit-after-script"},
                            // the minute of waiting is ~3 800 drawn frames: 223 s alone, over 300 s
                            // beside another e2e test on 2 cores
                            540, {config_env});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  const std::string text = ReadBytes(conf);
  EXPECT_EQ(text,
            "# Salle du haut, écran tactile 65 pouces\nlang = en\n\n# keyboard = azerty\n"
            "keyboard = qwerty\nidle_delay_s = 60\n");
  bool renamed = false;
  for (const core::Event& e : Events(session))
    if (const auto* r = std::get_if<core::LabelRenamed>(&e.data)) renamed = r->text == "Usages'";
  EXPECT_TRUE(renamed) << "the QWERTY apostrophe was not typed";

  // A restart reads them back: English labels and the QWERTY keys from the first frame.
  Script again;  // the corner press and the PIN, in English now ("Done" validates)
  again.Add({{"down", {{"x", 30}, {"y", 30}}}}, 3300).Add({{"up", {{"x", 30}, {"y", 30}}}}, 300);
  again.Taps({"2", "4", "6", "8"}).Tap("Done", 400);
  again.Tap("Settings", 400).Shot(dir / "restarted.png");
  again.Tap("Axes and zones", 400).Tap("Usages'", 400).Tap("'", 200).Tap("Cancel", 400).Add({{"quit", true}});
  auto script2 = WriteScript(dir, "again.jsonl", again.lines);
  e2e::Run rerun = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script",
                               script2.string(), "--quit-after-script"},
                              240, {config_env});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.stderr_text;
  EXPECT_EQ(ReadBytes(conf), text) << "nothing changed, nothing written";
}

TEST(FacilitatorPanel, AConfigFileThatCannotBeWrittenIsSaidInFrenchAndTheSettingStillHolds) {
  auto dir = FreshDir("settings-unwritable");
  const auto session = dir / "reglages.atelier";
  const std::string config_env = ConfigWithPin();
  // A folder where the file should be: nobody, root included, can replace it.
  fs::create_directories(ConfigDir(config_env) / "atelier.conf");
  Script s;
  s.EnterPanel().Tap("Réglages", 400).Tap("QWERTY", 600).Shot(dir / "refused.png");
  s.Tap("Axes et zones", 400).Tap("Usages", 400).Tap("'", 200).Tap("Annuler", 400).Add({{"quit", true}});
  auto script = WriteScript(dir, "unwritable.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                             "--quit-after-script"},
                            240, {config_env});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;  // QWERTY held for this run: the "'" key was there
  EXPECT_NE(run.stderr_text.find("settings not saved"), std::string::npos) << run.stderr_text;
  EXPECT_TRUE(fs::is_directory(ConfigDir(config_env) / "atelier.conf"));
  // The French message, in red at the foot of the Réglages page (a board message would sit
  // under the panel).
  Png refused = ReadPng(dir / "refused.png");
  int red = 0;
  for (int y = 700; y < 1080; ++y)
    for (int x = 1140; x < 1920; ++x) red += Near(refused.At(x, y), 0xb3261e, 30) ? 1 : 0;
  EXPECT_GT(red, 1500) << "no reason on the Réglages page";
}

}  // namespace
}  // namespace atelier::e2e
