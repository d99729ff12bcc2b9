// Gesture recognition with synthetic pointer streams: taps, drags (several at once), long
// presses, a second finger on a held card, a card deleted mid-drag.
#include <gtest/gtest.h>

#include "input/gesture.h"

namespace atelier::input {
namespace {

using core::CardId;
using core::MapPoint;
using core::ScreenPoint;
using Phase = PointerEvent::Phase;

struct Gestures : ::testing::Test {
  core::Board board;
  core::Viewport viewport = core::Viewport::Fit(1920, 1080);  // map = whole window
  GestureTracker tracker;
  std::int64_t seq = 0;

  CardId Add(MapPoint at) {
    CardId id = board.next_id();
    board.Apply(core::Event{.seq = ++seq, .t_ms = 0, .actor = core::Actor::Kiosk,
                            .data = core::CardAdded{id, "card " + std::to_string(id), "yellow", at}});
    return id;
  }
  std::vector<Gesture> Feed(int pointer, Phase phase, float x, float y, std::int64_t t) {
    return tracker.Feed(PointerEvent{pointer, phase, {x, y}, t}, board, viewport);
  }
  ScreenPoint Screen(MapPoint p) const { return viewport.ToScreen(p); }
};

void ExpectNear(MapPoint a, MapPoint b) {
  EXPECT_NEAR(a.x, b.x, 1e-5f);
  EXPECT_NEAR(a.y, b.y, 1e-5f);
}

TEST_F(Gestures, JitterOfNinePixelsIsATap) {
  CardId id = Add({0.5f, 0.5f});
  EXPECT_TRUE(Feed(0, Phase::Down, 960, 540, 0).empty());
  EXPECT_TRUE(Feed(0, Phase::Move, 966, 546, 30).empty());  // 8.5 px
  EXPECT_TRUE(Feed(0, Phase::Move, 969, 540, 60).empty());  // 9 px
  EXPECT_TRUE(tracker.Held().empty());
  auto g = Feed(0, Phase::Up, 968, 541, 90);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<TapCard>(g[0]), (TapCard{0, id}));
}

TEST_F(Gestures, FifteenPixelsStartsADragThatFollowsTheFinger) {
  CardId id = Add({0.5f, 0.5f});
  Feed(0, Phase::Down, 960, 540, 0);
  auto g = Feed(0, Phase::Move, 975, 540, 30);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(std::get<DragStarted>(g[0]), (DragStarted{0, id}));
  ExpectNear(std::get<DragMoved>(g[1]).centre, viewport.ToMap({975, 540}));
  ASSERT_EQ(tracker.Held().size(), 1u);
  EXPECT_EQ(tracker.Held()[0].card, id);

  g = Feed(0, Phase::Up, 1200, 300, 200);
  ASSERT_EQ(g.size(), 1u);
  const auto& end = std::get<DragEnded>(g[0]);
  EXPECT_EQ(end.card, id);
  ExpectNear(end.centre, viewport.ToMap({1200, 300}));
  EXPECT_TRUE(tracker.Held().empty());
}

TEST_F(Gestures, CardKeepsItsGrabOffsetInsteadOfJumping) {
  CardId id = Add({0.5f, 0.5f});  // centre at (960, 540)
  Feed(0, Phase::Down, 1000, 580, 0);  // grabbed 40 px right and below its centre
  Feed(0, Phase::Move, 1100, 580, 20);
  auto held = tracker.Held();
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].card, id);
  ExpectNear(held[0].centre, viewport.ToMap({1060, 540}));
  auto g = Feed(0, Phase::Up, 1100, 680, 40);
  ExpectNear(std::get<DragEnded>(g.at(0)).centre, viewport.ToMap({1060, 640}));
}

TEST_F(Gestures, TwoPointersDragTwoCardsAtTheSameTime) {
  CardId a = Add({0.25f, 0.5f});
  CardId b = Add({0.75f, 0.5f});
  ScreenPoint pa = Screen({0.25f, 0.5f}), pb = Screen({0.75f, 0.5f});
  Feed(0, Phase::Down, pa.x, pa.y, 0);
  Feed(1, Phase::Down, pb.x, pb.y, 5);
  std::vector<Gesture> all;
  for (int i = 1; i <= 10; ++i) {
    for (auto& g : Feed(0, Phase::Move, pa.x + 20.0f * i, pa.y - 30.0f * i, 16 * i)) all.push_back(g);
    for (auto& g : Feed(1, Phase::Move, pb.x - 10.0f * i, pb.y + 25.0f * i, 16 * i + 3)) all.push_back(g);
    if (i == 5) {
      auto held = tracker.Held();
      ASSERT_EQ(held.size(), 2u);
      EXPECT_EQ(held[0].pointer, 0);
      EXPECT_EQ(held[0].card, a);
      EXPECT_EQ(held[1].pointer, 1);
      EXPECT_EQ(held[1].card, b);
    }
  }
  auto end_b = Feed(1, Phase::Up, pb.x - 100, pb.y + 250, 200);
  auto end_a = Feed(0, Phase::Up, pa.x + 200, pa.y - 300, 210);
  ASSERT_EQ(end_a.size(), 1u);
  ASSERT_EQ(end_b.size(), 1u);
  EXPECT_EQ(std::get<DragEnded>(end_a[0]).card, a);
  EXPECT_EQ(std::get<DragEnded>(end_b[0]).card, b);
  ExpectNear(std::get<DragEnded>(end_a[0]).centre, viewport.ToMap({pa.x + 200, pa.y - 300}));
  ExpectNear(std::get<DragEnded>(end_b[0]).centre, viewport.ToMap({pb.x - 100, pb.y + 250}));
  int started = 0;
  for (auto& g : all) started += std::holds_alternative<DragStarted>(g);
  EXPECT_EQ(started, 2);
}

TEST_F(Gestures, OverlappingCardsDragTheTopOne) {
  CardId below = Add({0.50f, 0.5f});
  CardId above = Add({0.53f, 0.5f});
  ScreenPoint overlap = Screen({0.515f, 0.5f});
  Feed(0, Phase::Down, overlap.x, overlap.y, 0);
  auto g = Feed(0, Phase::Move, overlap.x + 40, overlap.y, 20);
  EXPECT_EQ(std::get<DragStarted>(g.at(0)).card, above);
  Feed(0, Phase::Cancel, 0, 0, 30);

  // Once the lower card is put down again it is on top.
  board.Apply(core::Event{.seq = ++seq, .t_ms = 40, .actor = core::Actor::Kiosk,
                          .data = core::CardMoved{below, {0.50f, 0.5f}, {0.50f, 0.5f}}});
  Feed(0, Phase::Down, overlap.x, overlap.y, 50);
  g = Feed(0, Phase::Move, overlap.x + 40, overlap.y, 70);
  EXPECT_EQ(std::get<DragStarted>(g.at(0)).card, below);
}

TEST_F(Gestures, DragEndedReportsTheFingerForTheBin) {
  CardId id = Add({0.3f, 0.3f});
  ScreenPoint p = Screen({0.3f, 0.3f});
  const ScreenPoint bin{1850, 1010};
  Feed(0, Phase::Down, p.x + 10, p.y + 10, 0);
  Feed(0, Phase::Move, 1000, 700, 50);
  Feed(0, Phase::Move, bin.x, bin.y, 100);
  auto g = Feed(0, Phase::Up, bin.x, bin.y, 120);
  ASSERT_EQ(g.size(), 1u);
  const auto& end = std::get<DragEnded>(g[0]);
  EXPECT_EQ(end.card, id);
  EXPECT_EQ(end.finger, bin);
  ExpectNear(end.centre, viewport.ToMap({bin.x - 10, bin.y - 10}));
}

TEST_F(Gestures, UpFarFromTheDownIsADragEvenWithoutMoves) {
  CardId id = Add({0.5f, 0.5f});
  Feed(0, Phase::Down, 960, 540, 0);
  auto g = Feed(0, Phase::Up, 1160, 540, 50);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(std::get<DragStarted>(g[0]).card, id);
  ExpectNear(std::get<DragEnded>(g[1]).centre, viewport.ToMap({1160, 540}));
}

TEST_F(Gestures, LongPressFiresOnceThroughTickAndShowsProgress) {
  CardId id = Add({0.5f, 0.5f});
  Feed(0, Phase::Down, 960, 540, 1000);
  EXPECT_FLOAT_EQ(tracker.LongPressProgress(0, 1000), 0.0f);
  EXPECT_FLOAT_EQ(tracker.LongPressProgress(0, 1250), 0.5f);
  EXPECT_TRUE(tracker.Tick(1499).empty());
  Feed(0, Phase::Move, 965, 543, 1499);  // jitter below the threshold does not restart it
  auto g = tracker.Tick(1500);
  ASSERT_EQ(g.size(), 1u);
  const auto& lp = std::get<LongPress>(g[0]);
  EXPECT_EQ(lp.pointer, 0);
  EXPECT_EQ(lp.card, std::optional<CardId>(id));
  ExpectNear(lp.at, {0.5f, 0.5f});
  EXPECT_TRUE(tracker.Tick(1600).empty());
  EXPECT_FLOAT_EQ(tracker.LongPressProgress(0, 1600), 0.0f);
  EXPECT_TRUE(Feed(0, Phase::Up, 960, 540, 1700).empty());  // no tap after a long press
  EXPECT_FLOAT_EQ(tracker.LongPressProgress(0, 1700), 0.0f);
}

TEST_F(Gestures, LongPressIsAlsoSeenByFeedAndOnEmptyMap) {
  Feed(3, Phase::Down, 100, 100, 0);
  auto g = Feed(3, Phase::Up, 101, 100, 650);  // no Tick in between
  ASSERT_EQ(g.size(), 1u);
  const auto& lp = std::get<LongPress>(g[0]);
  EXPECT_EQ(lp.pointer, 3);
  EXPECT_FALSE(lp.card.has_value());
  ExpectNear(lp.at, viewport.ToMap({100, 100}));
}

TEST_F(Gestures, DragStillWorksAfterALongPress) {
  CardId id = Add({0.5f, 0.5f});
  Feed(0, Phase::Down, 960, 540, 0);
  ASSERT_EQ(tracker.Tick(600).size(), 1u);
  auto g = Feed(0, Phase::Move, 1060, 540, 700);
  EXPECT_EQ(std::get<DragStarted>(g.at(0)).card, id);
}

TEST_F(Gestures, PressOnEmptyMapTapsOrDoesNothing) {
  Add({0.8f, 0.8f});
  Feed(0, Phase::Down, 200, 200, 0);
  auto g = Feed(0, Phase::Up, 204, 203, 100);
  ASSERT_EQ(g.size(), 1u);
  ExpectNear(std::get<TapEmpty>(g[0]).at, viewport.ToMap({200, 200}));

  // Past the threshold it is nothing (no panning), and crossing a card on the way changes nothing.
  Feed(0, Phase::Down, 200, 200, 200);
  EXPECT_TRUE(Feed(0, Phase::Move, 260, 200, 220).empty());
  ScreenPoint card = Screen({0.8f, 0.8f});
  EXPECT_TRUE(Feed(0, Phase::Move, card.x, card.y, 240).empty());
  EXPECT_TRUE(Feed(0, Phase::Up, card.x, card.y, 260).empty());
  EXPECT_TRUE(tracker.Tick(2000).empty());
}

TEST_F(Gestures, SecondPointerOnAHeldCardIsIgnored) {
  CardId a = Add({0.3f, 0.5f});
  ScreenPoint p = Screen({0.3f, 0.5f});
  Feed(0, Phase::Down, p.x, p.y, 0);
  Feed(0, Phase::Move, p.x + 300, p.y, 20);  // card a now drawn 300 px to the right

  // Pointer 1 presses the card where it is drawn now: ignored entirely.
  EXPECT_TRUE(Feed(1, Phase::Down, p.x + 300, p.y, 30).empty());
  EXPECT_TRUE(Feed(1, Phase::Move, p.x + 500, p.y + 100, 50).empty());
  EXPECT_TRUE(Feed(1, Phase::Up, p.x + 500, p.y + 100, 60).empty());
  EXPECT_TRUE(tracker.Tick(1000).empty());

  // Where the card was is empty now.
  Feed(2, Phase::Down, p.x, p.y, 1100);
  auto g = Feed(2, Phase::Up, p.x, p.y, 1150);
  EXPECT_TRUE(std::holds_alternative<TapEmpty>(g.at(0)));

  // Pressed (not yet dragged) by pointer 0 is held too.
  auto end = Feed(0, Phase::Up, p.x + 300, p.y, 1200);
  EXPECT_EQ(std::get<DragEnded>(end.at(0)).card, a);
  Feed(0, Phase::Down, p.x, p.y, 1300);
  EXPECT_TRUE(Feed(1, Phase::Down, p.x, p.y, 1310).empty());
  EXPECT_TRUE(Feed(1, Phase::Move, p.x + 100, p.y, 1320).empty());
  auto own = Feed(0, Phase::Move, p.x + 100, p.y, 1330);
  EXPECT_EQ(std::get<DragStarted>(own.at(0)).card, a);
  ASSERT_EQ(tracker.Held().size(), 1u);
}

TEST_F(Gestures, CardDeletedMidDragIsCancelled) {
  CardId id = Add({0.5f, 0.5f});
  Feed(0, Phase::Down, 960, 540, 0);
  Feed(0, Phase::Move, 1000, 540, 20);
  board.Apply(core::Event{.seq = ++seq, .t_ms = 30, .actor = core::Actor::Facilitator, .data = core::CardDeleted{id}});
  auto g = Feed(0, Phase::Move, 1040, 540, 40);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<DragCancelled>(g[0]), (DragCancelled{0, id}));
  EXPECT_TRUE(tracker.Held().empty());
  EXPECT_TRUE(Feed(0, Phase::Up, 1040, 540, 60).empty());
}

TEST_F(Gestures, SyncCancelsWithoutAnEventAndCancelEndsADrag) {
  CardId a = Add({0.2f, 0.5f});
  CardId b = Add({0.7f, 0.5f});
  ScreenPoint pa = Screen({0.2f, 0.5f}), pb = Screen({0.7f, 0.5f});
  Feed(0, Phase::Down, pa.x, pa.y, 0);
  Feed(0, Phase::Move, pa.x + 50, pa.y, 10);
  Feed(1, Phase::Down, pb.x, pb.y, 0);
  Feed(1, Phase::Move, pb.x + 50, pb.y, 10);
  board.Apply(core::Event{.seq = ++seq, .t_ms = 30, .actor = core::Actor::Kiosk, .data = core::CardDeleted{a}});
  auto g = tracker.Sync(board);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<DragCancelled>(g[0]).card, a);
  g = Feed(1, Phase::Cancel, pb.x + 50, pb.y, 40);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<DragCancelled>(g[0]).card, b);
  EXPECT_FALSE(tracker.IsDown(1));
}

TEST_F(Gestures, ThresholdComesFromTheConfig) {
  tracker.set_config({.drag_threshold_px = 24, .long_press_ms = 500});  // e.g. 4K: 2× the 1080p value
  Add({0.5f, 0.5f});
  Feed(0, Phase::Down, 960, 540, 0);
  EXPECT_TRUE(Feed(0, Phase::Move, 980, 540, 10).empty());
  EXPECT_TRUE(std::holds_alternative<TapCard>(Feed(0, Phase::Up, 980, 540, 20).at(0)));
}

}  // namespace
}  // namespace atelier::input
