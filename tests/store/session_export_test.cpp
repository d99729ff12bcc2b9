// Exports: JSON Lines round trip, CSV quoting and formula neutralisation, board JSON, info.
#include "store/session_export.h"

#include <gtest/gtest.h>

#include <sstream>

#include "store/wall_time.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using namespace testing;

fs::path MakeSession(const TempDir& dir, int commands, unsigned seed) {
  fs::path p = dir / "s.atelier";
  auto o = SessionFile::Open(p, NewSession{.title = "Atelier « numérique », 16/11",
                                           .map_template = TestTemplate(),
                                           .created_ms = *ParseIsoUtc("2026-11-16T13:05:00Z"),
                                           .time_zone = "Europe/Paris",
                                           .utc_offset_minutes = 60});
  EXPECT_TRUE(o);
  core::ManualClock clock;
  core::Session s(o.session->board(), *o.session, clock, 1);
  RandomWorkshop(s, clock, commands, seed);
  return p;
}

LoadedSession Load(const fs::path& p) {
  auto o = SessionFile::OpenReadOnly(p);
  EXPECT_TRUE(o) << o.message.en;
  auto l = o.session->Load();
  EXPECT_TRUE(l.ok());
  return *l;
}

TEST(SessionExport, JsonLinesRoundTrip) {
  TempDir dir(FastTemp());
  fs::path p = MakeSession(dir, 500, 7);
  {
    auto o = SessionFile::Open(p, {});
    ASSERT_TRUE(o);
    ASSERT_TRUE(o.session->End(*ParseIsoUtc("2026-11-16T16:00:00Z")).ok());
  }
  LoadedSession original = Load(p);
  std::string jsonl = ToJsonLines(original);
  auto first = jsonl.substr(0, jsonl.find('\n'));
  EXPECT_NE(first.find("\"format\":\"atelier-session\""), std::string::npos);
  EXPECT_NE(first.find("\"started_at\":\"2026-11-16T13:05:00.000Z\""), std::string::npos);
  ASSERT_TRUE(WriteTextFile(dir / "s.jsonl", jsonl).ok());
  ASSERT_TRUE(ImportJsonLines(dir / "s.jsonl", dir / "copy.atelier").ok());
  LoadedSession copy = Load(dir / "copy.atelier");
  EXPECT_EQ(copy.events, original.events);
  EXPECT_EQ(copy.board, original.board);
  EXPECT_EQ(copy.meta, original.meta);
  EXPECT_EQ(ToJsonLines(copy), jsonl);
  // Seeking in the copy uses its snapshots and agrees.
  auto o = SessionFile::OpenReadOnly(dir / "copy.atelier");
  core::Board folded(TestTemplate());
  for (const auto& e : original.events)
    if (e.seq <= 321) folded.Apply(e);
  EXPECT_EQ(*o.session->BoardAt(321), folded);
  // Never overwrites.
  EXPECT_FALSE(ImportJsonLines(dir / "s.jsonl", dir / "copy.atelier").ok());
}

TEST(SessionExport, JsonLinesErrorsNameTheLine) {
  std::istringstream bad1("{\"format\":\"other\"}\n");
  auto r = FromJsonLines(bad1, "x.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("x.jsonl:1: not an Atelier session export", 0), 0u);
  TempDir dir;
  LoadedSession s = Load(MakeSession(dir, 5, 1));
  std::string text = ToJsonLines(s) + "{\"seq\": 99}\n";
  std::istringstream bad2(text);
  r = FromJsonLines(bad2, "x.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("x.jsonl:" + std::to_string(s.events.size() + 2) + ":"), std::string::npos)
      << r.error().message;
}

TEST(SessionExport, CsvCells) {
  EXPECT_EQ(CsvCell("HelloAsso"), "HelloAsso");
  EXPECT_EQ(CsvCell("a, b"), "\"a, b\"");
  EXPECT_EQ(CsvCell("dit \"non\""), "\"dit \"\"non\"\"\"");
  EXPECT_EQ(CsvCell("ligne\nsuivante"), "\"ligne\nsuivante\"");
  EXPECT_EQ(CsvCell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
  EXPECT_EQ(CsvCell("+33 6"), "'+33 6");
  EXPECT_EQ(CsvCell("-1"), "'-1");
  EXPECT_EQ(CsvCell("@cmd"), "'@cmd");
  EXPECT_EQ(CsvCell("\tx"), "'\tx");
  EXPECT_EQ(CsvCell("\rx"), "\"'\rx\"");
  EXPECT_EQ(CsvCell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(CsvCell("-0.5", false), "-0.5");
  EXPECT_EQ(CsvCell("Café « associatif »"), "Café « associatif »");
}

TEST(SessionExport, CsvOfCards) {
  TempDir dir;
  fs::path p = dir / "s.atelier";
  {
    auto o = SessionFile::Open(p, NewSession{.title = "T", .map_template = TestTemplate(),
                                             .created_ms = *ParseIsoUtc("2026-11-16T13:05:00Z"),
                                             .time_zone = "Europe/Paris", .utc_offset_minutes = 60});
    core::ManualClock clock(61000);
    core::Session s(o.session->board(), *o.session, clock, 1);
    ASSERT_TRUE(s.Submit(core::AddCard{"=1+1, \"oui\"", "pink", {0.25f, 0.1f}}).ok());
    clock.Set(125000);
    ASSERT_TRUE(s.Submit(core::AddCard{"Facebook", "blue", {0.5f, 0.75f}}).ok());
    ASSERT_TRUE(s.Submit(core::AddCard{"Jetée", "grey", {0.5f, 0.75f}}).ok());
    ASSERT_TRUE(s.Submit(core::DeleteCard{3}).ok());
  }
  std::string csv = ToCsv(Load(p), "fr");
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFid,texte,couleur,zone,impact,x,y,votes,créée,modifiée\r\n", 0), 0u);
  EXPECT_NE(csv.find("\r\n1,\"'=1+1, \"\"oui\"\"\",rose,En haut,0.80,0.2500,0.1000,0,2026-11-16T14:06:01+01:00,"
                     "2026-11-16T14:06:01+01:00\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\n2,Facebook,bleu,En bas,-0.50,0.5000,0.7500,0,2026-11-16T14:07:05+01:00,"), std::string::npos)
      << csv;
  EXPECT_EQ(csv.find("Jetée"), std::string::npos);  // binned cards are not on the board
  std::string en = ToCsv(Load(p), "en");
  EXPECT_NE(en.find(",pink,Top,"), std::string::npos);
}

TEST(SessionExport, BoardJsonAndInfo) {
  TempDir dir;
  LoadedSession s = Load(MakeSession(dir, 40, 3));
  auto board = nlohmann::json::parse(ToBoardJson(s));
  EXPECT_EQ(board["session"], "Atelier « numérique », 16/11");
  EXPECT_EQ(board["template"], "test");
  EXPECT_EQ(board["cards"].size(), s.board.cards().size());
  if (!board["cards"].empty()) {
    EXPECT_TRUE(board["cards"][0].contains("created_at"));
  }
  auto info = InfoJson(s);
  EXPECT_EQ(info["events"], s.events.size());
  EXPECT_EQ(info["cards"], s.board.cards().size());
  EXPECT_EQ(info["format_version"], 1);
  EXPECT_EQ(info["started_at"], "2026-11-16T14:05:00+01:00");
  int sum = info["cards_outside_zones"].get<int>();
  for (const auto& z : info["cards_per_zone"]) sum += z["cards"].get<int>();
  EXPECT_EQ(sum, static_cast<int>(s.board.cards().size()));
  std::string text = InfoText(s);
  EXPECT_NE(text.find("title: Atelier « numérique », 16/11\n"), std::string::npos);
  EXPECT_NE(text.find("events: " + std::to_string(s.events.size())), std::string::npos);
  EXPECT_NE(text.find("  Top: "), std::string::npos);
  EXPECT_NE(text.find("format version: 1"), std::string::npos);
}

}  // namespace
}  // namespace atelier::store
