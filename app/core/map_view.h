// The part of the map a screen shows: the whole map (1×, as core::Viewport::Fit places it) or
// a zoomed-in piece of it, up to 4×, panned. A screen's own view, never an event: nothing of it
// is recorded, the board and its map units stay the same.
//
// Contract
// - A MapView is a zoom (1 … kMaxZoom) and `corner`, the map point shown at the top-left of
//   the fitted area. It always covers that area with map: corner.x and corner.y stay within
//   0 … 1 − 1/zoom, so the view never shows beyond the map's edges.
// - Apply(fitted) is the zoomed viewport: a larger, offset `pixels` rectangle, so every
//   ToMap / ToScreen (hit-testing, landing, drags) works unchanged in map units. Draw it
//   clipped to fitted.pixels.
// - Pinch(...) is absolute: from the view when the pinch began and where its two fingers were
//   then and are now (pixels), the view now. The map point under the fingers' first midpoint
//   stays under their midpoint now (unless an edge holds it back); the zoom follows the ratio
//   of the fingers' distances.
#pragma once

#include "core/geometry.h"

namespace atelier::core {

inline constexpr float kMaxZoom = 4;

struct MapView {
  float zoom = 1;
  MapPoint corner;  // map point at the top-left of the fitted area

  bool Zoomed() const { return zoom > 1.001f; }
  Viewport Apply(const Viewport& fitted) const;
  // This view with the zoom and corner brought within their limits.
  MapView Clamped() const;
  // The view at `zoom` that shows map point `map` at screen point `at` (clamped).
  static MapView Pinned(MapPoint map, ScreenPoint at, float zoom, const Viewport& fitted);
  static MapView Pinch(const MapView& from, const Viewport& fitted, ScreenPoint a0, ScreenPoint b0, ScreenPoint a,
                       ScreenPoint b);
  // Part way (f 0 … 1) from `from` to `to`, for a smooth return to the whole map: the visible
  // span (1/zoom) and the corner move linearly, so every step stays within the map.
  static MapView Between(const MapView& from, const MapView& to, float f);
  bool operator==(const MapView&) const = default;
};

}  // namespace atelier::core
