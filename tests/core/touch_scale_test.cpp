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

namespace atelier::core {
namespace {

TEST(StepUiScale, TenPercentStepsOfTheAutomaticSize) {
  EXPECT_FLOAT_EQ(StepUiScale(1.0f, 1.0f, +1), 1.1f);
  EXPECT_FLOAT_EQ(StepUiScale(1.1f, 1.0f, -1), 1.0f);
  EXPECT_EQ(UiScalePercent(StepUiScale(0.6667f, 0.6667f, +1), 0.6667f), 110);
  EXPECT_EQ(UiScalePercent(1.4f, 0.6667f), 210);
}

TEST(StepUiScale, AValueBetweenStepsGoesToTheNextStepInThatDirection) {
  // 1.37 of 1.0 (typed into atelier.conf) is 137 %: + gives 140 %, − gives 130 %.
  EXPECT_EQ(UiScalePercent(StepUiScale(1.37f, 1.0f, +1), 1.0f), 140);
  EXPECT_EQ(UiScalePercent(StepUiScale(1.37f, 1.0f, -1), 1.0f), 130);
}

TEST(StepUiScale, StaysWithinHalfAndTwiceTheAutomaticSizeAndWhatFits) {
  EXPECT_FLOAT_EQ(StepUiScale(2.0f, 1.0f, +1), 2.0f);
  EXPECT_FLOAT_EQ(StepUiScale(0.5f, 1.0f, -1), 0.5f);
  EXPECT_FLOAT_EQ(StepUiScale(0.6f, 0.6f, -1), 0.54f);
  EXPECT_FLOAT_EQ(StepUiScale(0.5f, 0.6f, -1), 0.5f);   // 0.5 is the floor whatever the screen
  EXPECT_FLOAT_EQ(StepUiScale(4.0f, 2.0f, +1), 4.0f);   // 4 is the ceiling
  EXPECT_FLOAT_EQ(StepUiScale(1.0f, 1.0f, +1, 1.05f), 1.0f);  // would not fit on the screen
}

}  // namespace
}  // namespace atelier::core
