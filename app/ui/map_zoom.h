// A screen's zoom of its map (the kiosk board and the replay): two fingers on the empty map zoom
// 1× … 4× around them and pan (input/gesture.h pinches, core/map_view.h math); "Toute la carte"
// shows while zoomed and glides back to the whole map. The screen's own view, never an event:
// nothing is recorded and every card keeps its map place.
//
// Per frame: Follow (with the fitted viewport, before routing fingers) → Take each gesture →
// DrawButton (between NewFrame and Render) → Into (the renderer's view). zoomed() is the viewport
// to hit-test and drop cards with; buttons, landing and trays keep the fitted one.
#pragma once
#include <cstdint>
#include <optional>

#include "core/map_view.h"
#include "input/gesture.h"
#include "render/board_view.h"
#include "ui/controls.h"
#include "ui/theme.h"

namespace atelier::ui {

class MapZoom {
 public:
  void Follow(const core::Viewport& fitted, std::int64_t now_ms);
  bool Take(const input::Gesture& gesture);  // true: it was a pinch gesture (the screen drops it)
  void ShowWholeMap(std::int64_t now_ms);    // glides back to 1×
  void Reset();                              // 1× at once

  const core::MapView& view() const { return m_view; }
  const core::Viewport& zoomed() const { return m_zoomed; }
  bool Animating() const { return m_way_back.has_value(); }
  // "Toute la carte" at r while zoomed (a little map shows which part is on screen); a touch
  // starts the way back.
  void DrawButton(Controls& controls, const Fonts& fonts, float scale, core::Rect r, std::int64_t now_ms);
  // The renderer's view: the zoomed viewport, clipped to the fitted map, the tray left unzoomed.
  void Into(render::BoardView& view) const;

 private:
  struct WayBack {
    core::MapView from;
    std::int64_t start_ms = 0;
  };
  core::Viewport m_fitted, m_zoomed;
  core::MapView m_view, m_pinch_from;
  std::optional<WayBack> m_way_back;
};

}  // namespace atelier::ui
