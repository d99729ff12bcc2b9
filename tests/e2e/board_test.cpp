// The kiosk board end to end: the real binary under Xvfb, driven by input scripts through its
// real input path; checks the board it reports and the pixels of its screenshots.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

constexpr const char* kSentence = "Café associatif — « Œuvre » n°2";
constexpr unsigned kBluePaper = 0x9ccff5;    // core::kPalette "blue"
constexpr unsigned kYellowPaper = 0xffe97a;  // core::kPalette "yellow"

// Builds a script one step at a time, each step a little after the previous one.
struct Script : e2e::ScriptLines<Script> {
  Script() { tap_gap = 150; }
  Script& Drag(json from, json to, int ms = 500, int id = 0) {
    return Add({{"drag", {{"from", from}, {"to", to}, {"ms", ms}}}, {"id", id}}, ms + 200);
  }
};

// Typing "Café associatif — « Œuvre » n°2" by touching on-screen keys, as a participant would.
void TypeSentenceOnKeys(Script& s) {
  for (const char* label : {"Maj", "C", "a", "f", "é", "Espace", "a", "s", "s", "o", "c", "i", "a", "t", "i", "f",
                            "Espace", "&°", "—", "Espace", "«", "ABC", "Espace", "Maj", "Œ", "u", "v", "r", "e",
                            "Espace", "&°", "»", "Espace", "n°", "2"})
    s.Tap(label);
}

// A point inside the card but away from its text: the card's paper shows there.
std::pair<int, int> PaperPoint(const json& card, int w, int h) {
  // The map is 16:9 and fills these 16:9 screens; the card is 0.086 × 0.14 of the map.
  double x = card["x"].get<double>() - 0.086 * 0.38, y = card["y"].get<double>() + 0.14 * 0.40;
  return {static_cast<int>(x * w), static_cast<int>(y * h)};
}

TEST(Board, AddCardTypedOnScreenKeysThenDragItIntoAZone) {
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Ajouter une carte", 400);
  TypeSentenceOnKeys(s);
  s.Tap("bleu").Tap("Valider", 300);
  s.Drag({{"card", kSentence}}, {{"map", {0.60, 0.30}}}, 600);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "add.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--input-script", script.string(), "--screenshot",
                         (dir / "shot.png").string(), "--dump-board", (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 1u) << board.dump(2);
  const json* card = CardWithText(board, kSentence);
  ASSERT_NE(card, nullptr) << board.dump(2);
  EXPECT_EQ((*card)["colour"], "blue");
  EXPECT_EQ((*card)["zone"], "financement");
  EXPECT_NEAR((*card)["x"].get<double>(), 0.60, 0.01);
  EXPECT_NEAR((*card)["y"].get<double>(), 0.30, 0.01);
  EXPECT_NEAR((*card)["impact"].get<double>(), 0.40, 0.02);

  Png shot = ReadPng(dir / "shot.png");
  ASSERT_EQ(shot.width, 1920);
  auto [px, py] = PaperPoint(*card, 1920, 1080);
  EXPECT_TRUE(Near(shot.At(px, py), kBluePaper)) << shot.At(px, py).r << "," << shot.At(px, py).g << ","
                                                 << shot.At(px, py).b;
}

TEST(Board, TwoFingersDragTwoCardsAtTheSameTime) {
  auto dir = FreshDir("run");
  Script s;
  // One card from each "Ajouter une carte" button: the left one by its label, the right one by
  // its place (1920×1080, scale 1: a 460×100 button 24 px from the corner).
  s.Tap("Ajouter une carte", 400).Add({{"text", "Canva"}}).Tap("Valider", 300);
  s.Add({{"tap", {{"x", 1666}, {"y", 1006}}}}, 400).Add({{"text", "Facebook"}}).Tap("Valider", 300);
  // Both fingers go down, move and lift together (pointer ids 0 and 1).
  s.Add({{"down", {{"card", "Canva"}}}, {"id", 0}}, 0);
  s.Add({{"down", {{"card", "Facebook"}}}, {"id", 1}}, 50);
  for (int i = 1; i <= 10; ++i) {  // from the bottom band, where new cards wait, in ten steps
    double k = i / 10.0;
    s.Add({{"move", {{"map", {0.27 + (0.12 - 0.27) * k, 0.93 + (0.25 - 0.93) * k}}}}, {"id", 0}}, 0);
    s.Add({{"move", {{"map", {0.73 + (0.90 - 0.73) * k, 0.93 + (0.70 - 0.93) * k}}}}, {"id", 1}}, 40);
  }
  s.Add({{"up", {{"map", {0.12, 0.25}}}}, {"id", 0}}, 0);
  s.Add({{"up", {{"map", {0.90, 0.70}}}}, {"id", 1}}, 200);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "two.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--input-script", script.string(), "--dump-board",
                         (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(dir / "board.json");
  const json* canva = CardWithText(board, "Canva");
  const json* facebook = CardWithText(board, "Facebook");
  ASSERT_TRUE(canva && facebook) << board.dump(2);
  EXPECT_EQ((*canva)["zone"], "communication-interne");
  EXPECT_NEAR((*canva)["y"].get<double>(), 0.25, 0.02);
  EXPECT_EQ((*facebook)["zone"], "formation");
  EXPECT_NEAR((*facebook)["y"].get<double>(), 0.70, 0.02);
}

TEST(Board, AnotherFingerWorksTheButtonsWhileOneHoldsACard) {
  // One person holds a card on the board (pointer 0) while another adds a card with the
  // buttons and the keyboard (pointer 1): the controls follow whichever finger reached them.
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Ajouter une carte", 400).Add({{"text", "Canva"}}).Tap("Valider", 300);
  s.Drag({{"card", "Canva"}}, {{"map", {0.5, 0.4}}});
  s.Add({{"down", {{"card", "Canva"}}}, {"id", 0}}, 50);
  s.Add({{"move", {{"map", {0.55, 0.45}}}}, {"id", 0}}, 100);
  for (const char* label : {"Ajouter une carte", "Maj", "V", "i", "s", "i", "o", "Valider"})
    s.Add({{"tap", {{"label", label}}}, {"id", 1}}, std::string(label).size() > 3 ? 400 : 150);
  s.Add({{"move", {{"map", {0.6, 0.5}}}}, {"id", 0}}, 100);
  s.Add({{"up", {{"map", {0.6, 0.5}}}}, {"id", 0}}, 300);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "two-people.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--input-script", script.string(), "--dump-board",
                         (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(dir / "board.json");
  const json* canva = CardWithText(board, "Canva");
  ASSERT_NE(canva, nullptr) << board.dump(2);
  ASSERT_NE(CardWithText(board, "Visio"), nullptr) << board.dump(2);  // typed by the second finger
  EXPECT_NEAR((*canva)["x"].get<double>(), 0.6, 0.02);  // the first finger's drag went on meanwhile
  EXPECT_NEAR((*canva)["y"].get<double>(), 0.5, 0.02);
  // Xvfb speaks XInput 2.2, so the kiosk took real touches there too (platform/touch_input.h);
  // Xvfb has no touchscreen to send any, which is why fingers come from the script here.
  EXPECT_EQ(run.stderr_text.find("one finger at a time"), std::string::npos) << run.stderr_text;
}

TEST(Board, DropOnTheBinThenAnnulerBringsTheCardBack) {
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Ajouter une carte", 400).Add({{"text", "Trop de groupes WhatsApp"}}).Tap("Valider", 300);
  s.Drag({{"card", "Trop de groupes WhatsApp"}}, {{"map", {0.4, 0.5}}});
  s.Drag({{"card", "Trop de groupes WhatsApp"}}, {{"label", "Corbeille"}});
  s.Add({{"dump", (dir / "binned.json").string()}});
  s.Add({{"screenshot", (dir / "toast.png").string()}});
  s.Tap("Annuler", 300);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "bin.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--input-script", script.string(), "--dump-board",
                         (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_TRUE(ReadJson(dir / "binned.json")["cards"].empty());
  json board = ReadJson(dir / "board.json");
  const json* back = CardWithText(board, "Trop de groupes WhatsApp");
  ASSERT_NE(back, nullptr);
  EXPECT_NEAR((*back)["x"].get<double>(), 0.4, 0.01);  // where it was before the bin
  EXPECT_NEAR((*back)["y"].get<double>(), 0.5, 0.01);
}

TEST(Board, HugePasteInvalidTextAndEmojiNeverCrash) {
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Ajouter une carte", 400).Add({{"text", std::string(10000, 'x')}}).Tap("Valider", 300);
  s.Tap("Ajouter une carte", 400).Add({{"text", "Fête 😀 \u0007ok"}}).Tap("Valider", 300);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "bad.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1280x720", "--input-script", script.string(), "--screenshot",
                         (dir / "shot.png").string(), "--dump-board", (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 2u) << board.dump(2);
  EXPECT_EQ(board["cards"][0]["text"], std::string(200, 'x'));  // cut at 200 characters
  EXPECT_EQ(board["cards"][1]["text"], "Fête 😀 ok");             // control character dropped
  EXPECT_EQ(ReadPng(dir / "shot.png").width, 1280);
}

TEST(Board, InvalidUtf8InAScriptIsRefusedWithTheLine) {
  auto dir = FreshDir("run");
  std::ofstream(dir / "bad.jsonl") << "{\"t\": 0, \"text\": \"ok\"}\n{\"t\": 10, \"text\": \"\xff\xfe\"}\n";
  auto run = RunAtelier({"--size", "1280x720", "--input-script", (dir / "bad.jsonl").string()});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.stderr_text.find("line 2"), std::string::npos) << run.stderr_text;
}

TEST(Board, AScriptNamingAMissingControlStopsAndSaysWhichLine) {
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Ajouter une carte").Tap("Ajouterr une carte");
  auto script = WriteScript(dir, "typo.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1280x720", "--input-script", script.string()});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.stderr_text.find("line 2"), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("Ajouterr"), std::string::npos) << run.stderr_text;
}

TEST(Board, BrokenTemplateFallsBackToTheDefaultAndSaysSo) {
  auto dir = FreshDir("run");
  std::ofstream(dir / "broken.json") << R"({"id": "broken", "title": "Sans zones", "zones": [{"id": "a"}]})";
  auto script = WriteScript(dir, "quit.jsonl", {{{"t", 500}, {"quit", true}}});
  auto run = RunAtelier({"--size", "1920x1080", "--template", (dir / "broken.json").string(), "--input-script",
                         script.string(), "--screenshot", (dir / "shot.png").string(), "--dump-board",
                         (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("broken.json"), std::string::npos) << run.stderr_text;
  EXPECT_EQ(ReadJson(dir / "board.json")["template"], "usages-impacts");
  // The French message sits in a light yellow banner at the top centre.
  Png shot = ReadPng(dir / "shot.png");
  EXPECT_TRUE(Near(shot.At(960, 40), 0xfff4c2, 6)) << shot.At(960, 40).r << "," << shot.At(960, 40).g;
}

TEST(Board, TheSameBoardLooksTheSameAtEveryResolution) {
  for (auto [w, h] : {std::pair{1280, 720}, {1920, 1080}, {3840, 2160}}) {
    auto dir = FreshDir(std::to_string(w));
    Script s;
    s.Tap("Ajouter une carte", 400).Add({{"text", "HelloAsso"}}).Tap("Valider", 300);
    s.Drag({{"card", "HelloAsso"}}, {{"map", {0.45, 0.40}}});
    s.Add({{"quit", true}});
    auto script = WriteScript(dir, "s.jsonl", s.lines);
    std::string size = std::to_string(w) + "x" + std::to_string(h);
    auto run = RunAtelier({"--size", size, "--input-script", script.string(), "--screenshot",
                           (dir / "shot.png").string(), "--dump-board", (dir / "board.json").string()});
    ASSERT_EQ(run.exit_code, 0) << size << run.stderr_text;
    json board = ReadJson(dir / "board.json");
    const json* card = CardWithText(board, "HelloAsso");
    ASSERT_NE(card, nullptr) << size;
    Png shot = ReadPng(dir / "shot.png");
    auto [px, py] = PaperPoint(*card, w, h);
    EXPECT_TRUE(Near(shot.At(px, py), kYellowPaper)) << size;
  }
}

}  // namespace
}  // namespace atelier::e2e

namespace atelier::e2e {
namespace {

TEST(Board, TapACardToCorrectItAndValidatingUntouchedRecordsNothing) {
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Ajouter une carte", 400).Add({{"text", "Facebok"}}).Tap("Valider", 300);
  s.Drag({{"card", "Facebok"}}, {{"map", {0.3, 0.5}}});
  s.Add({{"tap", {{"card", "Facebok"}}}}, 400);  // the editor opens with the card's text
  s.Tap("Effacer").Tap("o").Tap("k").Tap("bleu").Tap("Valider", 300);
  s.Add({{"tap", {{"card", "Facebook"}}}}, 400);
  s.Tap("Valider", 300);  // nothing changed: no event
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "edit.jsonl", s.lines);
  std::filesystem::path session = dir / "edit.atelier";
  auto run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                         "--dump-board", (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 1u) << board.dump(2);
  EXPECT_EQ(board["cards"][0]["text"], "Facebook");
  EXPECT_EQ(board["cards"][0]["colour"], "blue");
  e2e::Run info = RunAtelier({"info", session.string(), "--json"});
  ASSERT_EQ(info.exit_code, 0) << info.stderr_text;
  EXPECT_EQ(json::parse(info.stdout_text)["events"], 3);  // added, moved, edited once
}

TEST(Board, EnglishInterfaceThroughTheCatalogue) {
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Add a card", 400).Add({{"text", "Newsletter"}}).Tap("blue").Tap("Done", 300);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "en.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1280x720", "--lang", "en", "--input-script", script.string(), "--dump-board",
                         (dir / "board.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(dir / "board.json");
  const json* card = CardWithText(board, "Newsletter");
  ASSERT_NE(card, nullptr) << board.dump(2);
  EXPECT_EQ((*card)["colour"], "blue");
}

TEST(Board, ARecordingPlaysBackToTheSameBoard) {
  auto dir = FreshDir("run");
  Script s;
  s.Tap("Ajouter une carte", 400).Tap("Maj").Tap("É").Tap("t").Tap("é").Tap("rose").Tap("Valider", 300);
  s.Drag({{"card", "Été"}}, {{"map", {0.3, 0.6}}}, 500);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "person.jsonl", s.lines);
  auto first = RunAtelier({"--size", "1280x720", "--session", (dir / "first.atelier").string(), "--input-script",
                           script.string(), "--record-input", (dir / "recorded.jsonl").string(), "--dump-board",
                           (dir / "first.json").string()});
  ASSERT_EQ(first.exit_code, 0) << first.stderr_text;
  // The recording is itself an input script: played on a new session it builds the same board.
  auto second = RunAtelier({"--size", "1280x720", "--session", (dir / "second.atelier").string(), "--input-script",
                            (dir / "recorded.jsonl").string(), "--quit-after-script", "--dump-board",
                            (dir / "second.json").string()});
  ASSERT_EQ(second.exit_code, 0) << second.stderr_text;
  json a = ReadJson(dir / "first.json"), b = ReadJson(dir / "second.json");
  ASSERT_EQ(a["cards"].size(), 1u) << a.dump(2);
  ASSERT_EQ(b["cards"].size(), 1u) << b.dump(2);
  EXPECT_EQ(a["cards"][0]["text"], "Été");
  EXPECT_EQ(b["cards"][0]["text"], a["cards"][0]["text"]);
  EXPECT_EQ(b["cards"][0]["colour"], "pink");
  EXPECT_NEAR(b["cards"][0]["x"].get<double>(), a["cards"][0]["x"].get<double>(), 0.002);
  EXPECT_NEAR(b["cards"][0]["y"].get<double>(), a["cards"][0]["y"].get<double>(), 0.002);
}

}  // namespace
}  // namespace atelier::e2e
