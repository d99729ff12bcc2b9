// Sections: the deck and its layout · fingers · drawing.
#include "ui/deck_tray.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/text.h"
#include "ui/i18n.h"

namespace atelier::ui {

namespace {

constexpr float kHeaderH = 76, kLabelH = 30, kPad = 14, kGap = 22, kArrowW = 96;  // design px
constexpr ImGuiWindowFlags kBare = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar;

}  // namespace

// ---------------------------------------------------------------------------------------------
// The deck and its layout.

void DeckTray::SetDeck(std::vector<core::DeckCard> cards, core::DeckMode mode) {
  m_cards = std::move(cards);
  m_mode = mode;
  m_page = 0;
  m_drags.clear();
  if (m_cards.empty()) m_open = false;
}

void DeckTray::Close() {
  m_open = false;
  m_drags.clear();
}

void DeckTray::Layout(const core::Viewport& viewport, int fb_w, int fb_h, float s, const core::Board& board) {
  m_viewport = viewport;
  m_scale = s;
  m_slots.clear();
  const float card_w = core::kCardWidth * viewport.pixels.w, card_h = core::kCardHeight * viewport.pixels.h;
  const float band_h = (kPad + kHeaderH + kLabelH + kPad) * s + card_h;
  m_band = {0, fb_h - band_h, static_cast<float>(fb_w), band_h};
  m_header = {kPad * s, m_band.y + kPad * s, fb_w - 2 * kPad * s, kHeaderH * s};
  const float row_y = m_header.y + m_header.h + kLabelH * s;
  m_prev = {kPad * s, row_y, kArrowW * s, card_h};
  m_next = {fb_w - (kPad + kArrowW) * s, row_y, kArrowW * s, card_h};
  if (!m_open) return;  // closed: no slots, and no pass over the board's cards every frame

  const std::vector<std::size_t> shown = core::OnTray(m_cards, board, m_mode);
  m_shown_count = shown.size();
  const float left = m_prev.x + m_prev.w + kGap * s, right = m_next.x - kGap * s;
  m_per_page = std::max<std::size_t>(1, static_cast<std::size_t>((right - left + kGap * s) / (card_w + kGap * s)));
  const std::size_t pages = std::max<std::size_t>(1, (shown.size() + m_per_page - 1) / m_per_page);
  m_page = std::min(m_page, pages - 1);  // consumed cards may have emptied the last page
  const std::size_t first = m_page * m_per_page, count = std::min(m_per_page, shown.size() - std::min(first, shown.size()));
  // This page's cards centred between the arrows.
  const float row_w = count * card_w + (count > 0 ? (count - 1) * kGap * s : 0);
  float x = left + (right - left - row_w) / 2;
  for (std::size_t i = 0; i < count; ++i, x += card_w + kGap * s)
    m_slots.push_back({shown[first + i], {x, row_y, card_w, card_h}});
}

// ---------------------------------------------------------------------------------------------
// Fingers.

bool DeckTray::Press(int pointer, core::ScreenPoint at) {
  if (!m_open) return false;
  for (const Slot& slot : m_slots) {
    if (!slot.rect.Contains(at.x, at.y)) continue;
    const core::ScreenPoint centre{slot.rect.x + slot.rect.w / 2, slot.rect.y + slot.rect.h / 2};
    m_drags[pointer] = {.card = slot.card, .down = at, .at = at, .grab = {at.x - centre.x, at.y - centre.y}};
    return true;
  }
  return false;
}

void DeckTray::Move(int pointer, core::ScreenPoint at) {
  auto drag = m_drags.find(pointer);
  if (drag == m_drags.end()) return;
  drag->second.at = at;
  // Touch jitter is not a drag: the card lifts once the finger has really moved.
  if (std::hypot(at.x - drag->second.down.x, at.y - drag->second.down.y) >= 12 * m_scale) drag->second.moved = true;
}

DeckTray::Drop DeckTray::Release(int pointer, core::ScreenPoint at) {
  auto found = m_drags.find(pointer);
  if (found == m_drags.end()) return {};
  Move(pointer, at);
  const Drag drag = found->second;
  m_drags.erase(found);
  if (!drag.moved) return {.what = Drop::What::Tapped};
  const core::Rect& map = m_viewport.pixels;
  if ((m_open && m_band.Contains(at.x, at.y)) || !map.Contains(at.x, at.y)) return {.what = Drop::What::Returned};
  if (drag.card >= m_cards.size()) return {};  // the deck changed under the finger
  const core::DeckCard& card = m_cards[drag.card];
  const core::MapPoint centre = core::ClampToMap(m_viewport.ToMap({at.x - drag.grab.x, at.y - drag.grab.y}));
  return {.what = Drop::What::OnMap, .add = core::AddCard{card.text, card.colour, centre}};
}

// ---------------------------------------------------------------------------------------------
// Drawing.

void DeckTray::DrawControls(Controls& controls, const Fonts& fonts, float s) {
  if (!m_open) return;
  controls.Cover(m_header);
  ImGui::SetNextWindowPos(ImVec2(m_header.x, m_header.y));
  ImGui::SetNextWindowSize(ImVec2(m_header.w, m_header.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##deck_tray", nullptr, kBare);
  ImDrawList* draw = ImGui::GetWindowDrawList();

  const float close_w = 260 * s;
  ImGui::SetCursorPos(ImVec2(m_header.w - close_w, 0));
  if (controls.Button(Tr("Fermer le paquet"), ImVec2(close_w, m_header.h - 8 * s), ButtonLook::Plain, fonts.body))
    Close();

  // One line: how many cards, the page, and what to do with them.
  std::string title = Tr("Cartes prêtes : {1}", {std::to_string(m_shown_count)});
  const std::size_t pages = std::max<std::size_t>(1, (m_shown_count + m_per_page - 1) / m_per_page);
  if (pages > 1) title += "  ·  " + Tr("page {1} sur {2}", {std::to_string(m_page + 1), std::to_string(pages)});
  ImFont* big = fonts.large;
  const float title_w = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, title.c_str()).x;
  const float mid = m_header.y + (m_header.h - 8 * s) / 2;
  draw->AddText(big, big->FontSize, ImVec2(m_header.x, mid - big->FontSize / 2), colours::kInk, title.c_str());
  const char* hint = m_shown_count == 0 ? Tr("Toutes les cartes du paquet sont sur le tableau.")
                                        : Tr("Faites glisser une carte sur le tableau.");
  const ImVec2 hint_at(m_header.x + title_w + 32 * s, mid - fonts.body->FontSize / 2);
  const float hint_w = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, hint).x;
  if (hint_at.x + hint_w < m_header.x + m_header.w - close_w - 16 * s)  // whole, or not at all
    draw->AddText(fonts.body, fonts.body->FontSize, hint_at, colours::kInkSoft, hint);
  ImGui::End();
  ImGui::PopStyleVar();

  // Page arrows, when there are pages: each a tall button with a drawn triangle (no glyph needed).
  for (int side = 0; side < 2 && pages > 1; ++side) {
    const core::Rect& r = side == 0 ? m_prev : m_next;
    const bool usable = side == 0 ? m_page > 0 : m_page + 1 < pages;
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(side == 0 ? "##deck_prev" : "##deck_next", nullptr, kBare);
    if (controls.Button(side == 0 ? "##prev" : "##next", ImVec2(r.w, r.h), usable ? ButtonLook::Primary : ButtonLook::Plain) &&
        usable)
      m_page += side == 0 ? -1 : 1;
    controls.Record(side == 0 ? Tr("Cartes précédentes") : Tr("Cartes suivantes"), r);
    const ImU32 ink = usable ? IM_COL32_WHITE : IM_COL32(0xb0, 0xab, 0xa0, 0xff);
    const float cx = r.x + r.w / 2, cy = r.y + r.h / 2, d = 22 * s;
    if (side == 0)
      ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(cx - d, cy), ImVec2(cx + d * 0.7f, cy - d), ImVec2(cx + d * 0.7f, cy + d), ink);
    else
      ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(cx + d, cy), ImVec2(cx - d * 0.7f, cy + d), ImVec2(cx - d * 0.7f, cy - d), ink);
    ImGui::End();
    ImGui::PopStyleVar();
  }

  // Each run of cards of one category under its name (cut with "…" to the run's width), and
  // each card named for input scripts.
  ImDrawList* under = ImGui::GetBackgroundDrawList();
  ImFont* font = fonts.small;
  for (std::size_t i = 0; i < m_slots.size();) {
    const std::string& category = m_cards[m_slots[i].card].category;
    std::size_t end = i;
    while (end + 1 < m_slots.size() && m_cards[m_slots[end + 1].card].category == category) ++end;
    const core::Rect& first = m_slots[i].rect;
    const float run_w = m_slots[end].rect.x + m_slots[end].rect.w - first.x;
    std::string label = category;
    while (!label.empty() && font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x > run_w) {
      label = core::TruncateChars(label, core::CountChars(label) - 2) + "…";
      if (core::CountChars(label) <= 2) break;
    }
    if (!label.empty())
      under->AddText(font, font->FontSize, ImVec2(first.x, first.y - kLabelH * s), colours::kInkSoft, label.c_str());
    i = end + 1;
  }
  for (const Slot& slot : m_slots) controls.Record(m_cards[slot.card].text, slot.rect);
}

void DeckTray::AppendLoose(std::vector<render::LooseCard>& out) const {
  auto dragged = [&](std::size_t card) {
    return std::any_of(m_drags.begin(), m_drags.end(),
                       [card](const auto& d) { return d.second.card == card && d.second.moved; });
  };
  if (m_open)
    for (const Slot& slot : m_slots) {
      if (m_mode == core::DeckMode::Consume && dragged(slot.card)) continue;  // it is in someone's hand
      const core::DeckCard& card = m_cards[slot.card];
      out.push_back({card.text, card.colour, m_viewport.ToMap({slot.rect.x + slot.rect.w / 2, slot.rect.y + slot.rect.h / 2}),
                     false});
    }
  for (const auto& [pointer, drag] : m_drags) {
    if (!drag.moved || drag.card >= m_cards.size()) continue;
    const core::DeckCard& card = m_cards[drag.card];
    out.push_back({card.text, card.colour, m_viewport.ToMap({drag.at.x - drag.grab.x, drag.at.y - drag.grab.y}), true});
  }
}

}  // namespace atelier::ui
