#include "core/touch_scale.h"

#include <algorithm>
#include <cmath>

namespace atelier::core {

float UiScale(const ScreenFacts& facts) {
  if (facts.override_scale && *facts.override_scale > 0) return std::clamp(*facts.override_scale, 0.5f, 4.0f);
  float by_resolution = facts.framebuffer_h > 0 ? facts.framebuffer_h / 1080.0f : 1.0f;
  float scale = by_resolution;
  if (BelievableWidth(facts.framebuffer_w, facts.physical_w_mm)) {
    float px_per_mm = static_cast<float>(facts.framebuffer_w) / facts.physical_w_mm;
    scale = std::max(by_resolution, kTouchTargetMm * px_per_mm / kBaseTargetPx);
  }
  return std::clamp(scale, 0.5f, 4.0f);
}

bool BelievableWidth(int framebuffer_w, int physical_w_mm) {
  if (physical_w_mm <= 0 || framebuffer_w <= 0) return false;
  // Between ~25 and ~500 dpi a reported size is believable; outside it is a TV's fiction.
  float px_per_mm = static_cast<float>(framebuffer_w) / physical_w_mm;
  return px_per_mm >= 1.0f && px_per_mm <= 20.0f;
}

int UiScalePercent(float current, float automatic) {
  if (automatic <= 0) return 100;
  return static_cast<int>(std::lround(current / automatic * 100));
}

float StepUiScale(float current, float automatic, int direction, float largest) {
  if (automatic <= 0 || direction == 0) return current;
  const int percent = UiScalePercent(current, automatic);
  const int next = direction > 0 ? (percent / 10 + 1) * 10 : (percent % 10 ? percent / 10 * 10 : percent - 10);
  const float low = std::max(0.5f, automatic * 0.5f), high = std::min({4.0f, automatic * 2.0f, largest});
  const float wanted = automatic * static_cast<float>(next) / 100;
  if (wanted < low - 1e-4f || wanted > high + 1e-4f) return current;
  return wanted;
}

}  // namespace atelier::core
