// Keys placed on screen and hit-tested by the app itself, so two keyboards can be typed on at
// once by different fingers (ImGui 1.86 has one mouse): placement, taps, routing to panels.
#include <gtest/gtest.h>

#include <array>

#include "input/keyboard_layout.h"
#include "input/tap_targets.h"

namespace atelier::input {
namespace {

using Phase = PointerEvent::Phase;

PointerEvent At(int pointer, Phase phase, core::ScreenPoint p) { return PointerEvent{pointer, phase, p, 0}; }
core::ScreenPoint Centre(const core::Rect& r) { return {r.x + r.w / 2, r.y + r.h / 2}; }
bool Overlap(const core::Rect& a, const core::Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

std::vector<TapTarget> Targets(const KeyPad& pad) {
  std::vector<TapTarget> out;
  for (const PlacedKey& k : pad.keys) out.push_back({k.key.id, k.rect});
  return out;
}

TEST(PlaceKeys, EveryKeyShownOnceWithinTheWidthWithoutOverlapAndAtLeastTheTargetHigh) {
  for (KeyboardLayout layout : {KeyboardLayout::Azerty, KeyboardLayout::Qwerty}) {
    for (float width : {420.0f, 604.0f, 924.0f}) {
      Keyboard kb(layout);
      const KeyMetrics m{.gap = 10, .max_unit = 110, .min_height = 72};
      KeyPad pad = PlaceKeys(kb.Rows(), {30, 200}, width, m);
      std::size_t count = 0;
      for (const KeyRow& row : kb.Rows()) count += row.size();
      ASSERT_EQ(pad.keys.size(), count);
      float bottom = 200;
      for (std::size_t i = 0; i < pad.keys.size(); ++i) {
        const core::Rect& r = pad.keys[i].rect;
        EXPECT_GE(r.x, 30 - 0.01f) << pad.keys[i].key.id << " at width " << width;
        EXPECT_LE(r.x + r.w, 30 + width + 0.01f) << pad.keys[i].key.id << " at width " << width;
        EXPECT_GE(r.h, m.min_height);
        bottom = std::max(bottom, r.y + r.h);
        for (std::size_t j = i + 1; j < pad.keys.size(); ++j)
          EXPECT_FALSE(Overlap(r, pad.keys[j].rect)) << pad.keys[i].key.id << " / " << pad.keys[j].key.id;
        // The centre of each key finds that key.
        const PlacedKey* hit = KeyAt(pad, Centre(r));
        ASSERT_NE(hit, nullptr);
        EXPECT_EQ(hit->key.id, pad.keys[i].key.id);
      }
      EXPECT_FLOAT_EQ(pad.height, bottom - 200);
    }
  }
}

TEST(PlaceKeys, BetweenKeysAndOutsideIsNoKey) {
  Keyboard kb;
  KeyPad pad = PlaceKeys(kb.Rows(), {0, 0}, 800, KeyMetrics{.gap = 10});
  const core::Rect& first = pad.keys[0].rect;
  EXPECT_EQ(KeyAt(pad, {first.x + first.w + 5, first.y + 5}), nullptr);  // in the gap after it
  EXPECT_EQ(KeyAt(pad, {-5, 5}), nullptr);
  EXPECT_EQ(KeyAt(pad, {400, pad.height + 5}), nullptr);
}

TEST(TapTargets, ATapIsDownAndUpOnTheSameTarget) {
  TapTargets t;
  t.SetTargets({{"a", {0, 0, 50, 50}}, {"b", {60, 0, 50, 50}}});
  EXPECT_EQ(t.Feed(At(0, Phase::Down, {10, 10})), std::nullopt);
  EXPECT_TRUE(t.Pressed("a"));
  EXPECT_EQ(t.Feed(At(0, Phase::Move, {20, 20})), std::nullopt);
  EXPECT_EQ(t.Feed(At(0, Phase::Up, {20, 20})), "a");
  EXPECT_FALSE(t.Holding());
  // Slid off onto another key: nothing (as a finger that changes its mind).
  t.Feed(At(0, Phase::Down, {10, 10}));
  t.Feed(At(0, Phase::Move, {70, 10}));
  EXPECT_FALSE(t.Pressed("a"));
  EXPECT_FALSE(t.Pressed("b"));
  EXPECT_EQ(t.Feed(At(0, Phase::Up, {70, 10})), std::nullopt);
  // Slid off and back: still a tap.
  t.Feed(At(0, Phase::Down, {10, 10}));
  t.Feed(At(0, Phase::Move, {200, 10}));
  t.Feed(At(0, Phase::Move, {10, 10}));
  EXPECT_EQ(t.Feed(At(0, Phase::Up, {10, 10})), "a");
  // Cancelled, down between targets, or an up never seen going down: nothing.
  t.Feed(At(0, Phase::Down, {10, 10}));
  EXPECT_EQ(t.Feed(At(0, Phase::Cancel, {10, 10})), std::nullopt);
  t.Feed(At(0, Phase::Down, {55, 10}));
  EXPECT_EQ(t.Feed(At(0, Phase::Up, {55, 10})), std::nullopt);
  EXPECT_EQ(t.Feed(At(3, Phase::Up, {10, 10})), std::nullopt);
}

TEST(TapTargets, FingersOverlappingInTimeEachPressTheirOwnKey) {
  TapTargets t;
  t.SetTargets({{"a", {0, 0, 50, 50}}, {"b", {60, 0, 50, 50}}});
  t.Feed(At(0, Phase::Down, {10, 10}));
  t.Feed(At(1, Phase::Down, {70, 10}));
  EXPECT_TRUE(t.Pressed("a"));
  EXPECT_TRUE(t.Pressed("b"));
  EXPECT_EQ(t.Feed(At(0, Phase::Up, {10, 10})), "a");
  EXPECT_TRUE(t.Holding());
  EXPECT_EQ(t.Feed(At(1, Phase::Up, {70, 10})), "b");
}

TEST(PanelRouter, AFingerBelongsToThePanelItWentDownInUntilItLifts) {
  PanelRouter router;
  const std::vector<core::Rect> panels{{0, 0, 100, 100}, {200, 0, 100, 100}};
  EXPECT_EQ(router.Route(At(0, Phase::Down, {50, 50}), panels), 0u);
  EXPECT_EQ(router.Route(At(1, Phase::Down, {250, 50}), panels), 1u);
  EXPECT_EQ(router.Route(At(2, Phase::Down, {150, 50}), panels), std::nullopt);  // the board's
  EXPECT_EQ(router.Route(At(0, Phase::Move, {250, 50}), panels), 0u);  // slid over the other panel
  EXPECT_EQ(router.Route(At(2, Phase::Move, {50, 50}), panels), std::nullopt);
  EXPECT_EQ(router.Route(At(0, Phase::Up, {250, 50}), panels), 0u);
  EXPECT_FALSE(router.Owns(0));
  EXPECT_EQ(router.Route(At(0, Phase::Move, {50, 50}), panels), std::nullopt);
  // A panel that closes lets go of its fingers: their last events go nowhere.
  router.Forget(1);
  EXPECT_TRUE(router.Owns(1));
  EXPECT_EQ(router.Route(At(1, Phase::Up, {250, 50}), panels), std::nullopt);
  EXPECT_FALSE(router.Owns(1));
  // A closed panel (empty rectangle) takes nothing.
  EXPECT_EQ(router.Route(At(4, Phase::Down, {250, 50}), {{0, 0, 100, 100}, {}}), std::nullopt);
}

// Two keyboards side by side, two people typing at once with interleaved taps: each text gets
// exactly its own letters, and one finger's key never lands in the other text.
TEST(PanelRouter, TwoKeyboardsTypedAtOnceKeepTheirOwnTexts) {
  struct Side {
    Keyboard kb;
    KeyPad pad;
    TapTargets taps;
    core::TextEdit edit;
  };
  std::array<Side, 2> sides;
  const std::vector<core::Rect> panels{{0, 0, 900, 700}, {1020, 0, 900, 700}};
  for (std::size_t i = 0; i < 2; ++i) {
    sides[i].pad = PlaceKeys(sides[i].kb.Rows(), {panels[i].x + 10, 100}, 880, KeyMetrics{.gap = 10});
    sides[i].taps.SetTargets(Targets(sides[i].pad));
  }
  PanelRouter router;
  auto centre_of = [&](std::size_t side, std::string_view id) {
    for (const PlacedKey& k : sides[side].pad.keys)
      if (k.key.id == id) return Centre(k.rect);
    ADD_FAILURE() << "no key " << id;
    return core::ScreenPoint{};
  };
  auto feed = [&](const PointerEvent& e) {
    std::optional<std::size_t> panel = router.Route(e, panels);
    if (!panel) return;
    if (std::optional<std::string> id = sides[*panel].taps.Feed(e)) {
      const Key* key = sides[*panel].kb.FindById(*id);
      ASSERT_NE(key, nullptr);
      sides[*panel].kb.Press(*key, sides[*panel].edit);
    }
  };
  const std::string left = "pirogue", right = "kayak";
  for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
    // Pointer 0 goes down on the left, pointer 1 on the right before 0 lifts.
    std::optional<core::ScreenPoint> a, b;
    if (i < left.size()) a = centre_of(0, left.substr(i, 1));
    if (i < right.size()) b = centre_of(1, right.substr(i, 1));
    if (a) feed(At(0, Phase::Down, *a));
    if (b) feed(At(1, Phase::Down, *b));
    if (a) feed(At(0, Phase::Up, *a));
    if (b) feed(At(1, Phase::Up, *b));
  }
  EXPECT_EQ(sides[0].edit.text(), left);
  EXPECT_EQ(sides[1].edit.text(), right);
}

}  // namespace
}  // namespace atelier::input
