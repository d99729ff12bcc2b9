// Input scripts: parsing (and errors naming the line), target resolution when a step is due,
// expansion of taps and drags, and the one-transition-per-pointer-per-frame rule.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "input/input_script.h"

namespace atelier::input {
namespace {

using Phase = PointerEvent::Phase;
using K = ScriptStep::Kind;

// A fake screen: controls by label, cards by text, a 1000×500 map at (100, 50).
struct FakeResolver : TargetResolver {
  std::map<std::string, core::ScreenPoint> labels{{"Ajouter une carte", {960, 1000}}, {"Valider", {1500, 900}}};
  std::map<std::string, core::ScreenPoint> cards{{"HelloAsso", {300, 300}}};
  std::vector<Target> asked;
  core::Result<core::ScreenPoint> Resolve(const Target& target) override {
    asked.push_back(target);
    switch (target.kind) {
      case Target::Kind::Label:
        if (auto it = labels.find(target.name); it != labels.end()) return it->second;
        return core::Error{"no control labelled \"" + target.name + "\" on screen"};
      case Target::Kind::Card:
        if (auto it = cards.find(target.name); it != cards.end()) return it->second;
        return core::Error{"no card \"" + target.name + "\" on the board"};
      case Target::Kind::Map:
        return core::ScreenPoint{100 + target.map.x * 1000, 50 + target.map.y * 500};
      case Target::Kind::Pixels:
        ADD_FAILURE() << "pixel targets are resolved by the player";
        return target.pixels;
    }
    return core::Error{"?"};
  }
};

Script Parse(std::string_view text) {
  auto s = ParseScript(text);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? *s : Script{};
}

std::string ParseError(std::string_view text) {
  auto s = ParseScript(text);
  EXPECT_FALSE(s.ok()) << text;
  return s.ok() ? "" : s.error().message;
}

// Plays a whole script one call per frame of frame_ms, checking the per-call rules, and
// returns every action with the index of the call that returned it.
struct Played {
  std::vector<ScriptAction> actions;
  std::vector<int> call;
};
Played PlayAll(ScriptPlayer& player, TargetResolver& resolver, std::int64_t frame_ms, std::int64_t start = 0) {
  Played out;
  std::int64_t now = start;
  for (int c = 0; !player.Finished() && c < 100000; ++c, now += frame_ms) {
    auto due = player.Due(now, resolver);
    EXPECT_TRUE(due.ok()) << (due.ok() ? "" : due.error().message);
    if (!due.ok()) break;
    std::map<int, int> transitions, moves;
    int keyboard = 0;
    for (std::size_t i = 0; i < due->size(); ++i) {
      const ScriptAction& a = (*due)[i];
      EXPECT_LE(a.t_ms, now);
      if (auto* ev = std::get_if<PointerEvent>(&a.what)) {
        if (ev->phase == Phase::Move) {
          EXPECT_EQ(transitions[ev->pointer], 0) << "move after a down/up in one call";
          EXPECT_EQ(moves[ev->pointer]++, 0) << "moves not coalesced";
        } else {
          EXPECT_EQ(transitions[ev->pointer]++, 0) << "two transitions of pointer " << ev->pointer << " in one call";
          if (ev->phase != Phase::Down) {
            EXPECT_EQ(moves[ev->pointer], 0) << "up right after a move";
          }
        }
      } else if (std::holds_alternative<TypeText>(a.what) || std::holds_alternative<PressKey>(a.what)) {
        EXPECT_EQ(keyboard++, 0) << "two keyboard actions in one call";
      } else {
        EXPECT_EQ(due->size(), 1u) << "screenshot/dump/quit not alone";
      }
      out.actions.push_back(a);
      out.call.push_back(c);
    }
  }
  EXPECT_TRUE(player.Finished());
  return out;
}

std::vector<PointerEvent> Pointers(const Played& p) {
  std::vector<PointerEvent> out;
  for (const auto& a : p.actions)
    if (auto* ev = std::get_if<PointerEvent>(&a.what)) out.push_back(*ev);
  return out;
}

// ---- parsing -------------------------------------------------------------------------------

TEST(ScriptParse, ReadsEveryKindOfLineFromTheSampleFile) {
  auto script = LoadScript(ATELIER_TEST_DATA "/input/add_card.jsonl");
  ASSERT_TRUE(script.ok()) << script.error().message;
  const auto& s = script->steps;
  ASSERT_EQ(s.size(), 16u);
  EXPECT_EQ(s[0].kind, K::Tap);
  EXPECT_EQ(s[0].line, 2);  // the comment is line 1
  EXPECT_EQ(s[0].target, (Target{.kind = Target::Kind::Label, .pixels = {}, .name = "Ajouter une carte", .map = {}}));
  EXPECT_EQ(s[3].t_ms, 800);  // {"wait": 150} after t = 650
  EXPECT_EQ(s[3].target.name, "e");
  EXPECT_EQ(s[4].kind, K::Text);
  EXPECT_EQ(s[4].text, "lloAsso");
  EXPECT_EQ(s[5].kind, K::Key);
  EXPECT_EQ(s[5].key, ScriptKey::Backspace);
  EXPECT_EQ(s[8].kind, K::Drag);
  EXPECT_EQ(s[8].ms, 300);
  EXPECT_EQ(s[8].target.kind, Target::Kind::Card);
  EXPECT_EQ(s[8].to.kind, Target::Kind::Map);
  EXPECT_FLOAT_EQ(s[8].to.map.x, 0.25f);
  EXPECT_EQ(s[9].pointer, 2);
  EXPECT_EQ(s[9].target.kind, Target::Kind::Pixels);
  EXPECT_FLOAT_EQ(s[9].target.dx, 5);
  EXPECT_EQ(s[10].kind, K::Down);
  EXPECT_EQ(s[10].pointer, 1);
  EXPECT_FLOAT_EQ(s[10].target.dy, -10);
  EXPECT_EQ(s[11].kind, K::Move);
  EXPECT_FLOAT_EQ(s[11].target.pixels.x, 900.5f);
  EXPECT_EQ(s[13].kind, K::Screenshot);
  EXPECT_EQ(s[13].text, "out/board.png");
  EXPECT_EQ(s[14].kind, K::Dump);
  EXPECT_EQ(s[15].kind, K::Quit);
  EXPECT_EQ(s[15].line, 18);
}

TEST(ScriptParse, ErrorsNameTheLineAndTheProblem) {
  struct Case {
    const char* text;
    const char* expect;
  };
  for (const Case& c : {
           Case{"{\"t\":0,\"tap\":{\"x\":1,\"y\":2}}\n{\"t\":10,\"tap\":{\"x\":1,}}", "line 2: not valid JSON"},
           Case{"\n\n{\"t\":5,\"tapp\":{\"x\":1,\"y\":2}}", "line 3: unknown field \"tapp\""},
           Case{"{\"t\":500,\"quit\":true}\n{\"t\":100,\"quit\":true}", "line 2: \"t\" is 100"},
           Case{"{\"t\":0}", "line 1: no action"},
           Case{"{\"t\":0,\"tap\":{\"x\":1,\"y\":2},\"text\":\"a\"}", "line 1: one action per line"},
           Case{"{\"t\":0,\"tap\":{\"x\":1}}", "line 1: \"tap\" has \"x\" but no \"y\""},
           Case{"{\"t\":0,\"tap\":{\"label\":\"A\",\"card\":\"B\"}}", "line 1: \"tap\" names more than one place"},
           Case{"{\"t\":0,\"tap\":{\"map\":[0.5]}}", "line 1: \"map\" must be [x, y]"},
           Case{"{\"t\":0,\"tap\":{\"lable\":\"Valider\"}}", "line 1: unknown field \"lable\" in \"tap\""},
           Case{"{\"t\":0,\"tap\":\"Valider\"}", "line 1: \"tap\" must be a target"},
           Case{"{\"t\":0,\"tap\":{\"x\":1,\"y\":2},\"id\":12}", "line 1: \"id\" must be a pointer number from 0 to 9"},
           Case{"{\"t\":0,\"text\":\"a\",\"id\":1}", "line 1: \"id\" only goes with a pointer action"},
           Case{"{\"t\":-5,\"quit\":true}", "line 1: \"t\" must be a whole number"},
           Case{"{\"t\":0,\"key\":\"enterr\"}", "line 1: \"key\" must be one of"},
           Case{"{\"t\":0,\"drag\":{\"from\":{\"x\":1,\"y\":1}}}", "line 1: \"drag\" needs \"from\" and \"to\""},
           Case{"{\"t\":0,\"drag\":{\"from\":{\"x\":1,\"y\":1},\"to\":{\"x\":1,\"y\":1},\"ms\":0}}", "line 1: \"ms\" of a drag"},
           Case{"{\"t\":0,\"quit\":false}", "line 1: \"quit\" must be true"},
           Case{"[1,2]", "line 1: expected a JSON object"},
           Case{"{\"t\":0,\"screenshot\":\"\"}", "line 1: \"screenshot\" must be a file path"},
       }) {
    std::string message = ParseError(c.text);
    EXPECT_EQ(message.rfind(c.expect, 0), 0u) << "got: " << message << "\nwanted: " << c.expect;
  }
}

TEST(ScriptParse, ALabelMayNameThePanelItIsIn) {
  // The two card editors show the same keys: "in" says which keyboard a label is on.
  Script s = Parse(R"({"t": 0, "tap": {"label": "a", "in": "editor-right"}, "id": 1})");
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].target.kind, Target::Kind::Label);
  EXPECT_EQ(s.steps[0].target.name, "a");
  EXPECT_EQ(s.steps[0].target.in, "editor-right");
  EXPECT_EQ(s.steps[0].pointer, 1);
  EXPECT_NE(s.steps[0].target.Describe().find("editor-right"), std::string::npos);
  EXPECT_NE(ParseError(R"({"tap": {"card": "Canva", "in": "editor-left"}})").find("\"in\" goes with a \"label\""),
            std::string::npos);
  EXPECT_NE(ParseError(R"({"tap": {"label": "a", "in": ""}})").find("\"in\" must be"), std::string::npos);
}

TEST(ScriptParse, LoadScriptErrorsStartWithThePath) {
  auto missing = LoadScript("/nonexistent/script.jsonl");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/script.jsonl"), std::string::npos);
  auto bad = LoadScript(ATELIER_TEST_DATA "/input/bad_line_4.jsonl");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad_line_4.jsonl: line 4: "), std::string::npos) << bad.error().message;
}

TEST(ScriptParse, WaitAdvancesTimeAndLinesWithoutTKeepIt) {
  Script s = Parse(R"({"t": 100, "key": "enter"}
{"wait": 250}
{"key": "escape"}
{"key": "left"}
{"t": 400, "key": "right"}
{"wait": 0}
{"t": 400, "key": "delete"})");
  ASSERT_EQ(s.steps.size(), 5u);
  EXPECT_EQ(s.steps[1].t_ms, 350);
  EXPECT_EQ(s.steps[2].t_ms, 350);
  EXPECT_EQ(s.steps[3].t_ms, 400);
  EXPECT_EQ(s.steps[4].key, ScriptKey::Delete);
  EXPECT_EQ(ParseError("{\"t\": 100, \"key\": \"enter\"}\n{\"wait\": 250}\n{\"t\": 300, \"key\": \"enter\"}")
                .rfind("line 3: \"t\" is 300, before", 0),
            0u);
}

// ---- player --------------------------------------------------------------------------------

TEST(ScriptPlayer, TapBecomesDownThenUpInTwoFrames) {
  ScriptPlayer player(Parse(R"({"t": 100, "tap": {"x": 10, "y": 20}, "id": 3})"));
  FakeResolver r;
  EXPECT_TRUE(player.Due(99, r)->empty());
  EXPECT_EQ(player.NextDueMs(), 100);
  // Even when the app is late and both are due, down and up come in separate calls.
  auto first = player.Due(10000, r);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(std::get<PointerEvent>(first->at(0).what), (PointerEvent{3, Phase::Down, {10, 20}, 100}));
  EXPECT_FALSE(player.Finished());
  auto second = player.Due(10000, r);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ(std::get<PointerEvent>(second->at(0).what), (PointerEvent{3, Phase::Up, {10, 20}, 100 + kTapHoldMs}));
  EXPECT_EQ(second->at(0).line, 1);
  EXPECT_TRUE(player.Finished());
  EXPECT_FALSE(player.NextDueMs().has_value());
}

TEST(ScriptPlayer, NeverTwoTransitionsOfAPointerInOneCall) {
  // Taps and downs/ups packed closer than a frame, on two pointers, plus keys and text.
  ScriptPlayer player(Parse(R"({"t": 0, "tap": {"x": 1, "y": 1}}
{"t": 1, "tap": {"x": 2, "y": 2}, "id": 1}
{"t": 2, "down": {"x": 3, "y": 3}}
{"t": 2, "key": "enter"}
{"t": 3, "up": {"x": 3, "y": 3}}
{"t": 3, "key": "backspace"}
{"t": 3, "text": "é"}
{"t": 4, "tap": {"x": 5, "y": 5}}
{"t": 5, "down": {"x": 6, "y": 6}, "id": 1}
{"t": 6, "move": {"x": 7, "y": 6}, "id": 1}
{"t": 7, "move": {"x": 8, "y": 6}, "id": 1}
{"t": 8, "up": {"x": 8, "y": 6}, "id": 1})"));
  FakeResolver r;
  Played p = PlayAll(player, r, 1000);  // every frame is very late: everything is due at once
  std::vector<PointerEvent> ev = Pointers(p);
  // Time order is kept (the taps' ups come 80 ms later); pointer 1's two moves are coalesced.
  std::vector<std::pair<int, Phase>> seen;
  for (auto& e : ev) seen.emplace_back(e.pointer, e.phase);
  std::vector<std::pair<int, Phase>> want = {{0, Phase::Down}, {1, Phase::Down}, {0, Phase::Down}, {0, Phase::Up},
                                             {0, Phase::Down}, {1, Phase::Down}, {1, Phase::Move}, {1, Phase::Up},
                                             {0, Phase::Up},   {1, Phase::Up},   {0, Phase::Up}};
  EXPECT_EQ(seen, want);
  ASSERT_EQ(ev.size(), 11u);
  EXPECT_EQ(ev[6].at, (core::ScreenPoint{8, 6}));
  for (std::size_t i = 1; i < ev.size(); ++i) EXPECT_LE(ev[i - 1].t_ms, ev[i].t_ms);
  int keys = 0;
  for (auto& a : p.actions) keys += !std::holds_alternative<PointerEvent>(a.what);
  EXPECT_EQ(keys, 3);
}

TEST(ScriptPlayer, DragExpandsIntoMovesAboutOncePerFrame) {
  ScriptPlayer player(Parse(R"({"t": 1000, "drag": {"from": {"x": 100, "y": 100}, "to": {"x": 500, "y": 300}}, "id": 4})"));
  FakeResolver r;
  Played p = PlayAll(player, r, 16, 1000);
  std::vector<PointerEvent> ev = Pointers(p);
  ASSERT_EQ(ev.size(), 2u + 25u);  // 400 ms / 16 ms = 25 moves
  EXPECT_EQ(ev.front(), (PointerEvent{4, Phase::Down, {100, 100}, 1000}));
  EXPECT_EQ(ev[1].phase, Phase::Move);
  EXPECT_EQ(ev[1].t_ms, 1016);
  EXPECT_NEAR(ev[1].at.x, 116, 1e-3);
  EXPECT_NEAR(ev[1].at.y, 108, 1e-3);
  EXPECT_EQ(ev[25], (PointerEvent{4, Phase::Move, {500, 300}, 1400}));
  EXPECT_EQ(ev.back(), (PointerEvent{4, Phase::Up, {500, 300}, 1400}));
  // The last position is held for a frame before the up.
  EXPECT_LT(p.call[25], p.call[26]);
}

TEST(ScriptPlayer, LateFramesCoalesceDragMoves) {
  ScriptPlayer player(Parse(R"({"t": 0, "drag": {"from": {"x": 0, "y": 0}, "to": {"x": 320, "y": 0}, "ms": 320}})"));
  FakeResolver r;
  Played p = PlayAll(player, r, 100);  // a slow machine: 10 frames per second
  std::vector<PointerEvent> ev = Pointers(p);
  EXPECT_LT(ev.size(), 10u);
  EXPECT_EQ(ev.front().phase, Phase::Down);
  EXPECT_EQ(ev[ev.size() - 2].at, (core::ScreenPoint{320, 0}));
  EXPECT_EQ(ev.back().phase, Phase::Up);
}

TEST(ScriptPlayer, TwoSimultaneousDragsInterleave) {
  ScriptPlayer player(Parse(R"({"t": 0, "drag": {"from": {"x": 0, "y": 0}, "to": {"x": 160, "y": 0}, "ms": 160}, "id": 0}
{"t": 0, "drag": {"from": {"x": 0, "y": 500}, "to": {"x": 160, "y": 500}, "ms": 160}, "id": 1})"));
  FakeResolver r;
  Played p = PlayAll(player, r, 16);
  std::vector<PointerEvent> ev = Pointers(p);
  ASSERT_EQ(ev.size(), 2u * 12u);
  EXPECT_EQ(ev[0].pointer, 0);
  EXPECT_EQ(ev[1].pointer, 1);  // both downs in the first frame
  EXPECT_EQ(p.call[0], p.call[1]);
  EXPECT_EQ(ev[2].pointer, 0);
  EXPECT_EQ(ev[3].pointer, 1);
}

TEST(ScriptPlayer, TargetsAreResolvedWhenDueWithOffsets) {
  ScriptPlayer player(Parse(R"({"t": 0, "tap": {"label": "Ajouter une carte", "dy": -5}}
{"t": 500, "tap": {"card": "HelloAsso"}, "id": 1}
{"t": 1000, "drag": {"from": {"card": "HelloAsso", "dx": 20}, "to": {"map": [0.5, 0.5]}, "ms": 16}}
{"t": 2000, "move": {"map": [1, 1], "dx": 1, "dy": 2}, "id": 2})"));
  FakeResolver r;
  auto a = player.Due(0, r);
  ASSERT_EQ(r.asked.size(), 1u);  // the later steps are not resolved yet
  EXPECT_EQ(r.asked[0].name, "Ajouter une carte");
  EXPECT_EQ(std::get<PointerEvent>(a->at(0).what).at, (core::ScreenPoint{960, 995}));
  r.cards["HelloAsso"] = {700, 700};  // the card moved before its step is due
  Played p = PlayAll(player, r, 16, 16);
  std::vector<PointerEvent> ev = Pointers(p);
  ASSERT_GE(ev.size(), 6u);
  EXPECT_EQ(ev[1], (PointerEvent{1, Phase::Down, {700, 700}, 500}));
  EXPECT_EQ(ev[3].at, (core::ScreenPoint{720, 700}));  // drag from card + dx
  EXPECT_EQ(ev[4].at, (core::ScreenPoint{600, 300}));  // map [0.5, 0.5] on the fake screen
  EXPECT_EQ(ev.back(), (PointerEvent{2, Phase::Move, {1101, 552}, 2000}));
  ASSERT_EQ(r.asked.size(), 5u);
  EXPECT_EQ(r.asked[1].kind, Target::Kind::Card);
  EXPECT_EQ(r.asked[3].kind, Target::Kind::Map);
  EXPECT_EQ(r.asked[4].kind, Target::Kind::Map);
  EXPECT_FLOAT_EQ(r.asked[4].dx, 1);  // offsets are passed along but applied by the player
}

TEST(ScriptPlayer, UnresolvableTargetStopsWithTheLine) {
  ScriptPlayer player(Parse(R"({"t": 0, "tap": {"x": 1, "y": 1}}
{"t": 100, "key": "enter"}

# comment
{"t": 200, "text": "x"}
{"t": 300, "key": "enter"}
{"t": 400, "tap": {"label": "Ajouterr"}}
{"t": 500, "quit": true})"));
  FakeResolver r;
  std::int64_t now = 0;
  core::Result<std::vector<ScriptAction>> due = std::vector<ScriptAction>{};
  for (; now < 1000 && due.ok(); now += 16) due = player.Due(now, r);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().message, "line 7: no control labelled \"Ajouterr\" on screen");
  EXPECT_TRUE(player.Finished());
  ASSERT_TRUE(player.error().has_value());
  EXPECT_FALSE(player.Due(now + 1000, r).ok());  // stays stopped
}

TEST(ScriptPlayer, OneKeyboardActionPerCallAndScreenshotsAlone) {
  ScriptPlayer player(Parse(R"({"t": 0, "text": "Caf"}
{"t": 0, "key": "backspace"}
{"t": 0, "text": "fé"}
{"t": 0, "screenshot": "a.png"}
{"t": 0, "dump": "a.json"}
{"t": 0, "tap": {"x": 1, "y": 1}}
{"t": 0, "quit": true}
{"t": 0, "text": "never"})"));
  FakeResolver r;
  std::vector<std::vector<ScriptAction>> calls;
  while (!player.Finished()) calls.push_back(*player.Due(0, r));
  // text | key | text | screenshot | dump | down | quit (the tap's up, due at 80, never comes)
  ASSERT_EQ(calls.size(), 7u);
  EXPECT_EQ(std::get<TypeText>(calls[0].at(0).what).utf8, "Caf");
  EXPECT_EQ(std::get<PressKey>(calls[1].at(0).what).key, ScriptKey::Backspace);
  EXPECT_EQ(std::get<TypeText>(calls[2].at(0).what).utf8, "fé");
  EXPECT_EQ(std::get<TakeScreenshot>(calls[3].at(0).what).path, "a.png");
  EXPECT_EQ(std::get<DumpBoard>(calls[4].at(0).what).path, "a.json");
  EXPECT_EQ(std::get<PointerEvent>(calls[5].at(0).what).phase, Phase::Down);
  EXPECT_TRUE(std::holds_alternative<QuitApp>(calls[6].at(0).what));
  for (const auto& c : calls) EXPECT_LE(c.size(), 1u);
}

TEST(ScriptPlayer, QuitEndsTheScript) {
  ScriptPlayer player(Parse("{\"t\": 10, \"quit\": true}\n{\"t\": 20, \"key\": \"enter\"}"));
  FakeResolver r;
  auto a = player.Due(50, r);
  ASSERT_EQ(a->size(), 1u);
  EXPECT_TRUE(std::holds_alternative<QuitApp>(a->at(0).what));
  EXPECT_TRUE(player.Finished());
  EXPECT_TRUE(player.Due(100, r)->empty());
}

TEST(ScriptPlayer, SampleScriptPlaysThroughAFakeScreen) {
  auto script = LoadScript(ATELIER_TEST_DATA "/input/add_card.jsonl");
  ASSERT_TRUE(script.ok());
  ScriptPlayer player(*script);
  FakeResolver r;
  for (const char* key : {"Maj", "H", "e"}) r.labels[key] = {100, 100};
  Played p = PlayAll(player, r, 16);
  ASSERT_FALSE(p.actions.empty());
  EXPECT_TRUE(std::holds_alternative<QuitApp>(p.actions.back().what));
  EXPECT_EQ(p.actions.back().line, 18);
}


TEST(ScriptPlayer, WaitForFileStopsTheScriptsTimeUntilTheFileIsThere) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("atelier-wait-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove(file);
  ScriptPlayer player(Parse("{\"t\": 100, \"tap\": {\"x\": 1, \"y\": 2}}\n{\"t\": 200, \"wait_for_file\": \"" +
                            file.string() + "\"}\n{\"t\": 300, \"key\": \"enter\"}"));
  FakeResolver r;
  EXPECT_EQ(player.Due(150, r)->size(), 1u);  // the down
  EXPECT_EQ(player.Due(190, r)->size(), 1u);  // the up
  EXPECT_TRUE(player.Due(250, r)->empty());   // held at 200
  EXPECT_TRUE(player.Due(5000, r)->empty());
  EXPECT_FALSE(player.Finished());
  EXPECT_TRUE(player.Due(9000, r)->empty());
  std::ofstream(file) << "go";
  // The file is there at 9000: the script's 200 is now; its 300 comes 100 ms later.
  EXPECT_TRUE(player.Due(9050, r)->empty());
  auto key = player.Due(9100, r);
  ASSERT_EQ(key->size(), 1u);
  EXPECT_TRUE(std::holds_alternative<PressKey>(key->at(0).what));
  EXPECT_EQ(key->at(0).t_ms, 9100);
  EXPECT_TRUE(player.Finished());
  std::filesystem::remove(file);
  EXPECT_EQ(ParseError(R"({"wait_for_file": 3})").rfind("line 1: \"wait_for_file\" must be a file path", 0), 0u);
}

}  // namespace
}  // namespace atelier::input
