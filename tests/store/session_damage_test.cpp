// When things go wrong: damaged, foreign, empty and newer files give a clear message (or open
// read-only) and are never modified by a failed open; a really full disk (a small tmpfs, when
// this machine lets us mount one) loses no event.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>

#include "store/session_file.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using namespace testing;

std::string MakeGoodSession(const TempDir& dir, int commands) {
  fs::path p = dir / "good.atelier";
  {
    auto o = SessionFile::Open(p, NewSession{.title = "Bon", .map_template = TestTemplate(), .created_ms = 1});
    EXPECT_TRUE(o);
    core::ManualClock clock;
    core::Session s(o.session->board(), *o.session, clock, 1);
    RandomWorkshop(s, clock, commands, 11);
  }
  EXPECT_FALSE(fs::exists(p.string() + "-wal"));  // checkpointed on close
  return ReadAll(p);
}

struct Outcome {
  bool opened_rw = false, opened_ro = false;
};

// Opens the bytes both ways and checks the promises; returns what happened.
Outcome TryOpen(const TempDir& dir, const std::string& bytes, const std::string& label) {
  fs::path p = dir / "case.atelier";
  std::error_code ec;
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(p.string() + s, ec);
  WriteAll(p, bytes);
  Outcome out;
  {
    auto ro = SessionFile::OpenReadOnly(p);
    if (ro) {
      out.opened_ro = true;
      auto l = ro.session->Load();  // may fail on a damaged file, must not crash
      (void)l;
    } else {
      EXPECT_FALSE(ro.message.en.empty()) << label;
      EXPECT_FALSE(ro.message.fr.empty()) << label;
      EXPECT_NE(ro.message.en.find(p.string()), std::string::npos) << label << ": " << ro.message.en;
    }
  }
  EXPECT_EQ(ReadAll(p), bytes) << label << ": a read-only open changed the file";
  {
    auto rw = SessionFile::Open(p, NewSession{.title = "x", .map_template = TestTemplate()});
    if (rw && !rw.session->read_only()) {
      out.opened_rw = true;
    } else {
      if (!rw) {
        EXPECT_FALSE(rw.message.fr.empty()) << label;
      } else {
        EXPECT_TRUE(rw.session->read_only());
      }
      rw.session.reset();
      EXPECT_EQ(ReadAll(p), bytes) << label << ": a failed open changed the file";
    }
  }
  return out;
}

TEST(SessionDamage, EmptyForeignAndNewerFiles) {
  TempDir dir;
  std::string good = MakeGoodSession(dir, 30);
  Outcome o = TryOpen(dir, "", "empty");
  EXPECT_FALSE(o.opened_ro || o.opened_rw);
  o = TryOpen(dir, "Bonjour, je suis un fichier texte.\n", "text");
  EXPECT_FALSE(o.opened_ro || o.opened_rw);
  {
    auto r = SessionFile::OpenReadOnly(dir / "case.atelier");
    EXPECT_NE(r.message.en.find("not an Atelier session"), std::string::npos) << r.message.en;
    EXPECT_EQ(r.message.fr, "Le fichier « case.atelier » n'est pas une session Atelier.");
  }
  // An SQLite database that is not a session.
  fs::path other = dir / "other.db";
  sqlite3* db = nullptr;
  sqlite3_open(other.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  o = TryOpen(dir, ReadAll(other), "other sqlite");
  EXPECT_FALSE(o.opened_ro || o.opened_rw);
  // A session from a newer Atelier opens read-only, with a notice.
  fs::path newer = dir / "newer.atelier";
  WriteAll(newer, good);
  sqlite3_open(newer.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::string newer_bytes = ReadAll(newer);
  auto rw = SessionFile::Open(newer, {});
  ASSERT_TRUE(rw) << rw.message.en;
  EXPECT_TRUE(rw.session->read_only());
  EXPECT_NE(rw.message.en.find("newer Atelier"), std::string::npos) << rw.message.en;
  EXPECT_NE(rw.message.fr.find("lecture seule"), std::string::npos);
  EXPECT_GT(rw.session->next_seq(), 1);
  rw.session.reset();
  EXPECT_EQ(ReadAll(newer), newer_bytes);
}

TEST(SessionDamage, TruncatedGarbageAndFlippedBytes) {
  TempDir dir(FastTemp());
  std::string good = MakeGoodSession(dir, 400);
  ASSERT_GT(good.size(), 20000u);
  // Truncation at many offsets.
  for (std::size_t cut : {std::size_t{1}, std::size_t{50}, std::size_t{99}, std::size_t{100}, std::size_t{512},
                          std::size_t{4095}, std::size_t{4096}, std::size_t{4097}})
    TryOpen(dir, good.substr(0, cut), "truncated at " + std::to_string(cut));
  for (std::size_t cut = 8192; cut < good.size(); cut += good.size() / 16)
    TryOpen(dir, good.substr(0, cut), "truncated at " + std::to_string(cut));
  // Garbage appended.
  TryOpen(dir, good + std::string(3000, '\xAB'), "garbage appended");
  TryOpen(dir, good + "PK\x03\x04 zip?", "garbage appended");
  // Bytes flipped: in the header, then at random places.
  std::mt19937 rng(5);
  for (int trial = 0; trial < 30; ++trial) {
    std::string bad = good;
    std::size_t at = trial < 6 ? static_cast<std::size_t>(trial * 17) : rng() % bad.size();
    int n = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n && at + k < bad.size(); ++k) bad[at + k] = static_cast<char>(bad[at + k] ^ (1 + rng() % 255));
    TryOpen(dir, bad, "flipped at " + std::to_string(at));
  }
}

TEST(SessionDamage, TruncatedSessionIsRefusedWithAClearMessage) {
  TempDir dir;
  std::string good = MakeGoodSession(dir, 30);
  fs::path p = dir / "half.atelier";
  WriteAll(p, good.substr(0, 50));
  auto r = SessionFile::OpenReadOnly(p);
  ASSERT_FALSE(r);
  EXPECT_NE(r.message.en.find(p.string() + ": "), std::string::npos);
  EXPECT_EQ(ReadAll(p), good.substr(0, 50));
}

// A tmpfs mounted for the test: a real "disk full". Skipped where mounting is not allowed.
struct SmallDisk {
  TempDir dir;
  bool mounted = false;
  explicit SmallDisk(const char* size) {
    mounted = mount("tmpfs", dir.path.c_str(), "tmpfs", 0, (std::string("size=") + size).c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted) umount2(dir.path.c_str(), MNT_DETACH);
  }
};

TEST(SessionDamage, RealFullDiskLosesNoEvent) {
  SmallDisk disk("512k");
  if (!disk.mounted) GTEST_SKIP() << "cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)";
  fs::path filler = disk.dir / "filler";
  WriteAll(filler, std::string(300 * 1024, 'x'));
  fs::path p = disk.dir / "s.atelier";
  auto o = SessionFile::Open(p, NewSession{.title = "Plein", .map_template = TestTemplate()});
  ASSERT_TRUE(o) << o.message.en;
  core::ManualClock clock;
  core::Session s(o.session->board(), *o.session, clock, 1);
  const std::string long_text(190, 'a');
  int added = 0;
  while (o.session->healthy() && added < 5000) {
    clock.Advance(10);
    ASSERT_TRUE(s.Submit(core::AddCard{long_text + std::to_string(added), "yellow", {0.5f, 0.5f}}).ok());
    ++added;
  }
  ASSERT_FALSE(o.session->healthy()) << "the disk never filled";
  EXPECT_GT(o.session->written_events(), 3) << "the disk filled before the session started";
  std::printf("disk full after %d cards, %lld written\n", added, static_cast<long long>(o.session->written_events()));
  EXPECT_NE(o.session->problem().find("le disque est plein"), std::string::npos) << o.session->problem();
  for (int i = 0; i < 5; ++i) {  // the board keeps working, events wait in memory
    clock.Advance(10);
    ASSERT_TRUE(s.Submit(core::MoveCard{1, {0.1f * i, 0.5f}}).ok());
  }
  EXPECT_FALSE(o.session->Retry());
  fs::remove(filler);
  EXPECT_TRUE(o.session->Retry()) << o.session->problem();
  EXPECT_TRUE(o.session->healthy());
  o.session.reset();
  auto r = SessionFile::OpenReadOnly(p);
  ASSERT_TRUE(r);
  auto l = r.session->Load();
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(static_cast<std::int64_t>(l->events.size()), s.events_so_far());
  for (std::size_t i = 0; i < l->events.size(); ++i) EXPECT_EQ(l->events[i].seq, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(l->board, s.board());
}

}  // namespace
}  // namespace atelier::store
