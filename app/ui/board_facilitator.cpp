// The facilitator's corner: the corner mark and its long press, the PIN pad, the panel, and what
// everyone sees of the facilitation (vote controls, the locked-board notice, the idle
// invitation).
#include "ui/board_screen.h"

#include <algorithm>
#include <cfloat>

#include "core/command.h"
#include "ui/board_screen_parts.h"
#include "ui/i18n.h"

namespace atelier::ui {

using namespace board_parts;

// ---------------------------------------------------------------------------------------------
// The facilitator: corner mark, PIN pad, panel; and what everyone sees of the phases and the lock.

core::Rect BoardScreen::CornerRect() const {
  const float side = 110 * m_config.ui_scale;  // big enough for a thumb, in a corner nobody works in
  return {0, 0, side, side};
}

void BoardScreen::DrawCornerMark(std::int64_t now_ms) {
  // Discreet: a small grey ring. While pressed, a ring fills clockwise over the 3 seconds, so
  // the facilitator knows to hold on (and a curious finger sees that nothing happens quickly).
  const float s = m_config.ui_scale;
  const core::Rect r = CornerRect();
  const ImVec2 c(r.x + 34 * s, r.y + 34 * s);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddCircle(c, 12 * s, IM_COL32(0x8a, 0x85, 0x7a, 0x90), 0, 2 * s);
  m_controls.Record("Accès animation", r);  // for input scripts; nothing written on screen
  if (!m_corner_pointer) return;
  const float f = std::clamp(static_cast<float>(now_ms - m_corner_down_ms) / m_config.corner_press_ms, 0.0f, 1.0f);
  const float radius = 26 * s, start = -kPi / 2;
  draw->AddCircleFilled(c, radius + 6 * s, IM_COL32(0xfb, 0xfa, 0xf7, 0xe0));
  draw->PathArcTo(c, radius, start, start + f * 2 * kPi, 48);
  draw->PathStroke(colours::kAccent, 0, 7 * s);
}

void BoardScreen::DrawFacilitator(std::int64_t now_ms) {
  if (!m_pin_pad.IsOpen() && !m_panel.IsOpen()) DrawCornerMark(now_ms);
  if (m_panel.IsOpen() && !m_pin_pad.IsOpen()) {
    std::string said;
    const PanelInfo info{
        .title = m_title,
        .selected = m_selected,
        .decks = m_config.decks,
        .lang = m_config.lang,
        .settings = {.now = {.lang = m_config.lang,
                             .keyboard = m_config.keyboard,
                             .idle_delay_s = static_cast<int>(m_config.idle_ms / 1000),
                             .ui_scale = m_config.ui_scale_setting,
                             .phones_inbox = m_config.phones_inbox,
                             .phones_inbox_anyone = m_config.phones_inbox_anyone},
                     .scale_auto = m_config.ui_scale_auto,
                     .scale_largest = m_config.ui_scale_largest,
                     .problem = m_settings_problem},
        .phones = m_phones,
        .exports = m_export_view};
    PanelRequest request = m_panel.Draw(m_controls, m_fonts, m_config.ui_scale, m_session, info, said);
    if (!said.empty()) ShowMessage(said, now_ms);
    switch (request) {
      case PanelRequest::None: break;
      case PanelRequest::Close: m_selected.reset(); break;
      case PanelRequest::Sessions:
        m_panel.Close();
        m_sessions_requested = true;
        break;
      case PanelRequest::EndSession:
        m_panel.Close();
        m_end_requested = true;
        break;
      case PanelRequest::Quit: m_quit_requested = true; break;
      case PanelRequest::ChangePin: m_pin_pad.OpenToChange(); break;
      case PanelRequest::Settings: m_settings_requested = m_panel.settings(); break;
      case PanelRequest::Phones: m_phones_requested = m_panel.phones_ask(); break;
      case PanelRequest::Export: m_export_requested = false; break;
      case PanelRequest::ExportToStick: m_export_requested = true; break;
      case PanelRequest::EditSelected:
        if (const core::Card* card = m_selected ? m_session.board().Find(*m_selected) : nullptr) {
          if (std::optional<std::size_t> free = FreeEditorFor(*card)) {
            m_panel.Close();
            m_editor_actor[*free] = core::Actor::Facilitator;
            m_editors[*free].OpenExisting(*card, /*left_side=*/*free == 0, m_viewport);
            m_typing = *free;
          }
        }
        break;
    }
  }
  if (m_pin_pad.IsOpen() && m_config.pins) {
    const bool changing = m_panel.IsOpen();
    if (m_pin_pad.Draw(m_controls, m_fonts, m_config.ui_scale, now_ms, *m_config.pins, m_pin_guard) ==
        PinPad::Outcome::Granted) {
      if (changing) ShowMessage(Tr("Nouveau code enregistré."), now_ms);
      else if (std::exchange(m_pin_for_inbox, false)) m_inbox.Open(core::Actor::Facilitator);  // board_inbox.cpp
      else m_panel.Open();
    }
  }
}

void BoardScreen::DrawVoteControls() {
  // On every card, a round "+" at its bottom-right corner: the sign that a touch adds a dot.
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float s = m_config.ui_scale;
  const core::Viewport view = m_zoom.zoomed();  // on the cards as drawn, zoomed or not
  const core::Rect& map = m_viewport.pixels;
  draw->PushClipRect(ImVec2(map.x, map.y), ImVec2(map.x + map.w, map.y + map.h), true);
  for (const core::Card* card : m_session.board().InDrawOrder()) {
    const core::Rect b = m_session.board().CardBounds(*card);
    const core::ScreenPoint corner = view.ToScreen({b.x + b.w, b.y + b.h});
    const ImVec2 c(corner.x - 6 * s, corner.y - 6 * s);
    const float r = 20 * s;
    draw->AddCircleFilled(c, r, IM_COL32_WHITE);
    draw->AddCircle(c, r, colours::kAccent, 0, 3 * s);
    draw->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x + r * 0.5f, c.y), colours::kAccent, 4 * s);
    draw->AddLine(ImVec2(c.x, c.y - r * 0.5f), ImVec2(c.x, c.y + r * 0.5f), colours::kAccent, 4 * s);
  }
  draw->PopClipRect();
}

float BoardScreen::DrawLockNotice(float top_y, const core::Rect* countdown) {
  // Top right, in the band above the zones, just left of the recording dot: the template's title
  // is top left and the phase countdown top centre, so the notice covers neither. Beside a wide
  // countdown the sentence takes two lines; only a screen too narrow even for that puts it under
  // the countdown.
  const float s = m_config.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  const char* text = Tr("Tableau verrouillé : on regarde ensemble");
  ImFont* font = m_fonts.body;
  const float pad = 20 * s, icon = 40 * s, gap = 16 * s;
  const char* recorded = Tr("Enregistré");  // DrawRecording's word and dot, 24 px from the right edge
  const float right = io.DisplaySize.x - 24 * s -
                      m_fonts.small->CalcTextSizeA(m_fonts.small->FontSize, FLT_MAX, 0, recorded).x - 23 * s - gap;
  const float left_limit = countdown ? countdown->x + countdown->w + gap : 0;
  const ImVec2 line = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
  float wrap = 0;  // one line
  ImVec2 size = line;
  if (right - (line.x + 2 * pad + icon) < left_limit) {
    wrap = line.x * 0.55f;
    size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text);
  }
  ImVec2 a(right - (size.x + 2 * pad + icon), top_y);
  if (a.x < left_limit) {  // no room beside the countdown: under it, on one line
    wrap = 0;
    size = line;
    a = ImVec2((io.DisplaySize.x - (line.x + 2 * pad + icon)) / 2, countdown->y + countdown->h + 10 * s);
  }
  const ImVec2 b(a.x + size.x + 2 * pad + icon, a.y + size.y + 20 * s);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(a, b, IM_COL32(0x2b, 0x30, 0x38, 0xe8), std::min(b.y - a.y, line.y + 20 * s) / 2);
  // A small padlock: shackle and body.
  const ImVec2 lock(a.x + pad + 12 * s, (a.y + b.y) / 2 + 4 * s);
  draw->AddCircle(ImVec2(lock.x, lock.y - 8 * s), 8 * s, IM_COL32_WHITE, 0, 3 * s);
  draw->AddRectFilled(ImVec2(lock.x - 12 * s, lock.y - 6 * s), ImVec2(lock.x + 12 * s, lock.y + 12 * s),
                      IM_COL32_WHITE, 3 * s);
  draw->AddText(font, font->FontSize, ImVec2(a.x + pad + icon, a.y + 10 * s), IM_COL32_WHITE, text, nullptr, wrap);
  return b.y;
}

void BoardScreen::DrawIdleInvitation() {
  // Soft: the board stays visible behind a light veil; one sentence, large, in the middle.
  const ImGuiIO& io = ImGui::GetIO();
  const float s = m_config.ui_scale;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0xfb, 0xfa, 0xf7, 0x90));
  const char* text = Tr("Touchez l'écran pour ajouter votre carte");
  ImFont* font = m_fonts.large;
  const float size_px = font->FontSize * 1.4f;
  const ImVec2 size = font->CalcTextSizeA(size_px, FLT_MAX, 0, text);
  const ImVec2 a((io.DisplaySize.x - size.x) / 2 - 48 * s, io.DisplaySize.y / 2 - size.y / 2 - 36 * s);
  const ImVec2 b(a.x + size.x + 96 * s, a.y + size.y + 72 * s);
  draw->AddRectFilled(ImVec2(a.x + 3 * s, a.y + 6 * s), ImVec2(b.x + 3 * s, b.y + 6 * s), IM_COL32(0, 0, 0, 0x30), 28 * s);
  draw->AddRectFilled(a, b, colours::kAccent, 28 * s);
  draw->AddText(font, size_px, ImVec2(a.x + 48 * s, a.y + 36 * s), IM_COL32_WHITE, text);
  m_controls.Record(text, {a.x, a.y, b.x - a.x, b.y - a.y});
}

}  // namespace atelier::ui
