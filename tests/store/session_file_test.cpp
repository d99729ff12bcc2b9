// The session file: schema, append and read back, snapshots that rebuild the exact board,
// read-only opening that never writes, write failures kept in memory and written later.
#include "store/session_file.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "store/board_snapshot.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using namespace testing;

NewSession Fixed(std::string title = "Atelier « numérique »") {
  return NewSession{.title = std::move(title),
                    .map_template = TestTemplate(),
                    .created_ms = 1'794'834'300'000,  // 2026-11-16T13:05:00Z
                    .time_zone = "Europe/Paris",
                    .utc_offset_minutes = 60};
}

std::vector<core::Event> Fold(const std::vector<core::Event>& events, std::int64_t upto, core::Board& board) {
  std::vector<core::Event> out;
  for (const auto& e : events)
    if (e.seq <= upto) board.Apply(e);
  return out;
}

TEST(SessionFile, CreatesSchemaAndMetadata) {
  TempDir dir;
  auto path = dir / "s.atelier";
  {
    auto o = SessionFile::Open(path, Fixed());
    ASSERT_TRUE(o) << o.message.en;
    EXPECT_FALSE(o.session->read_only());
    EXPECT_EQ(o.session->next_seq(), 1);
    EXPECT_EQ(o.session->meta().created_at, "2026-11-16T13:05:00.000Z");
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto one = [&](const char* sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    std::string v = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
    sqlite3_finalize(s);
    return v;
  };
  EXPECT_EQ(one("PRAGMA user_version"), "1");
  EXPECT_EQ(one("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(one("SELECT value FROM meta WHERE key='format'"), "atelier-session");
  EXPECT_EQ(one("SELECT value FROM meta WHERE key='title'"), "Atelier « numérique »");
  EXPECT_EQ(one("SELECT value FROM meta WHERE key='time_zone'"), "Europe/Paris");
  EXPECT_EQ(one("SELECT count(*) FROM sqlite_master WHERE name IN ('events','snapshots','meta')"), "3");
  sqlite3_close(db);
}

TEST(SessionFile, AppendReadBackAndReopen) {
  TempDir dir;
  auto path = dir / "s.atelier";
  std::vector<core::Event> events;
  core::Board expected;
  {
    auto o = SessionFile::Open(path, Fixed());
    ASSERT_TRUE(o);
    core::ManualClock clock;
    core::Session session(o.session->board(), *o.session, clock, o.session->next_seq());
    RandomWorkshop(session, clock, 50, 1);
    EXPECT_TRUE(o.session->healthy());
    EXPECT_EQ(o.session->written_events(), session.events_so_far());
    expected = session.board();
    EXPECT_EQ(o.session->board(), expected);
  }
  auto o = SessionFile::Open(path, Fixed("ignored"));
  ASSERT_TRUE(o) << o.message.en;
  EXPECT_EQ(o.session->meta().title, "Atelier « numérique »");
  EXPECT_EQ(o.session->board(), expected);
  auto loaded = o.session->Load();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->board, expected);
  ASSERT_EQ(static_cast<std::int64_t>(loaded->events.size()), o.session->next_seq() - 1);
  for (std::size_t i = 0; i < loaded->events.size(); ++i) EXPECT_EQ(loaded->events[i].seq, static_cast<std::int64_t>(i + 1));
  core::Board folded(TestTemplate());
  for (const auto& e : loaded->events) folded.Apply(e);
  EXPECT_EQ(folded, expected);
}

TEST(SessionFile, SnapshotPlusEventsEqualsFoldProperty) {
  for (unsigned seed = 1; seed <= 4; ++seed) {
    TempDir dir(FastTemp());  // thousands of fsyncs: on tmpfs when there is one
    auto path = dir / "s.atelier";
    auto o = SessionFile::Open(path, Fixed());
    ASSERT_TRUE(o);
    core::ManualClock clock;
    core::Session session(o.session->board(), *o.session, clock, 1);
    RandomWorkshop(session, clock, 900, seed);
    auto loaded = o.session->Load();
    ASSERT_TRUE(loaded.ok());
    std::vector<core::Event>& events = loaded->events;
    ASSERT_GT(events.size(), 2 * static_cast<std::size_t>(kSnapshotEvery));
    // Snapshots were written.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM snapshots", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_GE(sqlite3_column_int(st, 0), 3);
    sqlite3_finalize(st);
    sqlite3_close(db);
    // BoardAt(seq) (latest snapshot ≤ seq, then events) == fold of events 1..seq, for many seq.
    std::mt19937 rng(seed);
    std::vector<std::int64_t> points = {0, 1, kSnapshotEvery - 1, kSnapshotEvery, kSnapshotEvery + 1,
                                        static_cast<std::int64_t>(events.size())};
    for (int i = 0; i < 20; ++i) points.push_back(std::uniform_int_distribution<std::int64_t>(0, events.size())(rng));
    for (std::int64_t p : points) {
      core::Board folded(TestTemplate());
      Fold(events, p, folded);
      auto at = o.session->BoardAt(p);
      ASSERT_TRUE(at.ok()) << at.error().message;
      EXPECT_EQ(*at, folded) << "seed " << seed << " seq " << p;
      // And a snapshot of any board rebuilds it exactly (through text).
      auto again = BoardFromSnapshot(nlohmann::json::parse(SnapshotToJson(folded).dump()), TestTemplate());
      ASSERT_TRUE(again.ok());
      EXPECT_EQ(*again, folded);
    }
    EXPECT_EQ(loaded->board, session.board());
  }
}

TEST(SessionFile, ReadOnlyOpenNeverWritesAndSeesLiveWriter) {
  TempDir dir;
  auto path = dir / "s.atelier";
  auto w = SessionFile::Open(path, Fixed());
  ASSERT_TRUE(w);
  core::ManualClock clock;
  core::Session session(w.session->board(), *w.session, clock, 1);
  RandomWorkshop(session, clock, 30, 2);
  {
    auto r = SessionFile::OpenReadOnly(path);  // while the writer is open (events in the WAL)
    ASSERT_TRUE(r) << r.message.en;
    EXPECT_TRUE(r.session->read_only());
    EXPECT_EQ(r.session->board(), session.board());
    // Appending to a read-only session keeps the event and says so.
    r.session->Append(core::Event{.seq = 31, .t_ms = 1, .actor = core::Actor::Kiosk, .data = core::CardDeleted{1}});
    EXPECT_FALSE(r.session->healthy());
    EXPECT_NE(r.session->problem().find("lecture seule"), std::string::npos);
  }
  w.session.reset();
  const std::string before = ReadAll(path);
  {
    auto r = SessionFile::OpenReadOnly(path);
    ASSERT_TRUE(r) << r.message.en;
    EXPECT_EQ(r.session->board(), session.board());
    auto l = r.session->Load();
    ASSERT_TRUE(l.ok());
    EXPECT_EQ(static_cast<std::int64_t>(l->events.size()), session.events_so_far());
  }
  EXPECT_EQ(ReadAll(path), before);
}

TEST(SessionFile, EndAndRename) {
  TempDir dir;
  auto path = dir / "s.atelier";
  {
    auto o = SessionFile::Open(path, Fixed());
    ASSERT_TRUE(o);
    EXPECT_TRUE(o.session->Rename("Nouveau titre").ok());
    EXPECT_TRUE(o.session->End(1'795'360'000'000).ok());
  }
  auto r = SessionFile::OpenReadOnly(path);
  ASSERT_TRUE(r);
  EXPECT_EQ(r.session->meta().title, "Nouveau titre");
  EXPECT_EQ(r.session->meta().ended_ms, 1'795'360'000'000);
  EXPECT_FALSE(r.session->Rename("x").ok());
}

TEST(SessionFile, FullDiskKeepsEventsInMemoryAndWritesThemLater) {
  TempDir dir;
  auto path = dir / "s.atelier";
  auto o = SessionFile::Open(path, Fixed());
  ASSERT_TRUE(o);
  core::ManualClock clock;
  core::Session session(o.session->board(), *o.session, clock, 1);
  RandomWorkshop(session, clock, 20, 3);
  ASSERT_TRUE(o.session->healthy());
  o.session->LimitPagesForTesting(1);  // smaller than the file: every write is SQLITE_FULL
  RandomWorkshop(session, clock, 30, 4);
  EXPECT_FALSE(o.session->healthy());
  EXPECT_GT(o.session->pending_events(), 0u);
  EXPECT_EQ(o.session->problem().rfind("Impossible d'enregistrer sur le disque : le disque est plein.", 0), 0u)
      << o.session->problem();
  EXPECT_NE(o.session->problem().find("Les cartes restent en mémoire"), std::string::npos);
  EXPECT_EQ(o.session->board(), session.board());  // the board kept working
  EXPECT_FALSE(o.session->Retry());
  o.session->LimitPagesForTesting(1'000'000);
  EXPECT_TRUE(o.session->Retry());
  EXPECT_TRUE(o.session->healthy());
  EXPECT_EQ(o.session->problem(), "");
  RandomWorkshop(session, clock, 5, 5);
  EXPECT_TRUE(o.session->healthy());
  o.session.reset();
  auto r = SessionFile::OpenReadOnly(path);
  ASSERT_TRUE(r);
  auto l = r.session->Load();
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(static_cast<std::int64_t>(l->events.size()), session.events_so_far());
  for (std::size_t i = 0; i < l->events.size(); ++i) EXPECT_EQ(l->events[i].seq, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(l->board, session.board());
}

TEST(SessionFile, SecondWriterProcessIsRefusedReadersAreNot) {
  TempDir dir;
  auto path = dir / "s.atelier";
  auto o = SessionFile::Open(path, Fixed());
  ASSERT_TRUE(o);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // Child process: a second kiosk. Exit codes: 10 refused with the right message, 11 wrongly
    // opened, 12 reader failed.
    auto second = SessionFile::Open(path, Fixed());
    int code = 10;
    if (second) code = 11;
    else if (second.message.fr.find("déjà ouverte") == std::string::npos || second.message.en.find("in use") == std::string::npos)
      code = 13;
    auto reader = SessionFile::OpenReadOnly(path);
    if (!reader) code = 12;
    _exit(code);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 10);
  // Once the first one closes, a new writer may open it.
  o.session.reset();
  auto again = SessionFile::Open(path, Fixed());
  EXPECT_TRUE(again) << again.message.en;
}

}  // namespace
}  // namespace atelier::store
