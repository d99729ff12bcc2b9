// Piles of duplicates on the map ("Regrouper les doublons", core/pile.h): the count badge on a
// pile's top card, large enough to read from a few metres, and a tap on a pile fanning it out.
#include "ui/board_screen.h"

#include <algorithm>
#include <cfloat>
#include <map>
#include <string>

#include "core/command.h"
#include "core/pile.h"
#include "ui/board_screen_parts.h"
#include "ui/i18n.h"

namespace atelier::ui {

using namespace board_parts;

bool BoardScreen::TapPile(const core::Card& card) {
  const auto pile = core::PileOf(m_session.board(), card);
  if (!pile) return false;
  Submit(core::SpreadPile{*pile});  // a locked board refuses it, and the message says why
  return true;
}

void BoardScreen::DrawPileBadges() {
  const core::Board& board = m_session.board();
  // The top card of each pile (highest z), where it shows now: gliding, held, or in place.
  std::map<core::CardId, std::pair<const core::Card*, int>> tops;  // pile → top card, count
  for (const auto& [id, card] : board.cards()) {
    if (card.pile == 0) continue;
    auto& [top, count] = tops[card.pile];
    ++count;
    if (!top || card.z > top->z) top = &card;
  }
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float s = m_config.ui_scale;
  const core::CardSize size = m_shown_size ? *m_shown_size : board.card_size();
  const std::vector<input::HeldCard> held = m_gestures.Held();
  ImFont* font = m_fonts.large;
  const core::Rect& map = m_viewport.pixels;  // zoomed in: no badge beyond the map's edges
  draw->PushClipRect(ImVec2(map.x, map.y), ImVec2(map.x + map.w, map.y + map.h), true);
  for (const auto& [pile, entry] : tops) {
    const auto& [top, count] = entry;
    if (count < 2) continue;
    core::MapPoint at = top->at;
    for (const render::HeldCard& p : m_placed)
      if (p.id == top->id) at = p.at;
    for (const input::HeldCard& h : held)
      if (h.card == top->id) at = h.centre;
    const core::Rect b = core::CardRectAt(at, size);
    std::string text = "×";
    text += std::to_string(count);
    const ImVec2 t = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
    const float h = std::max(t.y + 8 * s, 48 * s), w = std::max(t.x + 24 * s, h);
    // Astride the card's top-right corner, so it covers little of the text.
    const core::ScreenPoint corner = m_zoom.zoomed().ToScreen({b.x + b.w, b.y});  // as drawn, zoomed or not
    const ImVec2 a(corner.x - w + 12 * s, corner.y - h / 2 + 4 * s);
    const ImVec2 z(a.x + w, a.y + h);
    draw->AddRectFilled(a, z, IM_COL32(0x1f, 0x3a, 0x5f, 0xff), h / 2);
    draw->AddRect(a, z, IM_COL32_WHITE, h / 2, 0, 3 * s);
    draw->AddText(font, font->FontSize, ImVec2(a.x + (w - t.x) / 2, a.y + (h - t.y) / 2), IM_COL32_WHITE,
                  text.c_str());
  }
  draw->PopClipRect();
}

}  // namespace atelier::ui
