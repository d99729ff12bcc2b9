// Map coordinates and the screen viewport. A map point is normalised: x from 0 (left) to 1
// (right), y from 0 (top) to 1 (bottom) of a map whose shape is kMapAspect, so the same board
// looks the same at 1280×720, 1080p and 4K. Screen points are framebuffer pixels, y down.
#pragma once

namespace atelier::core {

inline constexpr float kMapAspect = 16.0f / 9.0f;  // width / height of the map

struct MapPoint {
  float x = 0;
  float y = 0;
  bool operator==(const MapPoint&) const = default;
};

struct ScreenPoint {
  float x = 0;
  float y = 0;
  bool operator==(const ScreenPoint&) const = default;
};

// A rectangle in normalised map coordinates (zones) or in pixels (UI), x/y is the top-left.
struct Rect {
  float x = 0;
  float y = 0;
  float w = 0;
  float h = 0;
  bool Contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
  bool operator==(const Rect&) const = default;
};

// Where the map is drawn on screen: the largest kMapAspect rectangle centred in the window.
struct Viewport {
  Rect pixels;

  static Viewport Fit(float window_w, float window_h);
  ScreenPoint ToScreen(MapPoint p) const { return {pixels.x + p.x * pixels.w, pixels.y + p.y * pixels.h}; }
  MapPoint ToMap(ScreenPoint p) const { return {(p.x - pixels.x) / pixels.w, (p.y - pixels.y) / pixels.h}; }
  // Map units are fractions of the map width (x) or height (y); one pixel of each.
  float PixelsPerMapX() const { return pixels.w; }
  float PixelsPerMapY() const { return pixels.h; }
};

MapPoint ClampToMap(MapPoint p);

}  // namespace atelier::core
