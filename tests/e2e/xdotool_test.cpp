// The GLFW path with real X events: xdotool clicks, types on the (physical) keyboard and drags
// with the mouse, as a touchscreen reaches GLFW under X11. No input script is involved.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

void Xdo(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"xdotool"};
  argv.insert(argv.end(), args.begin(), args.end());
  e2e::Run run = RunProgram(argv, 30);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
}

void Pause(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

TEST(Xdotool, ClickTypeAndDragThroughRealXEvents) {
  auto dir = FreshDir("run");
  auto config = FreshDir("config");
  pid_t pid = fork();
  if (pid == 0) {
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    execl(ATELIER_BINARY, ATELIER_BINARY, "--size", "1280x720", "--ui-scale", "1", "--session",
          (dir / "xdotool.atelier").c_str(), "--dump-board",
          (dir / "board.json").c_str(), "--screenshot", (dir / "shot.png").c_str(), nullptr);
    _exit(127);
  }
  ASSERT_GT(pid, 0);
  e2e::Run found = RunProgram({"xdotool", "search", "--sync", "--onlyvisible", "--name", "^Atelier$"}, 30);
  ASSERT_EQ(found.exit_code, 0) << found.stderr_text;
  std::string window = found.stdout_text.substr(0, found.stdout_text.find('\n'));
  Xdo({"windowfocus", "--sync", window});
  Pause(1500);  // the first frames (font atlas, glyph baking) are slow under software GL

  // At 1280×720 and scale 1 the left "Ajouter une carte" button is at (24, 596), 384×100
  // (460 px, but at most 30 % of the width).
  Xdo({"mousemove", "--window", window, "216", "646", "click", "1"});
  Pause(1000);
  Xdo({"type", "--delay", "80", "HelloAsso"});
  Pause(300);
  Xdo({"key", "Return"});
  Pause(1000);
  // The new card waits right of the button: its centre 24 px + half a card (0.086 × 1280 / 2)
  // past the button's edge, (487, 646). Drag it to map (0.5, 0.4) = (640, 288).
  Xdo({"mousemove", "--window", window, "487", "646", "mousedown", "1"});
  for (int i = 1; i <= 10; ++i) {
    Pause(60);
    Xdo({"mousemove", "--window", window, std::to_string(487 + (640 - 487) * i / 10),
         std::to_string(646 + (288 - 646) * i / 10)});
  }
  Pause(300);
  Xdo({"mouseup", "1"});
  Pause(1000);

  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "atelier did not exit cleanly";
  EXPECT_EQ(WEXITSTATUS(status), 0);

  json board = ReadJson(dir / "board.json");
  const json* card = CardWithText(board, "HelloAsso");
  ASSERT_NE(card, nullptr) << board.dump(2);
  EXPECT_NEAR((*card)["x"].get<double>(), 0.5, 0.01);
  EXPECT_NEAR((*card)["y"].get<double>(), 0.4, 0.01);
  EXPECT_EQ((*card)["zone"], "gestion");
  Png shot = ReadPng(dir / "shot.png");
  ASSERT_EQ(shot.width, 1280);
  EXPECT_TRUE(Near(shot.At(640 - 40, 288 + 40), 0xffe97a)) << "yellow card paper under the drop point";
}

}  // namespace
}  // namespace atelier::e2e
