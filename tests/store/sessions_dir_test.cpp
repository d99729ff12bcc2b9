// Session file names and the sessions folder listing.
#include "store/sessions_dir.h"

#include <gtest/gtest.h>

#include "store/session_file.h"
#include "store/wall_time.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using namespace testing;

TEST(SessionsDir, SlugsAndFileNames) {
  EXPECT_EQ(Slugify("Atelier « numérique » — 16/11"), "atelier-numerique-16-11");
  EXPECT_EQ(Slugify("  Œuvre d'été à Noël, ÇA VA ?  "), "oeuvre-d-ete-a-noel-ca-va");
  EXPECT_EQ(Slugify("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(Slugify("🙂 — …"), "session");
  EXPECT_EQ(Slugify(std::string(100, 'a')).size(), 60u);
  auto ms = ParseIsoUtc("2026-11-16T13:05:42.000Z");
  ASSERT_TRUE(ms);
  EXPECT_EQ(SessionFileName("Atelier « numérique » — 16/11", *ms, 60), "2026-11-16_14-05_atelier-numerique-16-11.atelier");
}

TEST(SessionsDir, DefaultDirFollowsXdg) {
  const char* old = std::getenv("XDG_DATA_HOME");
  std::string saved = old ? old : "";
  setenv("XDG_DATA_HOME", "/srv/data", 1);
  EXPECT_EQ(DefaultSessionsDir(), fs::path("/srv/data/atelier/sessions"));
  unsetenv("XDG_DATA_HOME");
  setenv("HOME", "/home/anim", 1);
  EXPECT_EQ(DefaultSessionsDir(), fs::path("/home/anim/.local/share/atelier/sessions"));
  if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1);
}

TEST(SessionsDir, ListAndLastUnended) {
  TempDir dir;
  const std::int64_t t0 = *ParseIsoUtc("2026-11-16T08:00:00Z");
  auto make = [&](std::string title, std::int64_t at, int cards, bool ended) {
    fs::path p = NewSessionPath(dir.path, title, at, 60);
    auto o = SessionFile::Open(p, NewSession{.title = title, .map_template = TestTemplate(), .created_ms = at,
                                             .time_zone = "Europe/Paris", .utc_offset_minutes = 60});
    EXPECT_TRUE(o);
    core::ManualClock clock;
    core::Session s(o.session->board(), *o.session, clock, 1);
    for (int i = 0; i < cards; ++i) {
      clock.Advance(60000);
      (void)s.Submit(core::AddCard{"carte " + std::to_string(i), "yellow", {0.5f, 0.5f}});
    }
    if (ended) {
      EXPECT_TRUE(o.session->End(at + 3600000).ok());
    }
    return p;
  };
  make("Matin", t0, 3, true);
  fs::path afternoon = make("Après-midi", t0 + 5 * 3600000, 2, false);
  WriteAll(dir / "junk.atelier", "not a session");
  auto list = ListSessions(dir.path);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].title, "Après-midi");
  EXPECT_EQ(list[0].cards, 2);
  EXPECT_EQ(list[0].duration_ms, 120000);
  EXPECT_FALSE(list[0].ended);
  EXPECT_EQ(list[1].title, "Matin");
  EXPECT_TRUE(list[1].ended);
  EXPECT_EQ(LastUnendedSession(dir.path), afternoon);
  // Same title, same minute: a distinct name.
  EXPECT_NE(NewSessionPath(dir.path, "Après-midi", t0 + 5 * 3600000, 60), afternoon);
  make("Soir", t0 + 10 * 3600000, 1, true);
  EXPECT_EQ(LastUnendedSession(dir.path), std::nullopt);
}

}  // namespace
}  // namespace atelier::store
