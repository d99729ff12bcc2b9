// Sessions on the kiosk end to end: the last unended session comes back after a restart, and
// the sessions screen starts, renames and exports sessions in the XDG data folder.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<fs::path> SessionFiles(const fs::path& data) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(data / "atelier" / "sessions", ec))
    if (e.path().extension() == ".atelier") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

json Info(const fs::path& session) {
  Run run = RunAtelier({"info", session.string(), "--json"});
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  return json::parse(run.stdout_text, nullptr, false);
}

TEST(Sessions, ARestartReopensTheLastSessionWithItsCards) {
  auto dir = FreshDir("run");
  std::vector<std::string> env{"XDG_DATA_HOME=" + (dir / "data").string()};
  auto add = WriteScript(dir, "add.jsonl", {{{"t", 300}, {"tap", {{"label", "Ajouter une carte"}}}},
                                            {{"t", 700}, {"text", "HelloAsso"}},
                                            {{"t", 900}, {"tap", {{"label", "Valider"}}}},
                                            {{"t", 1300}, {"quit", true}}});
  ASSERT_EQ(RunAtelier({"--size", "1280x720", "--input-script", add.string()}, 120, env).exit_code, 0);
  auto look = WriteScript(dir, "look.jsonl", {{{"t", 300}, {"quit", true}}});
  e2e::Run second = RunAtelier({"--size", "1280x720", "--input-script", look.string(), "--dump-board",
                           (dir / "board.json").string()},
                          120, env);
  ASSERT_EQ(second.exit_code, 0) << second.stderr_text;
  json board = ReadJson(dir / "board.json");
  EXPECT_NE(CardWithText(board, "HelloAsso"), nullptr) << board.dump(2);
  EXPECT_EQ(SessionFiles(dir / "data").size(), 1u);  // the same file, not a new one
}

TEST(Sessions, NewSessionWithATitleAndAMapThenRenameAndExport) {
  auto dir = FreshDir("run");
  std::vector<std::string> env{"XDG_DATA_HOME=" + (dir / "data").string()};
  std::vector<json> s = {
      {{"t", 300}, {"tap", {{"label", "Séances"}}}},
      {{"t", 700}, {"tap", {{"label", "Nouvelle séance"}}}},
      {{"t", 1000}, {"text", "Atelier « numérique » — 16/11"}},
      {{"t", 1200}, {"tap", {{"label", "Valider"}}}},
      {{"t", 1500}, {"tap", {{"label", "Tableau libre"}}}},
      {{"t", 1900}, {"tap", {{"label", "Ajouter une carte"}}}},
      {{"t", 2200}, {"text", "=SOMME(A1:A9)"}},  // a formula must not reach a spreadsheet
      {{"t", 2400}, {"tap", {{"label", "Valider"}}}},
      {{"t", 2800}, {"tap", {{"label", "Séances"}}}},
      {{"t", 3200}, {"screenshot", (dir / "list.png").string()}},
      {{"t", 3300}, {"tap", {{"label", "Renommer"}}}},
      {{"t", 3600}, {"key", "end"}},
      {{"t", 3700}, {"text", " (matin)"}},
      {{"t", 3900}, {"key", "enter"}},
      {{"t", 4300}, {"tap", {{"label", "Exporter"}}}},
      {{"t", 4700}, {"tap", {{"label", "Retour au tableau"}}}},
      {{"t", 5100}, {"quit", true}},
  };
  auto script = WriteScript(dir, "new.jsonl", s);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--input-script", script.string()}, 120, env);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  std::vector<fs::path> files = SessionFiles(dir / "data");
  ASSERT_EQ(files.size(), 2u);  // the session the kiosk started with, and the new one
  fs::path fresh;
  for (const fs::path& f : files)
    if (f.filename().string().find("atelier-numerique-16-11") != std::string::npos) fresh = f;
  ASSERT_FALSE(fresh.empty()) << files[0] << " " << files[1];

  json info = Info(fresh);
  EXPECT_EQ(info["title"], "Atelier « numérique » — 16/11 (matin)") << info.dump(2);
  EXPECT_EQ(info["template"], "tableau-libre") << info.dump(2);
  EXPECT_EQ(info["cards"], 1) << info.dump(2);

  // "Exporter" on the first row (the newest session) wrote the spreadsheet beside it.
  fs::path csv = fs::path(fresh).replace_extension(".csv");
  std::ifstream in(csv, std::ios::binary);
  ASSERT_TRUE(in) << csv;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);  // UTF-8 BOM for Excel
  EXPECT_NE(text.find("'=SOMME(A1:A9)"), std::string::npos) << text;
  EXPECT_TRUE(fs::exists(fs::path(fresh).replace_extension(".json")));
}

TEST(Sessions, RevoirOpensTheReplayOfTheSessionInItsOwnWindow) {
  auto dir = FreshDir("run");
  auto script = WriteScript(dir, "revoir.jsonl", {{{"t", 300}, {"tap", {{"label", "Ajouter une carte"}}}},
                                                  {{"t", 600}, {"text", "Visio"}},
                                                  {{"t", 800}, {"tap", {{"label", "Valider"}}}},
                                                  {{"t", 1200}, {"tap", {{"label", "Séances"}}}},
                                                  {{"t", 1600}, {"tap", {{"label", "Revoir"}}}},
                                                  {{"t", 2000}, {"quit", true}}});
  e2e::Run kiosk = RunAtelier({"--size", "1280x720", "--session", (dir / "s.atelier").string(), "--input-script",
                               script.string()});
  ASSERT_EQ(kiosk.exit_code, 0) << kiosk.stderr_text;
  // The replay window shows up (it outlives the kiosk here); then it is closed.
  e2e::Run found = RunProgram({"xdotool", "search", "--sync", "--name", "revoir l'atelier"}, 60);
  ASSERT_EQ(found.exit_code, 0) << "no replay window appeared";
  std::string window = found.stdout_text.substr(0, found.stdout_text.find('\n'));
  e2e::Run pid = RunProgram({"xdotool", "getwindowpid", window});
  ASSERT_EQ(pid.exit_code, 0) << pid.stderr_text;
  EXPECT_EQ(RunProgram({"kill", pid.stdout_text.substr(0, pid.stdout_text.find('\n'))}).exit_code, 0);
}

}  // namespace
}  // namespace atelier::e2e
