// Two fingers: a pinch on the empty map, two drags on two cards, a card and the empty map (the
// card is dragged, nothing zooms), taps still work, one finger drags at 2× where it lifts.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/map_view.h"
#include "input/gesture.h"

namespace atelier::input {
namespace {

using core::CardId;
using core::MapPoint;
using core::ScreenPoint;
using Phase = PointerEvent::Phase;

struct Pinches : ::testing::Test {
  core::Board board;
  core::Viewport viewport = core::Viewport::Fit(1920, 1080);
  GestureTracker tracker;
  std::int64_t seq = 0;

  CardId Add(MapPoint at) {
    CardId id = board.next_id();
    board.Apply(core::Event{.seq = ++seq, .t_ms = 0, .actor = core::Actor::Kiosk,
                            .data = core::CardAdded{id, "card " + std::to_string(id), "yellow", at}});
    return id;
  }
  std::vector<Gesture> Feed(int pointer, Phase phase, ScreenPoint at, std::int64_t t) {
    return tracker.Feed(PointerEvent{pointer, phase, at, t}, board, viewport);
  }
  template <class T>
  static int Count(const std::vector<Gesture>& g) {
    return static_cast<int>(std::count_if(g.begin(), g.end(), [](const Gesture& x) { return std::holds_alternative<T>(x); }));
  }
};

TEST_F(Pinches, TwoFingersOnTheEmptyMapArePinch) {
  Add({0.9f, 0.9f});  // far from the fingers
  EXPECT_TRUE(Feed(0, Phase::Down, {700, 500}, 0).empty());
  auto g = Feed(1, Phase::Down, {900, 500}, 40);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<PinchStarted>(g[0]), (PinchStarted{0, 1, {700, 500}, {900, 500}}));
  EXPECT_TRUE(tracker.Pinching());

  g = Feed(0, Phase::Move, {600, 500}, 60);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<PinchMoved>(g[0]), (PinchMoved{{700, 500}, {900, 500}, {600, 500}, {900, 500}}));
  g = Feed(1, Phase::Move, {1000, 500}, 80);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<PinchMoved>(g[0]), (PinchMoved{{700, 500}, {900, 500}, {600, 500}, {1000, 500}}));
  EXPECT_TRUE(tracker.Held().empty());

  g = Feed(1, Phase::Up, {1000, 500}, 100);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<PinchEnded>(g[0]));
  EXPECT_FALSE(tracker.Pinching());
  // The finger left behind neither taps nor pans when it lifts.
  EXPECT_TRUE(Feed(0, Phase::Move, {650, 520}, 120).empty());
  EXPECT_TRUE(Feed(0, Phase::Up, {650, 520}, 140).empty());
}

TEST_F(Pinches, FirstFingerMayHaveMovedBeforeTheSecondLands) {
  Feed(0, Phase::Down, {700, 500}, 0);
  Feed(0, Phase::Move, {640, 500}, 30);  // past the drag threshold on the empty map
  auto g = Feed(1, Phase::Down, {900, 500}, 60);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<PinchStarted>(g[0]), (PinchStarted{0, 1, {640, 500}, {900, 500}}));
}

TEST_F(Pinches, NoLongPressDuringAPinch) {
  Feed(0, Phase::Down, {700, 500}, 0);
  Feed(1, Phase::Down, {900, 500}, 20);
  EXPECT_TRUE(tracker.Tick(2000).empty());
  EXPECT_EQ(tracker.LongPressProgress(0, 400), 0.0f);
}

TEST_F(Pinches, TwoFingersOnTwoCardsDragTwoCards) {
  CardId a = Add({0.3f, 0.4f}), b = Add({0.7f, 0.4f});
  const ScreenPoint pa = viewport.ToScreen({0.3f, 0.4f}), pb = viewport.ToScreen({0.7f, 0.4f});
  Feed(0, Phase::Down, pa, 0);
  auto g = Feed(1, Phase::Down, pb, 10);
  EXPECT_EQ(Count<PinchStarted>(g), 0);
  Feed(0, Phase::Move, {pa.x - 100, pa.y}, 30);
  Feed(1, Phase::Move, {pb.x + 100, pb.y}, 40);
  EXPECT_FALSE(tracker.Pinching());
  ASSERT_EQ(tracker.Held().size(), 2u);
  EXPECT_EQ(tracker.Held()[0].card, a);
  EXPECT_EQ(tracker.Held()[1].card, b);
}

TEST_F(Pinches, ACardAndTheEmptyMapDragTheCardAndZoomNothing) {
  CardId a = Add({0.3f, 0.4f});
  const ScreenPoint pa = viewport.ToScreen({0.3f, 0.4f});
  for (bool card_first : {true, false}) {
    const int card_finger = card_first ? 0 : 1, empty_finger = card_first ? 1 : 0;
    std::vector<Gesture> all;
    auto feed = [&](int pointer, Phase phase, ScreenPoint at, std::int64_t t) {
      auto g = Feed(pointer, phase, at, t);
      all.insert(all.end(), g.begin(), g.end());
    };
    feed(0, Phase::Down, card_first ? pa : ScreenPoint{1500, 300}, 0);
    feed(1, Phase::Down, card_first ? ScreenPoint{1500, 300} : pa, 10);
    feed(empty_finger, Phase::Move, {1600, 300}, 20);
    feed(card_finger, Phase::Move, {pa.x + 200, pa.y}, 30);
    feed(empty_finger, Phase::Up, {1600, 300}, 40);
    feed(card_finger, Phase::Up, {pa.x + 200, pa.y}, 50);
    EXPECT_EQ(Count<PinchStarted>(all) + Count<PinchMoved>(all) + Count<PinchEnded>(all), 0);
    EXPECT_EQ(Count<TapEmpty>(all), 0);  // the empty-map finger moved: nothing
    ASSERT_EQ(Count<DragEnded>(all), 1);
    const auto end = std::find_if(all.begin(), all.end(), [](const Gesture& x) { return std::holds_alternative<DragEnded>(x); });
    EXPECT_EQ(std::get<DragEnded>(*end).card, a);
    EXPECT_EQ(std::get<DragEnded>(*end).pointer, card_finger);
  }
}

TEST_F(Pinches, ATapOnTheEmptyMapIsStillATap) {
  auto g = Feed(0, Phase::Down, {700, 500}, 0);
  g = Feed(0, Phase::Up, {702, 501}, 50);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<TapEmpty>(g[0]));
}

TEST_F(Pinches, AThirdFingerDuringAPinchDoesNothingButACardStillDrags) {
  CardId a = Add({0.2f, 0.2f});
  const ScreenPoint pa = viewport.ToScreen({0.2f, 0.2f});
  Feed(0, Phase::Down, {700, 500}, 0);
  Feed(1, Phase::Down, {900, 500}, 10);
  auto g = Feed(2, Phase::Down, {1200, 700}, 20);  // empty map
  EXPECT_TRUE(g.empty());
  g = Feed(2, Phase::Move, {1300, 700}, 30);
  EXPECT_TRUE(g.empty());
  g = Feed(2, Phase::Up, {1300, 700}, 40);
  EXPECT_TRUE(g.empty());
  Feed(3, Phase::Down, pa, 50);  // a card
  g = Feed(3, Phase::Move, {pa.x + 50, pa.y}, 60);
  ASSERT_GE(g.size(), 1u);
  EXPECT_EQ(std::get<DragStarted>(g[0]), (DragStarted{3, a}));
  EXPECT_TRUE(tracker.Pinching());
}

TEST_F(Pinches, LiftingOneAndPuttingItBackPinchesAgain) {
  Feed(0, Phase::Down, {700, 500}, 0);
  Feed(1, Phase::Down, {900, 500}, 10);
  Feed(1, Phase::Up, {900, 500}, 20);
  auto g = Feed(2, Phase::Down, {1000, 600}, 30);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(std::get<PinchStarted>(g[0]), (PinchStarted{0, 2, {700, 500}, {1000, 600}}));
}

TEST_F(Pinches, CancelAllEndsThePinch) {
  Feed(0, Phase::Down, {700, 500}, 0);
  Feed(1, Phase::Down, {900, 500}, 10);
  auto g = tracker.CancelAll();
  ASSERT_EQ(g.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<PinchEnded>(g[0]));
  EXPECT_FALSE(tracker.Pinching());
}

TEST_F(Pinches, AFingerCancelledByTheSystemEndsThePinch) {
  Feed(0, Phase::Down, {700, 500}, 0);
  Feed(1, Phase::Down, {900, 500}, 10);
  auto g = Feed(0, Phase::Cancel, {700, 500}, 20);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<PinchEnded>(g[0]));
}

// At 2×, with the zoomed viewport fed in, a card dragged with one finger ends with its centre
// under where the finger lifted (plus the grab offset), in map units.
TEST_F(Pinches, OneFingerDragsACardAtTwoTimesToWhereItLifts) {
  const core::Viewport fitted = viewport;
  const core::MapView view{.zoom = 2, .corner = {0.25f, 0.25f}};
  viewport = view.Apply(fitted);
  CardId a = Add({0.4f, 0.4f});
  const ScreenPoint grab = viewport.ToScreen({0.4f, 0.4f});
  Feed(0, Phase::Down, grab, 0);
  Feed(0, Phase::Move, {grab.x + 100, grab.y + 40}, 30);
  auto g = Feed(0, Phase::Up, {grab.x + 300, grab.y + 120}, 60);
  ASSERT_EQ(g.size(), 1u);
  const DragEnded end = std::get<DragEnded>(g[0]);
  EXPECT_EQ(end.card, a);
  const MapPoint lifted = viewport.ToMap({grab.x + 300, grab.y + 120});
  EXPECT_NEAR(end.centre.x, lifted.x, 1e-5f);
  EXPECT_NEAR(end.centre.y, lifted.y, 1e-5f);
  // 300 px at 2× is half the map distance it is at 1×.
  EXPECT_NEAR(end.centre.x - 0.4f, 300 / fitted.pixels.w / 2, 1e-5f);
}

}  // namespace
}  // namespace atelier::input
