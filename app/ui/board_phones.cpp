// The phones' QR code in the board's corner, when the facilitator chose "Code sur le tableau"
// on the Téléphones page: in the quiet band under the zones, between the bin and the right-hand
// "Ajouter une carte" button, so it covers no zone and no button; new cards land around it.
// Hidden while the board is locked (a phone's card would be refused then: no invitation that
// cannot be kept) and while the panel is open (the panel shows the larger code).
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/board_screen.h"
#include "ui/i18n.h"

namespace atelier::ui {

core::Rect BoardScreen::PhoneQrRect() const {
  if (!m_phones.on || !m_phones.board_qr || m_phones.phone_url.empty()) return {};
  if (m_session.board().locked() || m_panel.IsOpen() || m_pin_pad.IsOpen()) return {};
  const float s = m_config.ui_scale, gap = 16 * s;
  float top = m_layout.add_right.y - gap;  // a map without zones: the band of the add buttons
  const auto& zones = m_session.board().map_template().zones;
  if (!zones.empty()) {
    float bottom = 0;
    for (const core::Zone& z : zones) bottom = std::max(bottom, z.area.y + z.area.h);
    top = m_viewport.ToScreen({0, bottom}).y + 6 * s;
  }
  const float left = m_layout.bin.x + m_layout.bin.w + gap, right = m_layout.add_right.x - gap;
  const float bottom = static_cast<float>(m_framebuffer_h) - 6 * s;
  const core::Rect r{left, top, right - left, bottom - top};
  if (r.w < 240 * s || r.h < 96 * s) return {};  // no room for a code a phone could read
  return r;
}

void BoardScreen::DrawPhoneQr() {
  const core::Rect r = PhoneQrRect();
  if (r.w <= 0) return;
  const qr::QrCode* code = m_phone_qr.Get(m_phones.phone_url);
  if (!code) return;
  const float s = m_config.ui_scale, pad = 8 * s;
  // The code as large as the band's height allows (whole pixels per module), on the right; the
  // invitation on its left, on the same white card so it reads as one thing.
  const float side = QrSide(*code, r.h - 2 * pad);
  const float text_w = std::min(r.w - side - 3 * pad, 260 * s);
  const char* text = Tr("Ajoutez une carte depuis votre téléphone");
  ImFont* font = m_fonts.body;
  ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_w, text);
  if (size.y > side) {
    font = m_fonts.small;
    size = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_w, text);
  }
  const float card_w = side + size.x + 3 * pad;
  const ImVec2 a(std::round(r.x + r.w - card_w), std::round(r.y + (r.h - side) / 2 - pad));
  const ImVec2 b(a.x + card_w, a.y + side + 2 * pad);
  ImDrawList* draw = ImGui::GetBackgroundDrawList();  // under any window (editor, messages)
  draw->AddRectFilled(a, b, IM_COL32_WHITE, 10 * s);
  draw->AddRect(a, b, colours::kPanelBorder, 10 * s, 0, 2 * s);
  draw->AddText(font, font->FontSize, ImVec2(a.x + pad, a.y + (b.y - a.y - size.y) / 2), colours::kInk, text, nullptr,
                text_w);
  DrawQr(draw, *code, ImVec2(b.x - pad - side, a.y + pad), side);
}

}  // namespace atelier::ui
