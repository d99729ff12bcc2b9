// The export bundle's folder: written under a temporary name and renamed last, flushed, and
// removed on failure; a full, a read-only and a vanished medium each named as such. The full
// and read-only media are real small tmpfs mounts (the tests run as root in CI; skipped else).
#include "platform/export_bundle.h"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "platform/usb_sticks.h"

namespace atelier::platform {
namespace {

namespace fs = std::filesystem;

fs::path FreshFolder(const std::string& name) {
  fs::path dir = fs::path(testing::TempDir()) / ("bundle-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

PartOutcome WriteText(const fs::path& out, const std::string& text) {
  std::ofstream file(out, std::ios::binary);
  file << text;
  file.flush();
  if (!file) return {.ok = false, .err = errno, .message = std::strerror(errno)};
  return {};
}

// Writes `bytes` with write(2), so ENOSPC comes back as it would from an export.
PartOutcome WriteBytes(const fs::path& out, std::size_t bytes) {
  FILE* f = std::fopen(out.c_str(), "wb");
  if (!f) return {.ok = false, .err = errno, .message = std::strerror(errno)};
  std::string chunk(4096, 'x');
  for (std::size_t done = 0; done < bytes; done += chunk.size()) {
    if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size()) {
      const int err = errno;
      std::fclose(f);
      return {.ok = false, .err = err, .message = std::strerror(err)};
    }
  }
  if (std::fclose(f) != 0) return {.ok = false, .err = errno, .message = std::strerror(errno)};
  return {};
}

std::vector<std::string> Names(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<BundlePart> TwoParts() {
  return {{"Texte", "a.txt", [](const fs::path& out) { return WriteText(out, "première partie"); }},
          {"Autre", "b.csv", [](const fs::path& out) { return WriteText(out, "x;y\n1;2\n"); }}};
}

// A small tmpfs, unmounted (lazily, in case something still holds it) when the test ends.
class SmallDisk {
 public:
  SmallDisk(const std::string& name, const char* options) : m_dir(FreshFolder(name)) {
    m_ok = ::mount("tmpfs", m_dir.c_str(), "tmpfs", 0, options) == 0;
  }
  ~SmallDisk() {
    if (m_ok) ::umount2(m_dir.c_str(), MNT_DETACH);
  }
  bool ok() const { return m_ok; }
  const fs::path& dir() const { return m_dir; }

 private:
  fs::path m_dir;
  bool m_ok = false;
};

TEST(ExportBundle, WritesEveryPartThenRenames) {
  const fs::path parent = FreshFolder("ok");
  std::vector<std::string> seen;
  BundleResult r = WriteBundle({.parent = parent, .name = "Atelier – export", .parts = TwoParts()},
                               [&](const BundlePart& p) {
                                 seen.push_back(p.label);
                                 // While parts are written, only the temporary folder exists.
                                 EXPECT_EQ(Names(parent), std::vector<std::string>{PendingFolderName("Atelier – export")});
                               });
  ASSERT_TRUE(r.ok()) << r.detail;
  EXPECT_EQ(seen, (std::vector<std::string>{"Texte", "Autre"}));
  EXPECT_EQ(r.folder, parent / "Atelier – export");
  EXPECT_EQ(Names(parent), std::vector<std::string>{"Atelier – export"});
  EXPECT_EQ(Names(r.folder), (std::vector<std::string>{"a.txt", "b.csv"}));
  std::ifstream in(r.folder / "a.txt");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, "première partie");

  // The same name again (two exports in one minute): a second folder, the first untouched.
  BundleResult again = WriteBundle({.parent = parent, .name = "Atelier – export", .parts = TwoParts()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.folder.filename(), "Atelier – export (2)");
  EXPECT_EQ(Names(parent).size(), 2u);
}

TEST(ExportBundle, AFailingPartLeavesNothing) {
  const fs::path parent = FreshFolder("fail");
  std::vector<BundlePart> parts = TwoParts();
  parts.push_back({"PDF", "rapport.pdf", [](const fs::path& out) {
                     (void)WriteText(out, "%PDF-half");  // half a file, then the child fails
                     return PartOutcome{.ok = false, .message = "atelier: cairo said no"};
                   }});
  parts.push_back({"Jamais", "never.txt", [](const fs::path&) -> PartOutcome {
                     ADD_FAILURE() << "a part after a failure ran";
                     return {};
                   }});
  BundleResult r = WriteBundle({.parent = parent, .name = "Séance", .parts = parts});
  EXPECT_EQ(r.problem, BundleProblem::Failed);
  EXPECT_EQ(r.failed_part, "PDF");
  EXPECT_EQ(r.detail, "atelier: cairo said no");
  EXPECT_TRUE(Names(parent).empty());
}

TEST(ExportBundle, APartThatWritesNothingFails) {
  const fs::path parent = FreshFolder("nothing");
  BundleResult r = WriteBundle(
      {.parent = parent, .name = "S", .parts = {{"Vide", "x.png", [](const fs::path&) { return PartOutcome{}; }}}});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.failed_part, "Vide");
  EXPECT_TRUE(Names(parent).empty());
}

TEST(ExportBundle, AFullDiskIsCalledFullAndCleanedUp) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root";
  SmallDisk disk("full", "size=64k");
  ASSERT_TRUE(disk.ok()) << std::strerror(errno);
  std::vector<BundlePart> parts = TwoParts();
  parts.push_back({"PNG", "carte.png", [](const fs::path& out) { return WriteBytes(out, 1 << 20); }});
  BundleResult r = WriteBundle({.parent = disk.dir(), .name = "Séance – export", .parts = parts});
  EXPECT_EQ(r.problem, BundleProblem::Full) << r.detail;
  EXPECT_EQ(r.failed_part, "PNG");
  EXPECT_TRUE(Names(disk.dir()).empty());  // the temporary folder is gone too
}

TEST(ExportBundle, AReadOnlyDiskIsCalledReadOnly) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root";
  SmallDisk disk("ro", "size=1m");
  ASSERT_TRUE(disk.ok());
  ASSERT_EQ(::mount("tmpfs", disk.dir().c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=1m"), 0) << std::strerror(errno);
  BundleResult r = WriteBundle({.parent = disk.dir(), .name = "Séance", .parts = TwoParts()});
  EXPECT_EQ(r.problem, BundleProblem::ReadOnly) << r.detail;
  EXPECT_TRUE(Names(disk.dir()).empty());
}

TEST(ExportBundle, AStickPulledOutHalfWayIsCalledGone) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root";
  SmallDisk disk("gone", "size=1m");
  ASSERT_TRUE(disk.ok());
  const fs::path point = fs::weakly_canonical(disk.dir());
  std::vector<UsbStick> sticks;
  for (const MountEntry& m : ReadMountInfo())
    if (m.point == point.string()) sticks.push_back({.point = m.point, .mount_id = m.id});
  ASSERT_EQ(sticks.size(), 1u);
  const UsbStick stick = sticks.back();
  std::vector<BundlePart> parts = TwoParts();
  // The stick goes between two parts: the kernel detaches it (as when it is pulled out), the
  // files already open still write into the vanished file system.
  parts.insert(parts.begin() + 1, {"Arrachée", "c.txt", [&](const fs::path& out) {
                                     EXPECT_EQ(::umount2(point.c_str(), MNT_DETACH), 0);
                                     return WriteText(out, "sur une clé qui n'est plus là");
                                   }});
  BundleResult r = WriteBundle({.parent = point, .name = "Séance", .parts = parts,
                                .still_there = [&] { return StillMounted(stick, ReadMountInfo()); }});
  EXPECT_EQ(r.problem, BundleProblem::Gone) << r.detail;
  // The folder under the mount point (now the empty folder beneath) shows nothing complete.
  EXPECT_FALSE(fs::exists(point / "Séance"));
}

TEST(ExportBundle, FolderNamesAreForPeopleAndSafeOnAnyStick) {
  std::tm t{};
  t.tm_year = 2026 - 1900;
  t.tm_mon = 11;
  t.tm_mday = 2;
  t.tm_hour = 14;
  t.tm_min = 5;
  EXPECT_EQ(BundleFolderName("Atelier « numérique »", t), "Atelier « numérique » – export 2026-12-02 14h05");
  EXPECT_EQ(BundleFolderName("a/b:c*d?\"e<f>g|h\\i", t), "a-b c d  e f g h i – export 2026-12-02 14h05");
  EXPECT_EQ(BundleFolderName("Atelier du 02/12/2026", t), "Atelier du 02-12-2026 – export 2026-12-02 14h05");
  EXPECT_EQ(BundleFolderName("  ..  ", t), "Séance – export 2026-12-02 14h05");
  EXPECT_EQ(BundleFolderName("Fin.\n", t), "Fin – export 2026-12-02 14h05");
  const std::string long_title(200, 'e');
  EXPECT_LE(BundleFolderName(long_title, t).size(), 80u + std::string(" – export 2026-12-02 14h05").size());
}

}  // namespace
}  // namespace atelier::platform
