// The GLFW path with real X events: xdotool clicks, types on the (physical) keyboard and drags
// with the mouse, as a touchscreen reaches GLFW under X11. No input script is involved. And the
// keys and the request that close ordinary windows: in kiosk mode Escape, Alt+F4 and a window
// manager's close request (WM_DELETE_WINDOW, what a WM sends on Alt+F4) leave the kiosk running;
// a windowed Atelier closes on that same request, which shows the request is real.
#include <cmath>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <thread>

#include "e2e_support.h"
#include "x11_close.h"

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
  // The new card lands in the free band right of the button (core/landing.h), its centre
  // near 24 px + half a card past the button's edge: (487, 646) is on its paper. Drag it by
  // that point to map (0.5, 0.4) = (640, 288).
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
  // Where the finger let go is on the card (it keeps the spot it was held by).
  const double x = (*card)["x"], y = (*card)["y"], w = (*card)["w"], h = (*card)["h"];
  EXPECT_LT(std::abs(x - 0.5), w / 2) << board.dump(2);
  EXPECT_LT(std::abs(y - 0.4), h / 2) << board.dump(2);
  EXPECT_EQ((*card)["zone"], "gestion");
  Png shot = ReadPng(dir / "shot.png");
  ASSERT_EQ(shot.width, 1280);
  EXPECT_TRUE(Near(shot.At(640 - 40, 288 + 40), 0xffe97a)) << "yellow card paper under the drop point";
}

// atelier started as a child process on the test display, and its window. Killed at the end of
// the test if it still runs (a failed assertion must not leave it behind).
struct Child {
  pid_t pid = -1;
  std::string window;
  Child() = default;
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid > 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
};

void StartAtelier(Child& child, const std::filesystem::path& config, std::vector<std::string> args) {
  child.pid = fork();
  if (child.pid == 0) {
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(ATELIER_BINARY)};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(ATELIER_BINARY, argv.data());
    _exit(127);
  }
  e2e::Run found = RunProgram({"xdotool", "search", "--sync", "--onlyvisible", "--name", "^Atelier$"}, 30);
  child.window = found.stdout_text.substr(0, found.stdout_text.find('\n'));
}

// Waits up to timeout_ms for the child to end; its wait status, or nullopt while it runs.
std::optional<int> WaitFor(pid_t pid, int timeout_ms) {
  for (int waited = 0;; waited += 50) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return status;
    if (waited >= timeout_ms) return std::nullopt;
    Pause(50);
  }
}

TEST(Xdotool, KioskKeepsRunningThroughEscapeAltF4AndAWindowManagersCloseRequest) {
  auto dir = FreshDir("kiosk-close");
  Child kiosk;
  StartAtelier(kiosk, FreshDir("config"), {"--size", "1280x720", "--ui-scale", "1", "--session",
                                           (dir / "kiosk.atelier").string(), "--dump-board",
                                           (dir / "board.json").string()});
  ASSERT_GT(kiosk.pid, 0);
  ASSERT_FALSE(kiosk.window.empty()) << "no Atelier window";
  Xdo({"windowfocus", "--sync", kiosk.window});
  Pause(1500);

  // Without a window manager (Xvfb) Alt+F4 reaches the kiosk as keys, which it ignores; under a
  // window manager it becomes the close request, which the kiosk refuses.
  Xdo({"key", "Escape"});
  Pause(300);
  Xdo({"key", "alt+F4"});
  Pause(300);
  ASSERT_TRUE(RequestWindowClose(kiosk.window));
  std::optional<int> ended = WaitFor(kiosk.pid, 3000);
  EXPECT_FALSE(ended.has_value()) << "the kiosk closed (wait status " << ended.value_or(-1) << ")";
  if (ended) return;
  e2e::Run still = RunProgram({"xdotool", "search", "--onlyvisible", "--name", "^Atelier$"}, 30);
  EXPECT_EQ(still.exit_code, 0) << "the kiosk's window is gone";

  // And it still works: a card added through the left "Ajouter une carte" button.
  Xdo({"windowfocus", "--sync", kiosk.window});
  Xdo({"mousemove", "--window", kiosk.window, "216", "646", "click", "1"});
  Pause(1000);
  Xdo({"type", "--delay", "80", "Toujours"});
  Pause(300);
  Xdo({"key", "Return"});
  Pause(1000);
  kill(kiosk.pid, SIGTERM);  // systemctl stop: how a kiosk is meant to stop, besides the panel
  ended = WaitFor(kiosk.pid, 20000);
  ASSERT_TRUE(ended.has_value());
  ASSERT_TRUE(WIFEXITED(*ended)) << "atelier did not exit cleanly";
  EXPECT_EQ(WEXITSTATUS(*ended), 0);
  json board = ReadJson(dir / "board.json");
  EXPECT_NE(CardWithText(board, "Toujours"), nullptr) << board.dump(2);
}

TEST(Xdotool, AWindowedAtelierClosesOnTheSameCloseRequest) {
  auto dir = FreshDir("windowed-close");
  Child windowed;
  StartAtelier(windowed, FreshDir("config"), {"--windowed", "--size", "1280x720", "--session",
                                              (dir / "windowed.atelier").string(), "--dump-board",
                                              (dir / "board.json").string()});
  ASSERT_GT(windowed.pid, 0);
  ASSERT_FALSE(windowed.window.empty()) << "no Atelier window";
  Pause(1500);
  ASSERT_TRUE(RequestWindowClose(windowed.window));
  std::optional<int> ended = WaitFor(windowed.pid, 20000);
  ASSERT_TRUE(ended.has_value()) << "a windowed Atelier ignored the close request";
  ASSERT_TRUE(WIFEXITED(*ended));
  EXPECT_EQ(WEXITSTATUS(*ended), 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "board.json")) << "closed without its clean end";
}

}  // namespace
}  // namespace atelier::e2e
