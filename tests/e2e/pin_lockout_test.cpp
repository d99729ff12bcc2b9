// The PIN pad's lock-out survives a restart, on the real binary: five wrong PINs, the kiosk quits,
// and the next kiosk still refuses even the right PIN until the lock's end; the state is in a
// 0600 file beside the PIN's hash. A garbled file counts as no wrong tries: the right PIN opens
// the panel. (At 960×540, small enough to be quick: the lock is 30 s of wall-clock time and the
// restart must happen within it.)
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>

#include "e2e_support.h"
#include "facilitator_support.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

std::int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The corner press, then each PIN followed by Valider; returns the time after them.
int PinLines(std::vector<json>& lines, const std::vector<std::string>& pins) {
  int t = 200;
  lines.push_back({{"t", t}, {"down", {{"x", 30}, {"y", 30}}}});
  t += 3300;
  lines.push_back({{"t", t}, {"up", {{"x", 30}, {"y", 30}}}});
  t += 300;
  for (const std::string& pin : pins) {
    for (char digit : pin) {
      lines.push_back({{"t", t}, {"tap", {{"label", std::string(1, digit)}}}});
      t += 120;
    }
    lines.push_back({{"t", t}, {"tap", {{"label", "Valider"}}}});
    t += 350;
  }
  return t;
}

int CountNear(const Png& png, unsigned hex, int tolerance = 24) {
  int n = 0;
  for (int y = 0; y < png.height; ++y)
    for (int x = 0; x < png.width; ++x) n += Near(png.At(x, y), hex, tolerance) ? 1 : 0;
  return n;
}

TEST(PinLockout, FiveWrongPinsStillLockThePadAfterARestart) {
  const std::string config_env = ConfigWithPin();
  const std::filesystem::path config = config_env.substr(config_env.find('=') + 1);
  const std::filesystem::path lockout = config / "atelier" / "pin-lockout";
  auto dir = FreshDir("lockout");
  const std::vector<std::string> common{"--windowed", "--size", "960x540", "--idle-delay", "0", "--session",
                                        (dir / "lockout.atelier").string(), "--quit-after-script"};
  auto run = [&](const std::string& name, const std::vector<json>& lines) {
    std::vector<std::string> args = common;
    args.insert(args.end(), {"--input-script", WriteScript(dir, name, lines).string()});
    return RunAtelier(args, 120, {config_env});
  };

  // First kiosk: five wrong PINs.
  std::vector<json> wrong;
  int t = PinLines(wrong, {"1111", "1112", "1113", "1114", "1115"});
  wrong.push_back({{"t", t}, {"screenshot", (dir / "locked-before.png").string()}});
  wrong.push_back({{"t", t + 100}, {"quit", true}});
  const std::int64_t started = WallMs();
  e2e::Run first = run("wrong.jsonl", wrong);
  const std::int64_t first_ended = WallMs();
  ASSERT_EQ(first.exit_code, 0) << first.stderr_text;

  struct stat st {};
  ASSERT_EQ(::stat(lockout.c_str(), &st), 0) << "no lock-out file in " << lockout;
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  json state = ReadJson(lockout);
  EXPECT_EQ(state["failures"], 0);
  EXPECT_EQ(state["locks"], 1);
  const std::int64_t until = state["locked_until_ms"].get<std::int64_t>();
  EXPECT_GT(until, started + 30000 - 1000);
  EXPECT_LE(until, first_ended + 30000);

  // Second kiosk: the right PIN, refused while the lock lasts; the pad stays open ("Fermer" is
  // the pad's own button; the panel's is "Fermer le panneau").
  std::vector<json> right;
  t = PinLines(right, {kTestPin});
  right.push_back({{"t", t}, {"screenshot", (dir / "locked-after.png").string()}});
  right.push_back({{"t", t + 100}, {"tap", {{"label", "Fermer"}}}});
  right.push_back({{"t", t + 400}, {"quit", true}});
  e2e::Run second = run("right.jsonl", right);
  if (WallMs() >= until - 1000)
    GTEST_SKIP() << "this machine took longer than the 30 s lock to start the kiosk twice";
  ASSERT_EQ(second.exit_code, 0) << second.stderr_text;
  // The pad's red line ("Trop d'essais. Réessayez dans … s."), after the restart as before it.
  const int red_before = CountNear(ReadPng(dir / "locked-before.png"), 0xb3261e);
  const int red_after = CountNear(ReadPng(dir / "locked-after.png"), 0xb3261e);
  EXPECT_GT(red_before, 300);
  EXPECT_GT(red_after, red_before / 2) << "no lock line on the pad after the restart";
  EXPECT_EQ(ReadJson(lockout), state) << "a refused try changed the saved lock";

  // A garbled file: as if there were no wrong tries; the right PIN opens the panel and the file
  // is written clean again.
  { std::ofstream(lockout, std::ios::trunc) << "{\"failures\": 4, \"locks\": \x01 garbage"; }
  std::vector<json> garbled;
  t = PinLines(garbled, {kTestPin});
  garbled.push_back({{"t", t}, {"tap", {{"label", "Fermer le panneau"}}}});
  garbled.push_back({{"t", t + 400}, {"quit", true}});
  e2e::Run third = run("garbled.jsonl", garbled);
  ASSERT_EQ(third.exit_code, 0) << third.stderr_text;
  EXPECT_EQ(ReadJson(lockout), json({{"failures", 0}, {"locked_until_ms", 0}, {"locks", 0}}));
}

}  // namespace
}  // namespace atelier::e2e
