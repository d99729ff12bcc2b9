// atelier.conf written back by the panel's Réglages page: only the keys asked for change, the
// rest of the person's file (comments, blank lines, unknown lines) kept byte for byte, and the
// file replaced atomically — a folder that cannot be written gives a French reason and leaves
// the old file alone.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "platform/config.h"
#include "platform/config_writer.h"

namespace atelier::platform {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("atelier-config-test-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

void Write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

std::string Update(const std::string& text, const ConfigChanges& changes) {
  auto out = UpdateConfigText(text, changes);
  EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().message);
  return out.ok() ? out.value() : std::string();
}

const std::string kUserFile =
    "# Salle du haut, écran tactile 65 pouces\n"
    "screen_width_mm = 1430\n"
    "\n"
    "  # lang = en   (commented out by someone)\n"
    "lang = fr\n"
    "something odd without an equals sign\n"
    "keyboard=azerty\n";

TEST(ConfigWriter, ReplacesAKeyInPlaceAndKeepsEverythingElse) {
  std::string out = Update(kUserFile, {{"lang", "en"}});
  EXPECT_EQ(out,
            "# Salle du haut, écran tactile 65 pouces\n"
            "screen_width_mm = 1430\n"
            "\n"
            "  # lang = en   (commented out by someone)\n"
            "lang = en\n"
            "something odd without an equals sign\n"
            "keyboard=azerty\n");
}

TEST(ConfigWriter, KeyWrittenWithoutSpacesIsFoundToo) {
  std::string out = Update(kUserFile, {{"keyboard", "qwerty"}});
  EXPECT_NE(out.find("\nkeyboard = qwerty\n"), std::string::npos);
  EXPECT_EQ(out.find("azerty"), std::string::npos);
}

TEST(ConfigWriter, AddsAMissingKeyAtTheEnd) {
  EXPECT_EQ(Update(kUserFile, {{"idle_delay_s", "300"}}), kUserFile + "idle_delay_s = 300\n");
  // A last line without its newline gets one before the new line.
  EXPECT_EQ(Update("lang = fr", {{"idle_delay_s", "0"}}), "lang = fr\nidle_delay_s = 0\n");
  EXPECT_EQ(Update("", {{"lang", "en"}}), "lang = en\n");
}

TEST(ConfigWriter, RemovesAKeyWithNoValueButNotItsComments) {
  std::string text = "# taille\nui_scale = 1.4\nlang = fr\n";
  EXPECT_EQ(Update(text, {{"ui_scale", std::nullopt}}), "# taille\nlang = fr\n");
  EXPECT_EQ(Update(text, {{"font", std::nullopt}}), text);  // absent: nothing to remove
}

TEST(ConfigWriter, EveryActiveLineOfARepeatedKeyChanges) {
  // The loader takes the last one; rewriting all of them leaves no stale value behind.
  EXPECT_EQ(Update("lang = fr\nlang = fr\n", {{"lang", "en"}}), "lang = en\nlang = en\n");
}

TEST(ConfigWriter, IndentationAndWindowsLineEndingsAreKept) {
  EXPECT_EQ(Update("# x\r\n\tlang = fr\r\nkeyboard = azerty\r\n", {{"lang", "en"}}),
            "# x\r\n\tlang = en\r\nkeyboard = azerty\r\n");
}

TEST(ConfigWriter, OddValuesRoundTripThroughTheLoader) {
  std::string out = Update("", {{"font", "DejaVu Sans:style=Book"},
                                {"sessions_dir", "/srv/séances #1"},
                                {"template", "a=b"}});
  ConfigLoad loaded = ParseConfig(out, "atelier.conf");
  EXPECT_TRUE(loaded.warnings.empty());
  EXPECT_EQ(loaded.config.font, "DejaVu Sans:style=Book");
  EXPECT_EQ(loaded.config.sessions_dir, "/srv/séances #1");
  EXPECT_EQ(loaded.config.template_name, "a=b");
}

TEST(ConfigWriter, RefusesAValueThatWouldBreakTheFileIntoLines) {
  EXPECT_FALSE(UpdateConfigText("", {{"lang", "en\nui_scale = 9"}}).ok());
  EXPECT_FALSE(UpdateConfigText("", {{"bad key", "x"}}).ok());
  EXPECT_FALSE(UpdateConfigText("", {{"", "x"}}).ok());
}

TEST(ConfigWriter, NumbersUseADotAndAtMostTwoDecimals) {
  EXPECT_EQ(FormatConfigNumber(1.1f), "1.1");
  EXPECT_EQ(FormatConfigNumber(0.8500001f), "0.85");
  EXPECT_EQ(FormatConfigNumber(2.0f), "2");
  EXPECT_EQ(FormatConfigNumber(0.666667f), "0.67");
}

TEST(ConfigWriter, SavesAtomicallyAndTheLoaderReadsItBack) {
  fs::path dir = FreshDir("save");
  fs::path file = dir / "atelier" / "atelier.conf";  // its folder does not exist yet
  ASSERT_TRUE(SaveConfigChanges(file, {{"lang", "en"}, {"keyboard", "qwerty"}}).ok());
  ASSERT_TRUE(SaveConfigChanges(file, {{"idle_delay_s", "60"}, {"ui_scale", "1.2"}}).ok());
  ConfigLoad loaded = LoadConfig(file);
  EXPECT_TRUE(loaded.warnings.empty());
  EXPECT_EQ(loaded.config.lang, "en");
  EXPECT_EQ(loaded.config.keyboard, "qwerty");
  EXPECT_EQ(loaded.config.idle_delay_s, 60);
  ASSERT_TRUE(loaded.config.ui_scale.has_value());
  EXPECT_FLOAT_EQ(*loaded.config.ui_scale, 1.2f);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(file.parent_path())) files += entry.is_regular_file();
  EXPECT_EQ(files, 1) << "a temporary file was left behind";
}

TEST(ConfigWriter, KeepsTheFilesPermissionsAndFollowsASymlink) {
  fs::path dir = FreshDir("link");
  Write(dir / "real.conf", "# managed\nlang = fr\n");
  ::chmod((dir / "real.conf").c_str(), 0600);
  fs::create_symlink(dir / "real.conf", dir / "atelier.conf");
  ASSERT_TRUE(SaveConfigChanges(dir / "atelier.conf", {{"lang", "en"}}).ok());
  EXPECT_TRUE(fs::is_symlink(dir / "atelier.conf"));
  EXPECT_EQ(Read(dir / "real.conf"), "# managed\nlang = en\n");
  struct stat st {};
  ASSERT_EQ(::stat((dir / "real.conf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(ConfigWriter, ReadOnlyFolderFailsCleanlyInFrench) {
  fs::path dir = FreshDir("read-only");
  fs::path file = dir / "atelier.conf";
  Write(file, "lang = fr\n");
  ::chmod(dir.c_str(), 0555);
  core::Status saved = SaveConfigChanges(file, {{"lang", "en"}});
  ::chmod(dir.c_str(), 0755);
  if (::geteuid() == 0) {
    GTEST_SKIP() << "root writes into a 0555 folder; see UnwritablePlacesFailCleanly";
  }
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("protégé en écriture"), std::string::npos) << saved.error().message;
  EXPECT_EQ(Read(file), "lang = fr\n");
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(ConfigWriter, UnwritablePlacesFailCleanly) {
  // Places nobody, root included, can write: /proc, and a folder standing where the file goes.
  core::Status in_proc = SaveConfigChanges("/proc/atelier-test/atelier.conf", {{"lang", "en"}});
  ASSERT_FALSE(in_proc.ok());
  EXPECT_NE(in_proc.error().message.find("Le réglage n'a pas pu être enregistré"), std::string::npos);

  fs::path dir = FreshDir("folder-in-the-way");
  fs::create_directories(dir / "atelier.conf");
  core::Status in_the_way = SaveConfigChanges(dir / "atelier.conf", {{"lang", "en"}});
  ASSERT_FALSE(in_the_way.ok());
  EXPECT_TRUE(fs::is_directory(dir / "atelier.conf"));
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1) << "a temporary file was left behind";
}

}  // namespace
}  // namespace atelier::platform
