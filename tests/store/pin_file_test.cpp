// The PIN at rest: a salted Argon2id hash (never the PIN itself), verified in constant time,
// kept in a 0600 file. Beside it, the pad's lock-out, kept across restarts; a garbled lock-out
// file counts as no failures.
#include "store/pin_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using namespace testing;

TEST(PinFile, HashIsSaltedSlowAndVerifies) {
  auto a = HashPin("2468");
  auto b = HashPin("2468");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // a new salt each time
  EXPECT_EQ(a->rfind("$argon2id$", 0), 0u) << *a;
  EXPECT_EQ(a->find("2468"), std::string::npos);
  EXPECT_TRUE(VerifyPin(*a, "2468"));
  EXPECT_TRUE(VerifyPin(*b, "2468"));
  EXPECT_FALSE(VerifyPin(*a, "2469"));
  EXPECT_FALSE(VerifyPin(*a, ""));
  EXPECT_FALSE(VerifyPin("", "2468"));
  EXPECT_FALSE(VerifyPin("$argon2id$nonsense", "2468"));
}

TEST(PinFile, SavedOnlyReadableByTheOwnerAndReadBack) {
  TempDir dir;
  const auto file = PinFilePath(dir.path / "atelier");
  EXPECT_EQ(LoadPinHash(file), std::nullopt);
  auto hash = HashPin("13579");
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(SavePinHash(file, *hash).ok());
  EXPECT_EQ(LoadPinHash(file), *hash);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(ReadAll(file).find("13579"), std::string::npos);
}

TEST(PinLockout, SavedOnlyReadableByTheOwnerAndReadBack) {
  TempDir dir;
  const auto file = PinLockoutPath(dir.path / "atelier");
  EXPECT_EQ(file.filename(), "pin-lockout");
  EXPECT_EQ(LoadPinLockout(file), core::PinGuardState{});  // never saved: no failures
  const core::PinGuardState state{.failures = 3, .locks = 2, .locked_until_wall_ms = 1'764'150'060'000};
  ASSERT_TRUE(SavePinLockout(file, state).ok());
  EXPECT_EQ(LoadPinLockout(file), state);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(fs::exists(file.string() + ".new"));  // written aside, then renamed
  ASSERT_TRUE(SavePinLockout(file, {}).ok());  // a right PIN: saved back to nothing
  EXPECT_EQ(LoadPinLockout(file), core::PinGuardState{});
}

TEST(PinLockout, ARestartInTheMiddleOfALockThroughTheFile) {
  TempDir dir;
  const auto file = PinLockoutPath(dir.path);
  core::ManualClock steady(90'000), wall(1'764'150'000'000);
  core::PinGuard before;
  for (int i = 0; i < 5; ++i) before.Failed(steady.NowMs());
  steady.Advance(5000);
  wall.Advance(5000);
  ASSERT_TRUE(SavePinLockout(file, before.Export(steady.NowMs(), wall.NowMs())).ok());

  core::ManualClock steady_after(0);  // the new process; the wall clock went on 20 s
  core::PinGuard after;
  after.Import(LoadPinLockout(file), steady_after.NowMs(), wall.NowMs() + 20000);
  EXPECT_EQ(after.LockedForMs(steady_after.NowMs()), 30000 - 5000 - 20000);
}

TEST(PinLockout, AGarbledOrUnreadableFileCountsAsNoFailures) {
  TempDir dir;
  const auto file = PinLockoutPath(dir.path);
  for (const std::string& garbage :
       {std::string(""), std::string("\xff\xfe garbage"), std::string("{\"failures\":"),
        std::string("[1,2,3]"), std::string("{\"failures\":\"3\",\"locks\":1,\"locked_until_ms\":5}"),
        std::string("{\"failures\":2,\"locks\":1}"),                                    // a field missing
        std::string("{\"failures\":-1,\"locks\":1,\"locked_until_ms\":5}"),           // out of range
        std::string("{\"failures\":2,\"locks\":1,\"locked_until_ms\":-5}"),
        std::string("{\"failures\":2,\"locks\":1,\"locked_until_ms\":1.5e300}"),
        std::string("{\"failures\":2,\"locks\":1,\"locked_until_ms\":99999999999999999999999}"),
        std::string(100000, '{')}) {
    WriteAll(file, garbage);
    EXPECT_EQ(LoadPinLockout(file), core::PinGuardState{}) << garbage.substr(0, 80);
  }
  // A folder where the file should be, and a file nobody may read.
  fs::create_directories(dir / "folder" / "pin-lockout");
  EXPECT_EQ(LoadPinLockout(PinLockoutPath(dir / "folder")), core::PinGuardState{});
  ASSERT_TRUE(SavePinLockout(file, {.failures = 4, .locks = 0, .locked_until_wall_ms = 0}).ok());
  ::chmod(file.c_str(), 0000);
  if (::geteuid() != 0) {  // root reads it anyway
    EXPECT_EQ(LoadPinLockout(file), core::PinGuardState{});
  }
}

TEST(PinLockout, ACannotWriteIsAnErrorNotACrash) {
  TempDir dir;
  fs::create_directories(dir / "pin-lockout.new" / "in-the-way");  // the temporary file cannot be made
  EXPECT_FALSE(SavePinLockout(PinLockoutPath(dir.path), {.failures = 1, .locks = 0, .locked_until_wall_ms = 0}).ok());
}

}  // namespace
}  // namespace atelier::store
