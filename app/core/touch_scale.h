// How big the kiosk's controls must be. Touch targets are at least 19 mm on the real screen
// (public-kiosk guidance); the UI is designed at scale 1 for a 1080-pixel-high screen with
// kBaseTargetPx targets, and grown from there. Many TVs report nonsense physical sizes: those
// are ignored (the resolution decides), and a config value overrides everything.
#pragma once
#include <optional>

namespace atelier::core {

inline constexpr float kTouchTargetMm = 19.0f;
inline constexpr float kBaseTargetPx = 72.0f;  // smallest control side at scale 1

struct ScreenFacts {
  int framebuffer_w = 0;
  int framebuffer_h = 0;
  int physical_w_mm = 0;  // as the monitor reports it; 0 when unknown
  std::optional<float> override_scale;  // --ui-scale or the config file
};

float UiScale(const ScreenFacts& facts);

// Whether a reported physical width is believable for that many pixels (about 25 to 500 dpi);
// UiScale ignores the others.
bool BelievableWidth(int framebuffer_w, int physical_w_mm);

// The facilitator's "Plus petit" / "Plus grand" on the panel's Réglages page. Sizes are shown
// as a share of the automatic scale (100 % = what UiScale gives without an override), in steps
// of 10 %: a press goes to the next multiple of 10 % in its direction (direction > 0: bigger).
// Never below half nor above twice the automatic size, never outside 0.5 … 4, never above
// largest (what still fits on the screen); at a bound the scale stays as it is.
float StepUiScale(float current, float automatic, int direction, float largest = 4.0f);
int UiScalePercent(float current, float automatic);  // rounded to whole percents

}  // namespace atelier::core
