#include "core/geometry.h"

#include <algorithm>

namespace atelier::core {

Viewport Viewport::Fit(float window_w, float window_h) {
  float w = window_w;
  float h = w / kMapAspect;
  if (h > window_h) {
    h = window_h;
    w = h * kMapAspect;
  }
  return Viewport{{(window_w - w) / 2, (window_h - h) / 2, w, h}};
}

MapPoint ClampToMap(MapPoint p) { return {std::clamp(p.x, 0.0f, 1.0f), std::clamp(p.y, 0.0f, 1.0f)}; }

}  // namespace atelier::core
