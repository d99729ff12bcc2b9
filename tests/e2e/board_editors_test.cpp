// Two people write at once: both "Ajouter une carte" open an editor each, with its own keyboard
// on its own side, each driven only by the fingers that went down on it (the app hit-tests the
// keys itself: ImGui 1.86 has one mouse). The real binary under Xvfb, scripted pointers 0 and 1
// typing interleaved, a third finger dragging a card meanwhile; the board it dumps tells.
#include <gtest/gtest.h>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

json Key(const std::string& label, const char* editor) { return {{"label", label}, {"in", editor}}; }

struct Script : e2e::ScriptLines<Script> {
  Script() { tap_gap = 150; }
  Script& TapIn(const std::string& label, const char* editor, int id, int gap = 150) {
    return Add({{"tap", Key(label, editor)}, {"id", id}}, gap);
  }
  // Pointer 0 on the left keyboard and pointer 1 on the right one, their touches overlapping in
  // time (1 goes down before 0 lifts): one key each per round, until both words are typed.
  Script& Interleave(const std::vector<std::string>& left, const std::vector<std::string>& right) {
    for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
      const bool l = i < left.size(), r = i < right.size();
      if (l) Add({{"down", Key(left[i], "editor-left")}, {"id", 0}}, 40);
      if (r) Add({{"down", Key(right[i], "editor-right")}, {"id", 1}}, 40);
      if (l) Add({{"up", Key(left[i], "editor-left")}, {"id", 0}}, 40);
      if (r) Add({{"up", Key(right[i], "editor-right")}, {"id", 1}}, 60);
    }
    return *this;
  }
};

std::vector<std::string> Letters(const std::string& ascii) {
  std::vector<std::string> out;
  for (char c : ascii) out.push_back(c == ' ' ? "Espace" : std::string(1, c));
  return out;
}

std::vector<const json*> Cards(const json& board) {
  std::vector<const json*> out;
  for (const json& c : board["cards"]) out.push_back(&c);
  return out;
}

TEST(BoardEditors, TwoEditorsTypingAtOnceGiveTwoCardsWithTheRightTexts) {
  auto dir = FreshDir("two-editors");
  Script s;
  s.Add({{"tap", {{"label", "Ajouter une carte"}}}, {"id", 0}}, 400);  // the left one comes first
  s.Add({{"tap", {{"label", "Ajouter une carte"}}}, {"id", 1}}, 400);  // the right one: the left is covered
  // "Pirogue" on the left (Maj then letters), "Kayak" on the right, typed at the same time.
  std::vector<std::string> left{"Maj"}, right{"Maj"};  // after Maj, letter keys show capitals
  for (const std::string& k : Letters("Pirogue")) left.push_back(k);
  for (const std::string& k : Letters("Kayak")) right.push_back(k);
  s.Interleave(left, right);
  s.TapIn("bleu", "editor-right", 1);
  s.Add({{"screenshot", (dir / "both.png").string()}});
  s.TapIn("Valider", "editor-left", 0, 400);
  // The right editor stayed open with its text; it goes on.
  for (const std::string& k : Letters(" de mer")) s.TapIn(k, "editor-right", 1);
  // Meanwhile a third finger drags "Pirogue" above the editors: the board stays usable.
  s.Add({{"drag", {{"from", {{"card", "Pirogue"}}}, {"to", {{"map", {0.5, 0.08}}}}, {"ms", 500}}}, {"id", 2}}, 700);
  s.TapIn("Valider", "editor-right", 1, 400);
  // Again both at once; cancelling the left one leaves the right one open with its text.
  s.Add({{"tap", {{"label", "Ajouter une carte"}}}, {"id", 0}}, 400);
  s.Add({{"tap", {{"label", "Ajouter une carte"}}}, {"id", 1}}, 400);
  s.Interleave(Letters("tambour"), Letters("radeau"));
  s.TapIn("Annuler", "editor-left", 0, 400);
  s.TapIn("s", "editor-right", 1);
  s.TapIn("Valider", "editor-right", 1, 400);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "two-editors.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--input-script", script.string(), "--dump-board",
                         (dir / "board.json").string()},
                        300);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(Cards(board).size(), 3u) << board.dump(2);
  const json* pirogue = CardWithText(board, "Pirogue");
  const json* kayak = CardWithText(board, "Kayak de mer");
  ASSERT_NE(pirogue, nullptr) << board.dump(2);
  ASSERT_NE(kayak, nullptr) << board.dump(2);
  ASSERT_NE(CardWithText(board, "radeaus"), nullptr) << board.dump(2);
  EXPECT_EQ((*kayak)["colour"], "blue");
  EXPECT_EQ((*pirogue)["colour"], "yellow");
  EXPECT_NEAR((*pirogue)["x"].get<double>(), 0.5, 0.02);  // dragged while the right editor was open
  EXPECT_NEAR((*pirogue)["y"].get<double>(), 0.08, 0.02);
  // Each card landed beside the button that opened its editor.
  EXPECT_LT((*pirogue)["x"].get<double>(), (*kayak)["x"].get<double>());
  Png shot = ReadPng(dir / "both.png");
  EXPECT_EQ(shot.width, 1920);
}

TEST(BoardEditors, BothEditorsFitAndWorkOnTheSmallestScreen) {
  auto dir = FreshDir("two-editors-small");
  Script s;
  s.Add({{"tap", {{"label", "Ajouter une carte"}}}, {"id", 3}}, 400);
  s.Add({{"tap", {{"label", "Ajouter une carte"}}}, {"id", 4}}, 400);
  s.Interleave(Letters("velo"), Letters("bus"));
  s.TapIn("é", "editor-left", 3);
  s.Add({{"screenshot", (dir / "both.png").string()}});
  s.TapIn("Valider", "editor-right", 4, 400);
  s.TapIn("Valider", "editor-left", 3, 400);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "small.jsonl", s.lines);
  auto run = RunAtelier({"--size", "1280x720", "--input-script", script.string(), "--dump-board",
                         (dir / "board.json").string()},
                        300);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json board = ReadJson(dir / "board.json");
  EXPECT_EQ(Cards(board).size(), 2u) << board.dump(2);
  EXPECT_NE(CardWithText(board, "veloé"), nullptr) << board.dump(2);
  EXPECT_NE(CardWithText(board, "bus"), nullptr) << board.dump(2);
}

}  // namespace
}  // namespace atelier::e2e
