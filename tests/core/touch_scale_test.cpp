// Touch targets stay at least 19 mm whatever the screen reports.
#include <gtest/gtest.h>

#include "core/touch_scale.h"

namespace atelier::core {
namespace {

float TargetMm(const ScreenFacts& f) {
  return UiScale(f) * kBaseTargetPx * f.physical_w_mm / f.framebuffer_w;
}

TEST(UiScale, BigTvKeepsDesignSize) {
  ScreenFacts tv{.framebuffer_w = 1920, .framebuffer_h = 1080, .physical_w_mm = 1210};  // 55"
  EXPECT_FLOAT_EQ(UiScale(tv), 1.0f);
  EXPECT_GE(TargetMm(tv), kTouchTargetMm);
}

TEST(UiScale, SmallDenseScreenGrowsControlsTo19mm) {
  ScreenFacts laptop{.framebuffer_w = 1920, .framebuffer_h = 1080, .physical_w_mm = 294};  // 13"
  EXPECT_GT(UiScale(laptop), 1.5f);
  EXPECT_NEAR(TargetMm(laptop), kTouchTargetMm, 0.01);
}

TEST(UiScale, FourKScalesWithResolution) {
  ScreenFacts uhd{.framebuffer_w = 3840, .framebuffer_h = 2160, .physical_w_mm = 1210};
  EXPECT_FLOAT_EQ(UiScale(uhd), 2.0f);
}

TEST(UiScale, NonsensePhysicalSizeIsIgnored) {
  EXPECT_FLOAT_EQ(UiScale({.framebuffer_w = 1920, .framebuffer_h = 1080, .physical_w_mm = 1}), 1.0f);
  EXPECT_FLOAT_EQ(UiScale({.framebuffer_w = 1920, .framebuffer_h = 1080, .physical_w_mm = 0}), 1.0f);
  EXPECT_FLOAT_EQ(UiScale({.framebuffer_w = 1280, .framebuffer_h = 720, .physical_w_mm = 160000}), 720 / 1080.0f);
}

TEST(UiScale, OverrideWinsWithinBounds) {
  EXPECT_FLOAT_EQ(UiScale({.framebuffer_w = 1920, .framebuffer_h = 1080, .physical_w_mm = 294, .override_scale = 1.25f}), 1.25f);
  EXPECT_FLOAT_EQ(UiScale({.framebuffer_w = 1920, .framebuffer_h = 1080, .override_scale = 40.0f}), 4.0f);
}

}  // namespace
}  // namespace atelier::core
