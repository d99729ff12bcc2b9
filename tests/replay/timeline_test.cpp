// Seeking must be the same fold as the live board: for random sessions (thousands of valid
// events, deletes and restores included) and random moments, the board from the timeline and
// from the cursor equals folding every event up to that moment from the start.
#include "replay/timeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "replay_test_util.h"
#include "store/session_file.h"

namespace atelier::replay {
namespace {

using testing::FoldUpTo;
using testing::RandomSession;
using testing::TestTemplate;

TEST(Timeline, SeekEqualsTheFoldOfEveryEventUpToTRandomSessions) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    auto events = RandomSession({.events = 3000, .seed = seed, .max_gap_ms = seed % 2 ? 4000 : 3});
    Timeline timeline(TestTemplate(), events, {.min_snapshot_every = seed % 3 == 0 ? std::size_t{1} : std::size_t{64}});
    ASSERT_EQ(timeline.size(), 3000u);
    EXPECT_GT(timeline.snapshot_count(), 3u);
    Cursor cursor(timeline);
    std::mt19937 rng(seed * 7919);
    const std::int64_t end = timeline.duration_ms();
    std::uniform_int_distribution<std::int64_t> any(-1000, end + 1000);
    for (int i = 0; i < 150; ++i) {
      std::int64_t t = any(rng);
      if (i % 5 == 0) t = events[std::uniform_int_distribution<std::size_t>(0, events.size() - 1)(rng)].t_ms;
      if (i % 7 == 0) t += 1;  // just after an event too
      const core::Board expected = FoldUpTo(events, t);
      ASSERT_EQ(timeline.BoardAt(t), expected) << "seed " << seed << " t " << t;
      ASSERT_EQ(cursor.Seek(t), expected) << "cursor, seed " << seed << " t " << t;
    }
  }
}

TEST(Timeline, CursorPlayingForwardInSmallStepsStaysEqualToTheFold) {
  auto events = RandomSession({.events = 2000, .seed = 42, .max_gap_ms = 800});
  Timeline timeline(TestTemplate(), events);
  Cursor cursor(timeline);
  const std::int64_t end = timeline.duration_ms();
  for (std::int64_t t = 0; t <= end + 16 * 60; t += 16 * 60) {  // 60× at 16 ms frames
    ASSERT_EQ(cursor.Seek(t), FoldUpTo(events, t)) << t;
  }
  EXPECT_EQ(cursor.count(), events.size());
  EXPECT_EQ(cursor.board().cards(), timeline.BoardAfter(events.size()).cards());
}

TEST(Timeline, EmptySessionIsAnEmptyBoardAtEveryTime) {
  Timeline timeline(TestTemplate());
  EXPECT_TRUE(timeline.empty());
  EXPECT_EQ(timeline.duration_ms(), 0);
  EXPECT_EQ(timeline.BoardAt(12345), core::Board(TestTemplate()));
  EXPECT_FALSE(timeline.NextEventTime(0));
  EXPECT_FALSE(timeline.PreviousEventTime(100));
  EXPECT_TRUE(timeline.ChangesBetween(-1, 100).empty());
  EXPECT_TRUE(timeline.phases().empty());
}

TEST(Timeline, AppendedEventsSeekLikeEventsReadAtOnce) {
  auto events = RandomSession({.events = 1500, .seed = 9});
  Timeline whole(TestTemplate(), events, {.min_snapshot_every = 50});
  Timeline grown(TestTemplate(), {events.begin(), events.begin() + 700}, {.min_snapshot_every = 50});
  Cursor cursor(grown);
  cursor.Seek(grown.duration_ms());
  grown.Append({events.begin() + 700, events.end()});
  ASSERT_EQ(grown.times(), whole.times());
  for (std::int64_t t : {std::int64_t{0}, events[699].t_ms, events[700].t_ms, events[1200].t_ms, whole.duration_ms()}) {
    EXPECT_EQ(grown.BoardAt(t), whole.BoardAt(t)) << t;
    EXPECT_EQ(cursor.Seek(t), whole.BoardAt(t)) << t;
  }
}

TEST(Timeline, EventsStampedEarlierThanTheOneBeforeCountAtThatOnesTime) {
  core::Template tmpl = TestTemplate();
  std::vector<core::Event> events{
      {1, 1000, core::Actor::Kiosk, core::CardAdded{1, "A", "yellow", {0.5f, 0.5f}}},
      {2, 400, core::Actor::Kiosk, core::CardAdded{2, "B", "blue", {0.2f, 0.5f}}},  // clock went back
      {3, 2000, core::Actor::Kiosk, core::CardMoved{1, {0.5f, 0.5f}, {0.7f, 0.2f}}},
  };
  Timeline timeline(tmpl, events);
  EXPECT_EQ(timeline.TimeOf(1), 1000);
  EXPECT_EQ(timeline.BoardAt(500).cards().size(), 0u);  // a prefix, never event 2 without event 1
  EXPECT_EQ(timeline.BoardAt(1000).cards().size(), 2u);
}

TEST(Timeline, PreviousAndNextEventTimes) {
  std::vector<core::Event> events{
      {1, 1000, core::Actor::Kiosk, core::CardAdded{1, "A", "yellow", {0.5f, 0.5f}}},
      {2, 1000, core::Actor::Kiosk, core::CardAdded{2, "B", "blue", {0.2f, 0.5f}}},
      {3, 5000, core::Actor::Kiosk, core::CardDeleted{1}},
  };
  Timeline timeline(TestTemplate(), events);
  EXPECT_EQ(timeline.NextEventTime(0), 1000);
  EXPECT_EQ(timeline.NextEventTime(1000), 5000);
  EXPECT_FALSE(timeline.NextEventTime(5000));
  EXPECT_EQ(timeline.PreviousEventTime(5000), 1000);
  EXPECT_FALSE(timeline.PreviousEventTime(1000));
  EXPECT_EQ(timeline.CountAt(999), 0u);
  EXPECT_EQ(timeline.CountAt(1000), 2u);
  EXPECT_EQ(timeline.duration_ms(), 5000);
}

TEST(Timeline, ChangesSayWhatHappenedToEachCardAndWhereAMovedCardCameFrom) {
  std::vector<core::Event> events{
      {1, 100, core::Actor::Kiosk, core::CardAdded{1, "A", "yellow", {0.5f, 0.5f}}},
      {2, 200, core::Actor::Kiosk, core::CardAdded{2, "B", "blue", {0.2f, 0.5f}}},
      {3, 1000, core::Actor::Kiosk, core::CardMoved{1, {0.5f, 0.5f}, {0.6f, 0.5f}}},
      {4, 1200, core::Actor::Kiosk, core::CardMoved{1, {0.6f, 0.5f}, {0.7f, 0.2f}}},
      {5, 1300, core::Actor::Kiosk, core::CardEdited{2, "B", "blue", "Bé", "blue"}},
      {6, 1400, core::Actor::Kiosk, core::CardDeleted{2}},
      {7, 3000, core::Actor::Kiosk, core::CardRestored{2}},
  };
  Timeline timeline(TestTemplate(), events);
  auto changes = timeline.ChangesBetween(1400 - 1500, 1400);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].card, 1);
  EXPECT_EQ(changes[0].kind, ChangeKind::Moved);
  EXPECT_EQ(changes[0].t_ms, 1200);
  ASSERT_TRUE(changes[0].came_from);
  EXPECT_EQ(*changes[0].came_from, (core::MapPoint{0.5f, 0.5f}));  // before its first move in the stretch
  EXPECT_EQ(changes[1].card, 2);
  EXPECT_EQ(changes[1].kind, ChangeKind::Deleted);
  EXPECT_FALSE(changes[1].came_from);

  auto later = timeline.ChangesBetween(3000 - 1500, 3000);
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].kind, ChangeKind::Restored);
  EXPECT_TRUE(timeline.ChangesBetween(1400, 2999).empty());
}

// The same, with the events coming from a real session file read back read-only.
TEST(Timeline, SeekOnASessionFileEqualsTheFileBoardsAndTheFold) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("atelier-replay-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path path = dir / "seek.atelier";
  fs::remove(path);
  std::vector<core::Event> events;
  {
    auto opened = store::SessionFile::Open(path, {.title = "Essai", .map_template = TestTemplate(), .created_ms = 1});
    ASSERT_TRUE(opened) << opened.message.en;
    events = RandomSession({.events = 900, .seed = 5}, opened.session.get());
  }
  auto read = store::SessionFile::OpenReadOnly(path);
  ASSERT_TRUE(read) << read.message.en;
  auto loaded = read.session->Load();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->events, events);
  Timeline timeline(loaded->meta.map_template, loaded->events);
  std::mt19937 rng(3);
  for (int i = 0; i < 40; ++i) {
    std::size_t n = std::uniform_int_distribution<std::size_t>(0, events.size() - 1)(rng);
    std::int64_t t = events[n].t_ms;
    std::size_t count = timeline.CountAt(t);
    auto from_file = read.session->BoardAt(events[count - 1].seq);
    ASSERT_TRUE(from_file.ok());
    EXPECT_EQ(timeline.BoardAt(t), *from_file) << t;
    EXPECT_EQ(timeline.BoardAt(t), FoldUpTo(events, t)) << t;
  }
  EXPECT_EQ(timeline.BoardAt(timeline.duration_ms()), loaded->board);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace atelier::replay
