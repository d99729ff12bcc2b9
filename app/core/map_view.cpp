#include "core/map_view.h"

#include <algorithm>
#include <cmath>

namespace atelier::core {

Viewport MapView::Apply(const Viewport& fitted) const {
  const Rect& f = fitted.pixels;
  const float w = f.w * zoom, h = f.h * zoom;
  return Viewport{{f.x - corner.x * w, f.y - corner.y * h, w, h}};
}

MapView MapView::Clamped() const {
  MapView v;
  v.zoom = std::isfinite(zoom) ? std::clamp(zoom, 1.0f, kMaxZoom) : 1.0f;
  const float room = 1 - 1 / v.zoom;
  v.corner.x = std::isfinite(corner.x) ? std::clamp(corner.x, 0.0f, room) : 0.0f;
  v.corner.y = std::isfinite(corner.y) ? std::clamp(corner.y, 0.0f, room) : 0.0f;
  return v;
}

MapView MapView::Pinned(MapPoint map, ScreenPoint at, float zoom, const Viewport& fitted) {
  MapView v;
  v.zoom = std::isfinite(zoom) ? std::clamp(zoom, 1.0f, kMaxZoom) : 1.0f;
  const Rect& f = fitted.pixels;
  if (f.w <= 0 || f.h <= 0) return MapView{};
  v.corner = {map.x - (at.x - f.x) / (f.w * v.zoom), map.y - (at.y - f.y) / (f.h * v.zoom)};
  return v.Clamped();
}

MapView MapView::Pinch(const MapView& from, const Viewport& fitted, ScreenPoint a0, ScreenPoint b0, ScreenPoint a,
                       ScreenPoint b) {
  const float d0 = std::hypot(b0.x - a0.x, b0.y - a0.y), d = std::hypot(b.x - a.x, b.y - a.y);
  const float ratio = d0 > 1 && d > 1 ? d / d0 : 1;  // fingers on top of each other: pan only
  const ScreenPoint mid0{(a0.x + b0.x) / 2, (a0.y + b0.y) / 2}, mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
  const MapPoint held = from.Apply(fitted).ToMap(mid0);
  return Pinned(held, mid, from.zoom * ratio, fitted);
}

MapView MapView::Between(const MapView& from, const MapView& to, float f) {
  f = std::clamp(f, 0.0f, 1.0f);
  const MapView a = from.Clamped(), b = to.Clamped();
  const float span = 1 / a.zoom + (1 / b.zoom - 1 / a.zoom) * f;
  MapView v;
  v.zoom = 1 / span;
  v.corner = {a.corner.x + (b.corner.x - a.corner.x) * f, a.corner.y + (b.corner.y - a.corner.y) * f};
  return v.Clamped();
}

}  // namespace atelier::core
