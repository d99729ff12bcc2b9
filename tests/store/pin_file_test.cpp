// The PIN at rest: a salted Argon2id hash (never the PIN itself), verified in constant time,
// kept in a 0600 file.
#include "store/pin_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

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

}  // namespace
}  // namespace atelier::store
