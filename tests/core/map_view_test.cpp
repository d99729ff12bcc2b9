// The zoomed view of the map: it never shows beyond the map, a pinch keeps the map point under
// the fingers, the zoom stays within 1× … 4×, the way back to the whole map stays in bounds.
#include <gtest/gtest.h>

#include <random>

#include "core/map_view.h"

namespace atelier::core {
namespace {

const Viewport kFitted = Viewport::Fit(1920, 1080);

// The zoomed viewport covers the fitted area entirely (nothing beyond the map's edges shows).
void ExpectCovers(const MapView& view, const Viewport& fitted) {
  const Rect z = view.Apply(fitted).pixels, f = fitted.pixels;
  EXPECT_LE(z.x, f.x + 1e-2f);
  EXPECT_LE(z.y, f.y + 1e-2f);
  EXPECT_GE(z.x + z.w, f.x + f.w - 1e-2f);
  EXPECT_GE(z.y + z.h, f.y + f.h - 1e-2f);
}

TEST(MapView, OneTimesIsTheFittedViewport) {
  const Viewport v = MapView{}.Apply(kFitted);
  EXPECT_EQ(v.pixels, kFitted.pixels);
  EXPECT_FALSE(MapView{}.Zoomed());
}

TEST(MapView, ApplyScalesPixelsPerMapUnit) {
  const MapView view{.zoom = 2, .corner = {0.25f, 0.25f}};
  const Viewport v = view.Apply(kFitted);
  EXPECT_FLOAT_EQ(v.PixelsPerMapX(), 2 * kFitted.PixelsPerMapX());
  // The corner is drawn at the fitted area's top-left, the middle of the map at its middle.
  const ScreenPoint corner = v.ToScreen(view.corner);
  EXPECT_NEAR(corner.x, kFitted.pixels.x, 1e-3f);
  EXPECT_NEAR(corner.y, kFitted.pixels.y, 1e-3f);
  const ScreenPoint middle = v.ToScreen({0.5f, 0.5f});
  EXPECT_NEAR(middle.x, kFitted.pixels.x + kFitted.pixels.w / 2, 1e-2f);
  EXPECT_NEAR(middle.y, kFitted.pixels.y + kFitted.pixels.h / 2, 1e-2f);
}

TEST(MapView, ClampKeepsZoomAndCornerWithinTheMap) {
  EXPECT_FLOAT_EQ((MapView{.zoom = 9}.Clamped().zoom), kMaxZoom);
  EXPECT_FLOAT_EQ((MapView{.zoom = 0.3f}.Clamped().zoom), 1.0f);
  const MapView v = MapView{.zoom = 2, .corner = {0.9f, -0.4f}}.Clamped();
  EXPECT_FLOAT_EQ(v.corner.x, 0.5f);
  EXPECT_FLOAT_EQ(v.corner.y, 0.0f);
  const MapView nan = MapView{.zoom = std::nanf(""), .corner = {std::nanf(""), 0.1f}}.Clamped();
  EXPECT_EQ(nan, MapView{});
}

TEST(MapView, PinchOutKeepsTheMapPointUnderTheFingers) {
  // Fingers 200 px apart around (800, 500), spread to 400 px: 2×.
  const ScreenPoint a0{700, 500}, b0{900, 500}, a{600, 500}, b{1000, 500};
  const MapPoint under = kFitted.ToMap({800, 500});
  const MapView view = MapView::Pinch(MapView{}, kFitted, a0, b0, a, b);
  EXPECT_NEAR(view.zoom, 2.0f, 1e-4f);
  const MapPoint now = view.Apply(kFitted).ToMap({800, 500});
  EXPECT_NEAR(now.x, under.x, 1e-4f);
  EXPECT_NEAR(now.y, under.y, 1e-4f);
  ExpectCovers(view, kFitted);
}

TEST(MapView, TwoFingersMovingTogetherPan) {
  const MapView zoomed{.zoom = 2, .corner = {0.25f, 0.25f}};
  const MapPoint under = zoomed.Apply(kFitted).ToMap({960, 540});
  // Both fingers 100 px left: same distance, the map follows them.
  const MapView view = MapView::Pinch(zoomed, kFitted, {900, 540}, {1020, 540}, {800, 540}, {920, 540});
  EXPECT_NEAR(view.zoom, 2.0f, 1e-5f);
  const MapPoint now = view.Apply(kFitted).ToMap({860, 540});
  EXPECT_NEAR(now.x, under.x, 1e-4f);
  EXPECT_NEAR(now.y, under.y, 1e-4f);
  EXPECT_GT(view.corner.x, zoomed.corner.x);  // the map moved left: we see more of its right
}

TEST(MapView, PinchInStopsAtTheWholeMapAndOutAtFourTimes) {
  const MapView in = MapView::Pinch(MapView{}, kFitted, {700, 500}, {900, 500}, {790, 500}, {810, 500});
  EXPECT_EQ(in, MapView{});
  const MapView out = MapView::Pinch(MapView{}, kFitted, {950, 500}, {970, 500}, {200, 500}, {1700, 500});
  EXPECT_FLOAT_EQ(out.zoom, kMaxZoom);
  ExpectCovers(out, kFitted);
}

TEST(MapView, PanPastTheEdgeStopsAtTheEdge) {
  const MapView zoomed{.zoom = 2, .corner = {0.1f, 0.1f}};
  const MapView view = MapView::Pinch(zoomed, kFitted, {900, 540}, {1000, 540}, {1900, 1000}, {2000, 1000});
  EXPECT_FLOAT_EQ(view.corner.x, 0.0f);
  EXPECT_FLOAT_EQ(view.corner.y, 0.0f);
  ExpectCovers(view, kFitted);
}

TEST(MapView, FingersOnTopOfEachOtherOnlyPan) {
  const MapView zoomed{.zoom = 3, .corner = {0.3f, 0.3f}};
  const MapView view = MapView::Pinch(zoomed, kFitted, {900, 540}, {900, 540}, {950, 540}, {950, 540});
  EXPECT_FLOAT_EQ(view.zoom, 3.0f);
}

TEST(MapView, RandomPinchesNeverShowBeyondTheMap) {
  std::mt19937 rng(20261202);
  std::uniform_real_distribution<float> x(-200, 2100), y(-200, 1300);
  // A letterboxed window too: the fitted area does not start at 0.
  for (const Viewport& fitted : {kFitted, Viewport::Fit(1280, 1024), Viewport::Fit(1000, 300)}) {
    MapView view;
    for (int i = 0; i < 500; ++i) {
      view = MapView::Pinch(view, fitted, {x(rng), y(rng)}, {x(rng), y(rng)}, {x(rng), y(rng)}, {x(rng), y(rng)});
      ASSERT_GE(view.zoom, 1.0f);
      ASSERT_LE(view.zoom, kMaxZoom);
      ExpectCovers(view, fitted);
    }
  }
}

TEST(MapView, TheWayBackStaysWithinTheMapAndEndsAtOneTimes) {
  const MapView from{.zoom = 4, .corner = {0.75f, 0.6f}};
  for (int i = 0; i <= 20; ++i) {
    const MapView step = MapView::Between(from, MapView{}, i / 20.0f);
    ExpectCovers(step, kFitted);
    EXPECT_EQ(step, step.Clamped());
  }
  EXPECT_EQ(MapView::Between(from, MapView{}, 1), MapView{});
  EXPECT_EQ(MapView::Between(from, MapView{}, 0), from);
}

}  // namespace
}  // namespace atelier::core
