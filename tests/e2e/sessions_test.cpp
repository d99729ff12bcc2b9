// Sessions on the kiosk end to end: the last unended session comes back after a restart, and
// the sessions screen starts, renames and exports sessions in the XDG data folder.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_support.h"
#include "facilitator_support.h"

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
  std::vector<std::string> env{"XDG_DATA_HOME=" + (dir / "data").string(), ConfigWithPin()};
  // The sessions screen is behind the facilitator's PIN (corner press, PIN, panel → Séance).
  std::vector<json> s;
  int t = OpenSessionsScreenLines(s, 300);
  for (json line : std::vector<json>{
           {{"t", 0}, {"tap", {{"label", "Nouvelle séance"}}}},
           {{"t", 300}, {"text", "Atelier « numérique » — 16/11"}},
           {{"t", 500}, {"tap", {{"label", "Valider"}}}},
           {{"t", 800}, {"tap", {{"label", "Tableau libre"}}}},
           {{"t", 1200}, {"tap", {{"label", "Ajouter une carte"}}}},
           {{"t", 1500}, {"text", "=SOMME(A1:A9)"}},  // a formula must not reach a spreadsheet
           {{"t", 1700}, {"tap", {{"label", "Valider"}}}},
       }) {
    line["t"] = t + line["t"].get<int>();
    s.push_back(line);
  }
  t = OpenSessionsScreenLines(s, t + 2100);
  for (json line : std::vector<json>{
           {{"t", 0}, {"screenshot", (dir / "list.png").string()}},
           {{"t", 100}, {"tap", {{"label", "Renommer"}}}},
           {{"t", 400}, {"key", "end"}},
           {{"t", 500}, {"text", " (matin)"}},
           {{"t", 700}, {"key", "enter"}},
           {{"t", 1100}, {"tap", {{"label", "Exporter"}}}},
           {{"t", 1500}, {"tap", {{"label", "Retour au tableau"}}}},
           {{"t", 1900}, {"quit", true}},
       }) {
    line["t"] = t + line["t"].get<int>();
    s.push_back(line);
  }
  auto script = WriteScript(dir, "new.jsonl", s);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--input-script", script.string()}, 240, env);
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
  std::vector<json> lines{{{"t", 300}, {"tap", {{"label", "Ajouter une carte"}}}},
                          {{"t", 600}, {"text", "Visio"}},
                          {{"t", 800}, {"tap", {{"label", "Valider"}}}}};
  int t = OpenSessionsScreenLines(lines, 1200);  // behind the facilitator's PIN
  lines.push_back({{"t", t}, {"tap", {{"label", "Revoir"}}}});
  lines.push_back({{"t", t + 400}, {"quit", true}});
  auto script = WriteScript(dir, "revoir.jsonl", lines);
  e2e::Run kiosk = RunAtelier({"--size", "1280x720", "--session", (dir / "s.atelier").string(), "--input-script",
                               script.string()},
                              120, {ConfigWithPin()});
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
