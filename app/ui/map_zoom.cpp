#include "ui/map_zoom.h"

#include <algorithm>

#include "ui/i18n.h"

namespace atelier::ui {

namespace {
constexpr std::int64_t kWayBackMs = 350;  // "Toute la carte": the glide back to 1×
constexpr float kSnapZoom = 1.06f;        // a pinch let go this close to 1× snaps to the whole map

float Ease(float f) { return f * f * (3 - 2 * f); }
}  // namespace

void MapZoom::Follow(const core::Viewport& fitted, std::int64_t now_ms) {
  m_fitted = fitted;
  if (m_way_back) {
    const float f = std::clamp(static_cast<float>(now_ms - m_way_back->start_ms) / kWayBackMs, 0.0f, 1.0f);
    m_view = core::MapView::Between(m_way_back->from, core::MapView{}, Ease(f));
    if (f >= 1) m_way_back.reset();
  }
  m_zoomed = m_view.Apply(m_fitted);
}

bool MapZoom::Take(const input::Gesture& gesture) {
  if (std::holds_alternative<input::PinchStarted>(gesture)) {
    m_way_back.reset();  // the fingers take the view from wherever the glide had brought it
    m_pinch_from = m_view;
  } else if (const auto* pinch = std::get_if<input::PinchMoved>(&gesture)) {
    m_view = core::MapView::Pinch(m_pinch_from, m_fitted, pinch->a0, pinch->b0, pinch->a, pinch->b);
    m_zoomed = m_view.Apply(m_fitted);  // the next finger of this frame already sees it
  } else if (std::holds_alternative<input::PinchEnded>(gesture)) {
    if (m_view.zoom < kSnapZoom) Reset();
  } else {
    return false;
  }
  return true;
}

void MapZoom::ShowWholeMap(std::int64_t now_ms) {
  if (m_view == core::MapView{}) return;
  m_way_back = WayBack{m_view, now_ms};
}

void MapZoom::Reset() {
  m_view = {};
  m_way_back.reset();
  m_zoomed = m_fitted;
}

void MapZoom::DrawButton(Controls& controls, const Fonts& fonts, float scale, core::Rect r, std::int64_t now_ms) {
  if (!m_view.Zoomed() || m_way_back) return;
  const float s = scale;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::SetNextWindowBgAlpha(0);
  ImGui::Begin("##whole_map", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav);
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.85f, 0.5f));  // clear of the little map
  if (controls.Button(Tr("Toute la carte"), ImVec2(r.w, r.h), ButtonLook::Plain, fonts.body)) ShowWholeMap(now_ms);
  ImGui::PopStyleVar();
  // A little map with the part on screen marked: where we are, and that the button shows it all.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float mw = 64 * s, mh = mw / core::kMapAspect;
  const ImVec2 a(r.x + 22 * s, r.y + (r.h - mh) / 2), b(a.x + mw, a.y + mh);
  draw->AddRectFilled(a, b, IM_COL32(0xfb, 0xfa, 0xf6, 0xff), 3 * s);
  const float span = 1 / m_view.zoom;
  const ImVec2 pa(a.x + m_view.corner.x * mw, a.y + m_view.corner.y * mh);
  draw->AddRectFilled(pa, ImVec2(pa.x + span * mw, pa.y + span * mh), colours::kOk, 2 * s);
  draw->AddRect(a, b, colours::kInkSoft, 3 * s, 0, 2 * s);
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void MapZoom::Into(render::BoardView& view) const {
  view.viewport = m_zoomed;
  if (m_view.Zoomed() || m_way_back) {
    view.clip = m_fitted.pixels;
    view.fitted = m_fitted;
  }
}

}  // namespace atelier::ui
