#include "report/pending_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace atelier::report {
namespace {

namespace fs = std::filesystem;

fs::path Fresh(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("atelier-pending-" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int Count(const fs::path& dir) { return static_cast<int>(std::distance(fs::directory_iterator(dir), {})); }

TEST(PendingFile, ReplacesTheTargetOnlyOnCommit) {
  fs::path dir = Fresh("commit");
  fs::path target = dir / "carte.pdf";
  std::ofstream(target) << "old";
  {
    PendingFile file(target);
    ASSERT_TRUE(file.Open().ok());
    EXPECT_EQ(fs::path(file.temp_path()).parent_path(), dir);  // same folder: rename is atomic
    std::ofstream(file.temp_path()) << "new";
    std::ifstream still(target);
    std::string text;
    still >> text;
    EXPECT_EQ(text, "old");
    ASSERT_TRUE(file.Commit().ok());
  }
  std::ifstream in(target);
  std::string text;
  in >> text;
  EXPECT_EQ(text, "new");
  EXPECT_EQ(Count(dir), 1);
}

TEST(PendingFile, AnAbandonedFileLeavesNothing) {
  fs::path dir = Fresh("abandon");
  {
    PendingFile file(dir / "carte.png");
    ASSERT_TRUE(file.Open().ok());
    std::ofstream(file.temp_path()) << "half";
  }
  EXPECT_EQ(Count(dir), 0);
}

TEST(PendingFile, AnUnwritablePlaceIsSaidBeforeAnyWork) {
  fs::path dir = Fresh("unwritable");
  auto missing = PendingFile(dir / "nowhere" / "carte.svg").Open();
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("No such file or directory"), std::string::npos) << missing.error().message;
  EXPECT_NE(missing.error().message.find("carte.svg"), std::string::npos);
  auto folder = PendingFile(dir).Open();
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message.find("folder"), std::string::npos) << folder.error().message;
  EXPECT_EQ(Count(dir), 0);
}

}  // namespace
}  // namespace atelier::report
