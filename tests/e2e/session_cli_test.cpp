// The command-line tools on a session the real kiosk recorded: export to JSON Lines, CSV and
// JSON, import back into an identical session, info.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> EventLines(const std::string& jsonl) {  // all but the header line
  std::vector<std::string> out;
  std::istringstream in(jsonl);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

TEST(SessionCli, ExportImportAndInfoOnARecordedSession) {
  auto dir = FreshDir("run");
  fs::path session = dir / "cli.atelier";
  const std::string tricky = "Lettre, « info » \"mensuelle\"";
  auto script = WriteScript(dir, "s.jsonl", {{{"t", 300}, {"tap", {{"label", "Ajouter une carte"}}}},
                                             {{"t", 600}, {"text", tricky}},
                                             {{"t", 700}, {"tap", {{"label", "vert"}}}},
                                             {{"t", 900}, {"tap", {{"label", "Valider"}}}},
                                             {{"t", 1200}, {"drag", {{"from", {{"card", tricky}}}, {"to", {{"map", {0.12, 0.2}}}}}}},
                                             {{"t", 2000}, {"tap", {{"label", "Ajouter une carte"}}}},
                                             {{"t", 2300}, {"text", "Canva"}},
                                             {{"t", 2500}, {"tap", {{"label", "Valider"}}}},
                                             {{"t", 2900}, {"quit", true}}});
  ASSERT_EQ(RunAtelier({"--size", "1280x720", "--session", session.string(), "--input-script", script.string()}).exit_code, 0);

  e2e::Run exported = RunAtelier({"export", session.string(), "--jsonl", (dir / "e.jsonl").string(), "--csv",
                                  (dir / "c.csv").string(), "--json", (dir / "b.json").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;

  std::string csv = ReadBytes(dir / "c.csv");
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(csv.find("\"Lettre, « info » \"\"mensuelle\"\"\""), std::string::npos) << csv;  // RFC 4180
  EXPECT_NE(csv.find("vert"), std::string::npos) << csv;                // French colour name
  EXPECT_NE(csv.find("Communication interne"), std::string::npos) << csv;  // its zone
  json board = ReadJson(dir / "b.json");
  EXPECT_EQ(board["cards"].size(), 2u) << board.dump(2);

  // Import rebuilds the same session: same events, same board.
  fs::path copy = dir / "copy.atelier";
  e2e::Run imported = RunAtelier({"import", (dir / "e.jsonl").string(), "--session", copy.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.stderr_text;
  ASSERT_EQ(RunAtelier({"export", copy.string(), "--jsonl", (dir / "again.jsonl").string(), "--json",
                        (dir / "again.json").string()})
                .exit_code,
            0);
  EXPECT_EQ(EventLines(ReadBytes(dir / "again.jsonl")), EventLines(ReadBytes(dir / "e.jsonl")));
  EXPECT_EQ(ReadJson(dir / "again.json")["cards"], board["cards"]);

  e2e::Run info = RunAtelier({"info", copy.string(), "--json"});
  ASSERT_EQ(info.exit_code, 0) << info.stderr_text;
  json about = json::parse(info.stdout_text, nullptr, false);
  EXPECT_EQ(about["cards"], 2) << about.dump(2);
  EXPECT_EQ(about["events"], 3) << about.dump(2);  // two cards added, one moved

  // Import never overwrites a session.
  e2e::Run again = RunAtelier({"import", (dir / "e.jsonl").string(), "--session", session.string()});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_FALSE(again.stderr_text.empty());
}

}  // namespace
}  // namespace atelier::e2e
