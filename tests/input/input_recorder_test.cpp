// The input recorder writes scripts the player plays back as the same events.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "input/input_recorder.h"

namespace atelier::input {
namespace {

using Phase = PointerEvent::Phase;

struct NoResolver : TargetResolver {
  core::Result<core::ScreenPoint> Resolve(const Target&) override { return core::Error{"recordings use pixels only"}; }
};

// Plays a script to the end, one call per ms, and returns its actions.
std::vector<ScriptAction> PlayAll(const std::string& text) {
  auto script = ParseScript(text);
  EXPECT_TRUE(script.ok()) << (script.ok() ? "" : script.error().message) << "\n" << text;
  if (!script.ok()) return {};
  ScriptPlayer player(*script);
  NoResolver resolver;
  std::vector<ScriptAction> out;
  for (std::int64_t now = 0; !player.Finished() && now < 100000; ++now) {
    auto due = player.Due(now, resolver);
    EXPECT_TRUE(due.ok());
    if (!due.ok()) break;
    for (auto& a : *due) out.push_back(a);
  }
  return out;
}

TEST(InputRecorder, RoundTripGivesTheSameEvents) {
  const std::int64_t start = 50000;  // the app's clock when recording started
  std::vector<PointerEvent> events = {
      {0, Phase::Down, {100, 200}, start + 10},      {0, Phase::Move, {120, 210}, start + 40},
      {1, Phase::Down, {900, 500}, start + 45},      {0, Phase::Move, {160, 230}, start + 60},
      {1, Phase::Move, {880.5f, 520}, start + 70},   {0, Phase::Up, {160, 230}, start + 90},
      {1, Phase::Cancel, {880.5f, 520}, start + 95}, {9, Phase::Down, {1919, 1079}, start + 300},
      {9, Phase::Up, {1919, 1079}, start + 380},
  };
  std::ostringstream out;
  InputRecorder recorder(out, start);
  for (std::size_t i = 0; i < 6; ++i) recorder.RecordPointer(events[i]);
  recorder.RecordText("Café «Œ»", start + 92);
  recorder.RecordPointer(events[6]);
  recorder.RecordKey(ScriptKey::Backspace, start + 200);
  recorder.RecordPointer(events[7]);
  recorder.RecordPointer(events[8]);
  EXPECT_TRUE(recorder.ok());

  std::vector<ScriptAction> played = PlayAll(out.str());
  std::vector<PointerEvent> pointers;
  std::vector<std::string> keyboard;
  for (const auto& a : played) {
    if (auto* ev = std::get_if<PointerEvent>(&a.what)) pointers.push_back(*ev);
    if (auto* t = std::get_if<TypeText>(&a.what)) keyboard.push_back("text " + t->utf8 + " @" + std::to_string(a.t_ms));
    if (auto* k = std::get_if<PressKey>(&a.what))
      keyboard.push_back("key " + std::string(ScriptKeyName(k->key)) + " @" + std::to_string(a.t_ms));
  }
  std::vector<PointerEvent> want = events;
  for (auto& e : want) e.t_ms -= start;
  EXPECT_EQ(pointers, want) << out.str();
  EXPECT_EQ(keyboard, (std::vector<std::string>{"text Café «Œ» @92", "key backspace @200"}));
}

TEST(InputRecorder, ThrottlesMovesButKeepsTheLastPosition) {
  std::ostringstream out;
  InputRecorder recorder(out, 0);
  recorder.RecordPointer({0, Phase::Move, {5, 5}, 0});  // hover: not recorded
  recorder.RecordPointer({0, Phase::Down, {0, 0}, 0});
  for (int t = 1; t <= 100; ++t) recorder.RecordPointer({0, Phase::Move, {static_cast<float>(t), 0}, t});
  recorder.Tick(130);  // the finger rests: its last position is written once the interval passed
  recorder.RecordPointer({0, Phase::Up, {100, 0}, 400});

  std::vector<PointerEvent> moves;
  for (const auto& a : PlayAll(out.str()))
    if (auto* ev = std::get_if<PointerEvent>(&a.what); ev && ev->phase == Phase::Move) moves.push_back(*ev);
  ASSERT_GE(moves.size(), 6u);
  ASSERT_LE(moves.size(), 8u);  // about 100 ms / 16 ms
  EXPECT_EQ(moves.back().at, (core::ScreenPoint{100, 0}));
  EXPECT_GE(moves.back().t_ms, 100);
  EXPECT_LE(moves.back().t_ms, 116);
  for (std::size_t i = 1; i < moves.size(); ++i) EXPECT_GE(moves[i].t_ms - moves[i - 1].t_ms, 16);
}

TEST(InputRecorder, HeldMoveIsWrittenBeforeTheUp) {
  std::ostringstream out;
  InputRecorder recorder(out, 0);
  recorder.RecordPointer({2, Phase::Down, {0, 0}, 0});
  recorder.RecordPointer({2, Phase::Move, {50, 0}, 10});
  recorder.RecordPointer({2, Phase::Move, {80, 0}, 12});  // within 16 ms: held back
  recorder.RecordPointer({2, Phase::Up, {80, 0}, 14});
  EXPECT_EQ(out.str(),
            "{\"t\":0,\"down\":{\"x\":0.0,\"y\":0.0},\"id\":2}\n"
            "{\"t\":10,\"move\":{\"x\":50.0,\"y\":0.0},\"id\":2}\n"
            "{\"t\":12,\"move\":{\"x\":80.0,\"y\":0.0},\"id\":2}\n"
            "{\"t\":14,\"up\":{\"x\":80.0,\"y\":0.0},\"id\":2}\n");
}

TEST(InputRecorder, EachLineIsOnDiskAtOnceAndInvalidUtf8IsReplaced) {
  auto path = std::filesystem::temp_directory_path() / ("atelier-recorder-" + std::to_string(::getpid()) + ".jsonl");
  {
    auto recorder = InputRecorder::Create(path.string(), 1000);
    ASSERT_TRUE(recorder.ok()) << recorder.error().message;
    recorder->RecordPointer({0, Phase::Down, {10.04f, 20.06f}, 1000});
    recorder->RecordText("a\xff", 1005);
    std::ifstream in(path);  // read while the recorder is still open, as after a crash
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "{\"t\":0,\"down\":{\"x\":10.0,\"y\":20.1}}\n{\"t\":5,\"text\":\"a\xEF\xBF\xBD\"}\n");
    EXPECT_TRUE(ParseScript(text.str()).ok());
  }
  std::filesystem::remove(path);
  EXPECT_FALSE(InputRecorder::Create("/nonexistent-dir/x.jsonl", 0).ok());
}

}  // namespace
}  // namespace atelier::input
