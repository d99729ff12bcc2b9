// What happens when the kiosk's own files are broken: a clear French screen and message, an
// exit code, never a crash.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;

// A copy of the data folder (assets, shaders) to break.
fs::path CopyOfData(const fs::path& dir) {
  fs::path data = dir / "data";
  fs::create_directories(data);
  fs::copy(fs::path(ATELIER_SOURCE_DIR) / "assets", data / "assets", fs::copy_options::recursive);
  fs::copy(fs::path(ATELIER_SOURCE_DIR) / "shaders", data / "shaders", fs::copy_options::recursive);
  return data;
}

TEST(Startup, AShaderThatDoesNotCompileIsNamedWithItsLine) {
  auto dir = FreshDir("run");
  fs::path data = CopyOfData(dir);
  {
    std::ofstream frag(data / "shaders" / "quad.frag", std::ios::app);
    frag << "\nthis is not GLSL;\n";
  }
  auto script = WriteScript(dir, "quit.jsonl", {{{"t", 100}, {"quit", true}}});
  auto run = RunAtelier({"--size", "1280x720", "--session", (dir / "s.atelier").string(), "--input-script",
                         script.string(), "--screenshot", (dir / "shot.png").string()},
                        60, {"ATELIER_DATA_DIR=" + data.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find("quad.frag"), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("line"), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("Le dessin de la carte est impossible"), std::string::npos) << run.stderr_text;
  Png shot = ReadPng(dir / "shot.png");  // the French explanation was on screen
  ASSERT_EQ(shot.width, 1280);
}

TEST(Startup, AMissingShaderFileIsNamed) {
  auto dir = FreshDir("run");
  fs::path data = CopyOfData(dir);
  fs::remove(data / "shaders" / "quad.vert");
  auto script = WriteScript(dir, "quit.jsonl", {{{"t", 100}, {"quit", true}}});
  auto run = RunAtelier({"--size", "1280x720", "--session", (dir / "s.atelier").string(), "--input-script",
                         script.string()},
                        60, {"ATELIER_DATA_DIR=" + data.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find("quad.vert"), std::string::npos) << run.stderr_text;
}

TEST(Startup, NoDisplayIsAClearMessage) {
  auto run = RunAtelier({"--size", "1280x720"}, 30, {"DISPLAY=:31999"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find("Aucun écran"), std::string::npos) << run.stderr_text;
}

TEST(Startup, AConfigLineItDoesNotKnowIsReportedNotFatal) {
  auto dir = FreshDir("run");
  fs::create_directories(dir / "config" / "atelier");
  std::ofstream(dir / "config" / "atelier" / "atelier.conf") << "# test\nlang = en\nui_scale = grand\ncolour = red\n";
  auto script = WriteScript(dir, "s.jsonl", {{{"t", 300}, {"tap", {{"label", "Add a card"}}}},
                                             {{"t", 600}, {"text", "Config"}},
                                             {{"t", 800}, {"tap", {{"label", "Done"}}}},
                                             {{"t", 1000}, {"quit", true}}});
  auto run = RunAtelier({"--size", "1280x720", "--session", (dir / "s.atelier").string(), "--input-script",
                         script.string(), "--dump-board", (dir / "board.json").string()},
                        60, {"XDG_CONFIG_HOME=" + (dir / "config").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("atelier.conf:3"), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("atelier.conf:4"), std::string::npos) << run.stderr_text;
  nlohmann::json board = ReadJson(dir / "board.json");
  EXPECT_NE(CardWithText(board, "Config"), nullptr) << board.dump(2);  // lang = en was applied
}

}  // namespace
}  // namespace atelier::e2e
