// Sections: the inbox panel · the badge on the board · the moderation switches.
#include "ui/phone_inbox.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "core/palette.h"
#include "core/touch_scale.h"
#include "ui/i18n.h"

namespace atelier::ui {

// ---------------------------------------------------------------------------------------------
// The inbox: one row per waiting card — the card as it would look, then its three buttons.

InboxChoice PhoneInbox::Draw(Controls& controls, const Fonts& fonts, float s, const core::Board& board) {
  InboxChoice choice;
  if (!m_open) return choice;
  const ImGuiIO& io = ImGui::GetIO();
  const float target = core::kBaseTargetPx * s, gap = 14 * s;
  const float panel_w = std::min(io.DisplaySize.x - 40 * s, std::max(900 * s, io.DisplaySize.x * 0.6f));
  ImGui::SetNextWindowPos(ImVec2((io.DisplaySize.x - panel_w) / 2, 20 * s));
  ImGui::SetNextWindowSize(ImVec2(panel_w, io.DisplaySize.y - 40 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24 * s, 20 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12 * s, 12 * s));
  ImGui::Begin("##phone_inbox", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
  controls.CoverCurrentWindow();
  const float w = ImGui::GetContentRegionAvail().x;

  std::vector<const core::InboxCard*> waiting;
  for (const auto& [id, card] : board.inbox())
    if (card.state == core::InboxCard::State::Waiting) waiting.push_back(&card);

  // Title and the way out, top right.
  ImGui::PushFont(fonts.large);
  const char* close = Tr("Fermer");
  const float close_w = ImGui::CalcTextSize(close).x + 2 * ImGui::GetStyle().FramePadding.x + 48 * s;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (target - ImGui::GetTextLineHeight()) / 2);
  ImGui::TextUnformatted(Tr("Cartes des téléphones"));
  ImGui::PopFont();
  ImGui::SameLine(w + ImGui::GetStyle().WindowPadding.x - close_w);
  ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
  if (controls.Button(close, ImVec2(close_w, target), ButtonLook::Plain, fonts.large)) {
    m_open = false;
    choice.what = InboxChoice::What::Close;
  }
  const std::string count = waiting.empty() ? std::string(Tr("Aucune carte en attente."))
                            : waiting.size() == 1
                                ? std::string(Tr("1 carte attend : acceptez-la pour la poser sur le tableau, ou refusez-la."))
                                : Tr("{1} cartes attendent : acceptez-les pour les poser sur le tableau, ou refusez-les.",
                                     {std::to_string(waiting.size())});
  WrappedText(fonts.body, count, colours::kInk);

  // The rows: a page at a time when they do not all fit.
  const float row_h = 2 * target + 3 * gap;
  RowPager::Range range = m_pager.Layout(waiting.size(), row_h, ImGui::GetContentRegionAvail().y, target + gap);
  const float card_w = std::round(w * 0.5f), buttons_w = w - card_w - gap;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t i = range.first; i < range.end; ++i) {
    const core::InboxCard& card = *waiting[i];
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float top_y = ImGui::GetCursorPosY();
    // The card: its paper colour, its text (as text), and the zone the phone chose.
    const auto colour = core::FindColour(card.colour);
    const ImVec2 b(top.x + card_w, top.y + 2 * target + gap);
    draw->AddRectFilled(ImVec2(top.x + 3 * s, top.y + 4 * s), ImVec2(b.x + 3 * s, b.y + 4 * s), IM_COL32(0, 0, 0, 0x30), 8 * s);
    draw->AddRectFilled(top, b, colour ? ToImU32(colour->paper) : IM_COL32(0xff, 0xf1, 0x9c, 0xff), 8 * s);
    const float pad = 14 * s;
    draw->PushClipRect(top, b, true);
    draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(top.x + pad, top.y + pad), ToImU32(core::kInk),
                  card.text.c_str(), nullptr, card_w - 2 * pad);
    if (!card.zone.empty()) {
      std::string zone = card.zone;
      for (const core::Zone& z : board.map_template().zones)
        if (z.id == card.zone) zone = z.label.fr;
      const std::string where = Tr("Zone : {1}", {zone});
      draw->AddText(fonts.small, fonts.small->FontSize,
                    ImVec2(top.x + pad, b.y - pad - fonts.small->FontSize), IM_COL32(0x4a, 0x4d, 0x52, 0xff),
                    where.c_str());
    }
    draw->PopClipRect();
    // Its buttons, on the right: accept (the big one), then edit and refuse.
    std::string id = "##inbox";
    id += std::to_string(card.id);
    ImGui::SetCursorScreenPos(ImVec2(top.x + card_w + gap, top.y));
    if (controls.Button((std::string(Tr("Accepter")) + id).c_str(), ImVec2(buttons_w, target), ButtonLook::Valider,
                        fonts.large))
      choice = {InboxChoice::What::Accept, card.id};
    ImGui::SetCursorScreenPos(ImVec2(top.x + card_w + gap, top.y + target + gap));
    const float half = (buttons_w - gap) / 2;
    const std::string edit = Tr("Modifier puis accepter");
    ImFont* edit_font = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, edit.c_str()).x < half - 16 * s
                            ? fonts.body
                            : fonts.small;
    if (controls.Button((edit + id).c_str(), ImVec2(half, target), ButtonLook::Plain, edit_font))
      choice = {InboxChoice::What::Edit, card.id};
    ImGui::SameLine(0, gap);
    if (controls.Button((std::string(Tr("Refuser")) + id).c_str(), ImVec2(half, target), ButtonLook::Danger, fonts.body))
      choice = {InboxChoice::What::Refuse, card.id};
    ImGui::SetCursorPosY(top_y + row_h);
  }
  m_pager.DrawButtons(controls, fonts, s, w);
  ImGui::End();
  ImGui::PopStyleVar(2);
  return choice;
}

// ---------------------------------------------------------------------------------------------
// The badge: under the corner mark, on the left edge, in the accent colour.

bool DrawInboxBadge(Controls& controls, const Fonts& fonts, float s, std::size_t waiting) {
  if (waiting == 0) return false;
  const std::string text = waiting == 1 ? std::string(Tr("1 carte de téléphone à valider"))
                                        : Tr("{1} cartes de téléphone à valider", {std::to_string(waiting)});
  ImFont* font = fonts.large;
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
  const float target = core::kBaseTargetPx * s, pad = 24 * s;
  const ImVec2 a(16 * s, 120 * s);
  const ImVec2 b(a.x + size.x + 2 * pad + target * 0.8f, a.y + std::max(target, size.y + 24 * s));
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(ImVec2(a.x + 3 * s, a.y + 5 * s), ImVec2(b.x + 3 * s, b.y + 5 * s), IM_COL32(0, 0, 0, 0x38),
                      (b.y - a.y) / 2);
  draw->AddRectFilled(a, b, colours::kAccent, (b.y - a.y) / 2);
  // A round count on the left, then the words.
  const float r = (b.y - a.y) * 0.36f;
  const ImVec2 c(a.x + pad / 2 + r, (a.y + b.y) / 2);
  draw->AddCircleFilled(c, r, IM_COL32_WHITE);
  const std::string n = waiting > 99 ? "99+" : std::to_string(waiting);
  const ImVec2 n_size = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, n.c_str());
  draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(c.x - n_size.x / 2, c.y - n_size.y / 2), colours::kAccent,
                n.c_str());
  draw->AddText(font, font->FontSize, ImVec2(c.x + r + pad / 2, (a.y + b.y - size.y) / 2), IM_COL32_WHITE, text.c_str());
  const core::Rect rect{a.x, a.y, b.x - a.x, b.y - a.y};
  controls.Record(Tr("Cartes des téléphones"), rect);  // for input scripts
  // An invisible ImGui button over it, so a touch on it goes to the UI and not to the board.
  ImGui::SetNextWindowPos(a);
  ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##inbox_badge", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
  controls.CoverCurrentWindow();
  const bool touched = ImGui::InvisibleButton("##inbox_badge_button", ImVec2(rect.w, rect.h));
  ImGui::End();
  ImGui::PopStyleVar();
  return touched;
}

// ---------------------------------------------------------------------------------------------
// The moderation switches.

bool DrawPhoneModerationSettings(Controls& controls, const Fonts& fonts, float s, float w, KioskSettings& wanted) {
  bool changed = DrawModerationSwitch(controls, fonts, s, w, ModerationSwitch::WhereCardsGo, wanted);
  changed = DrawModerationSwitch(controls, fonts, s, w, ModerationSwitch::WhoOpensInbox, wanted) || changed;
  return changed;
}

bool DrawModerationSwitch(Controls& controls, const Fonts& fonts, float s, float w, ModerationSwitch which,
                          KioskSettings& wanted) {
  const float target = core::kBaseTargetPx * s, gap = ImGui::GetStyle().ItemSpacing.x;
  const float caption_w = std::round(w * 0.3f);
  const float button_w = (w - caption_w - gap) / 2;
  bool changed = false;
  auto row = [&](const char* caption, const char* no, const char* yes, bool& value) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImFont* font = fonts.small;
    const float h = font->CalcTextSizeA(font->FontSize, FLT_MAX, caption_w - 8 * s, caption).y;
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(at.x, at.y + std::max(0.0f, (target - h) / 2)),
                                        colours::kInk, caption, nullptr, caption_w - 8 * s);
    ImGui::SetCursorScreenPos(ImVec2(at.x + caption_w, at.y));
    for (bool option : {false, true}) {
      if (option) ImGui::SameLine(0, gap);
      const char* label = option ? yes : no;
      ImFont* f = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, label).x < button_w - 12 * s ? fonts.body
                                                                                                        : fonts.small;
      if (controls.Button(label, ImVec2(button_w, target), value == option ? ButtonLook::Primary : ButtonLook::Plain, f) &&
          value != option) {
        value = option;
        changed = true;
      }
    }
  };
  if (which == ModerationSwitch::WhereCardsGo)
    row(Tr("Cartes des téléphones"), Tr("Sur le tableau"), Tr("À valider d'abord"), wanted.phones_inbox);
  else
    row(Tr("Ouvrir la boîte des téléphones"), Tr("Avec le code"), Tr("Tout le monde"), wanted.phones_inbox_anyone);
  return changed;
}

}  // namespace atelier::ui
