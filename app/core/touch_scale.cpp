#include "core/touch_scale.h"

#include <algorithm>

namespace atelier::core {

float UiScale(const ScreenFacts& facts) {
  if (facts.override_scale && *facts.override_scale > 0) return std::clamp(*facts.override_scale, 0.5f, 4.0f);
  float by_resolution = facts.framebuffer_h > 0 ? facts.framebuffer_h / 1080.0f : 1.0f;
  float scale = by_resolution;
  if (facts.physical_w_mm > 0 && facts.framebuffer_w > 0) {
    float px_per_mm = static_cast<float>(facts.framebuffer_w) / facts.physical_w_mm;
    // Between ~25 and ~500 dpi a reported size is believable; outside it is a TV's fiction.
    if (px_per_mm >= 1.0f && px_per_mm <= 20.0f)
      scale = std::max(by_resolution, kTouchTargetMm * px_per_mm / kBaseTargetPx);
  }
  return std::clamp(scale, 0.5f, 4.0f);
}

}  // namespace atelier::core
