// A process killed while it creates sessions and records into them: every session file it
// leaves opens for recording with no repair (never empty or half-made), with gap-free events.
// The kiosk-level kill -9 test is tests/e2e/session_crash_test.cpp.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "store/session_file.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using namespace testing;

// prefix + i, appended: GCC 12 at -O3 wrongly reports -Wrestrict on `"s" + std::to_string(i)`
// (GCC bug 105329).
std::string Numbered(std::string_view prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

// Child: creates s0, s1, … and adds a few cards to each, for ever.
[[noreturn]] void CreateForEver(const fs::path& dir) {
  for (int i = 0;; ++i) {
    auto o = SessionFile::Open(dir / (Numbered("s", i) + ".atelier"),
                               NewSession{.title = "Essai", .map_template = TestTemplate(), .created_ms = 1});
    if (!o) _exit(3);
    core::ManualClock clock;
    core::Session s(o.session->board(), *o.session, clock, 1);
    for (int k = 0; k < 3; ++k) (void)s.Submit(core::AddCard{Numbered("c", k), "yellow", {0.5f, 0.5f}});
  }
}

TEST(SessionCrash, KilledWhileCreatingLeavesOnlyWholeSessions) {
  std::mt19937 rng(std::random_device{}());
  int files = 0;
  for (int trial = 0; trial < 40; ++trial) {
    TempDir dir(FastTemp());  // many creations per millisecond: kills land anywhere in them
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) CreateForEver(dir.path);
    std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 40000)(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself: " << status;
    for (const auto& entry : fs::directory_iterator(dir.path)) {
      if (entry.path().extension() != ".atelier") continue;
      ++files;
      auto o = SessionFile::Open(entry.path(), NewSession{.title = "autre", .map_template = TestTemplate()});
      ASSERT_TRUE(o) << entry.path() << ": " << o.message.en;
      EXPECT_FALSE(o.session->read_only()) << o.message.en;
      EXPECT_EQ(o.session->meta().title, "Essai");
      auto events = o.session->ReadEvents(0);
      ASSERT_TRUE(events.ok());
      EXPECT_LE(events->size(), 3u);
      for (std::size_t i = 0; i < events->size(); ++i) EXPECT_EQ((*events)[i].seq, static_cast<std::int64_t>(i + 1));
      // And it goes on recording.
      core::ManualClock clock;
      core::Session s(o.session->board(), *o.session, clock, o.session->next_seq());
      ASSERT_TRUE(s.Submit(core::AddCard{"après", "blue", {0.2f, 0.2f}}).ok());
      EXPECT_TRUE(o.session->healthy()) << o.session->problem();
    }
  }
  EXPECT_GT(files, 20) << "the kills came too early to test anything";
}

}  // namespace
}  // namespace atelier::store
