// A full disk under a running kiosk: the board keeps working, the red recording banner says so,
// and once space returns every event reaches the file, none lost or duplicated. Uses a small
// tmpfs, which needs root (CI runs as root); elsewhere the test says it is skipped and why.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <fstream>

#include "e2e_support.h"
#include "session_process.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Tmpfs {
  fs::path at;
  bool mounted = false;
  explicit Tmpfs(fs::path where, const char* size) : at(std::move(where)) {
    fs::create_directories(at);
    mounted = mount("tmpfs", at.c_str(), "tmpfs", 0, (std::string("size=") + size).c_str()) == 0;
  }
  ~Tmpfs() {
    if (mounted) umount2(at.c_str(), MNT_DETACH);
  }
};

// Fills the file system at dir until a write fails, leaving `spare` bytes free.
void Fill(const fs::path& dir, std::uintmax_t spare) {
  std::uintmax_t free_bytes = fs::space(dir).available;
  std::ofstream filler(dir / "filler", std::ios::binary);
  std::string block(4096, 'x');
  for (std::uintmax_t written = 0; written + spare + block.size() <= free_bytes; written += block.size())
    filler.write(block.data(), static_cast<std::streamsize>(block.size()));
}

TEST(SessionDiskFull, TheBoardKeepsWorkingAndNothingIsLostWhenSpaceReturns) {
  auto dir = FreshDir("run");
  Tmpfs disk(dir / "disk", "2m");
  if (!disk.mounted) GTEST_SKIP() << "cannot mount a tmpfs here (needs root): " << std::strerror(errno);
  fs::path session = disk.at / "plein.atelier";

  // The session exists first, with one card (a new file needs room to be created).
  auto first = WriteScript(dir, "first.jsonl", {{{"t", 300}, {"tap", {{"label", "Ajouter une carte"}}}},
                                                {{"t", 600}, {"text", "Avant"}},
                                                {{"t", 800}, {"tap", {{"label", "Valider"}}}},
                                                {{"t", 1100}, {"quit", true}}});
  ASSERT_EQ(RunAtelier({"--size", "1280x720", "--session", session.string(), "--input-script", first.string()})
                .exit_code,
            0);
  Fill(disk.at, 48 * 1024);  // room for the WAL's first pages, not for many cards

  // Twenty cards: the disk fills part way; a screenshot shows the banner; space comes back
  // (the test removes the filler when it sees the screenshot) and two more cards follow.
  std::vector<json> lines;
  int t = 300;
  for (int i = 1; i <= 20; ++i) {
    lines.push_back({{"t", t}, {"tap", {{"label", "Ajouter une carte"}}}});
    lines.push_back({{"t", t + 300}, {"text", "Carte " + std::to_string(i)}});
    lines.push_back({{"t", t + 500}, {"tap", {{"label", "Valider"}}}});
    t += 800;
  }
  lines.push_back({{"t", t}, {"screenshot", (dir / "full.png").string()}});
  t += 20000;  // about 1 250 frames: time for the test to free space and the kiosk to retry
  for (int i = 21; i <= 22; ++i) {
    lines.push_back({{"t", t}, {"tap", {{"label", "Ajouter une carte"}}}});
    lines.push_back({{"t", t + 300}, {"text", "Carte " + std::to_string(i)}});
    lines.push_back({{"t", t + 500}, {"tap", {{"label", "Valider"}}}});
    t += 800;
  }
  lines.push_back({{"t", t + 3000}, {"quit", true}});
  auto script = WriteScript(dir, "full.jsonl", lines);

  Kiosk kiosk({"--size", "1280x720", "--session", session.string(), "--input-script", script.string(),
               "--log-events", "--dump-board", (dir / "board.json").string()},
              dir / "stderr.txt");
  ASSERT_TRUE(kiosk.started());
  for (int i = 0; i < 1200 && !fs::exists(dir / "full.png") && kiosk.Running(); ++i) kiosk.Pump(std::chrono::milliseconds(100));
  ASSERT_TRUE(fs::exists(dir / "full.png")) << kiosk.StderrText();
  std::int64_t committed_while_full = kiosk.LastCommitted();
  fs::remove(disk.at / "filler");
  ASSERT_EQ(kiosk.Wait(std::chrono::seconds(300)), 0) << kiosk.StderrText();

  // While full: fewer events on disk than cards made, and the red banner at the top right.
  EXPECT_LT(committed_while_full, 21) << "the disk never filled: the test proves nothing";
  Png shot = ReadPng(dir / "full.png");
  ASSERT_EQ(shot.width, 1280);
  EXPECT_TRUE(Near(shot.At(1280 - 60, 160), 0xb3261e, 10)) << shot.At(1280 - 60, 160).r;

  // After: the board had every card all along, and the file has every event, once, in order.
  json board = ReadJson(dir / "board.json");
  EXPECT_EQ(board["cards"].size(), 23u);
  e2e::Run info = RunAtelier({"info", session.string(), "--json"});
  ASSERT_EQ(info.exit_code, 0) << info.stderr_text;
  json about = json::parse(info.stdout_text, nullptr, false);
  EXPECT_EQ(about["cards"], 23) << about.dump(2);
  EXPECT_EQ(about["events"], 23) << about.dump(2);
  EXPECT_EQ(kiosk.LastCommitted(), 23);
}

}  // namespace
}  // namespace atelier::e2e
