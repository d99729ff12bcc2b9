// Sections: opening · physical keyboard · the panel (preview, colours, keys).
#include "ui/card_editor.h"

#include <algorithm>
#include <cfloat>

#include "core/palette.h"
#include "core/text.h"
#include "ui/i18n.h"

namespace atelier::ui {

namespace {

constexpr ImGuiWindowFlags kPanel = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;

}  // namespace

// ---------------------------------------------------------------------------------------------
// Opening.

void CardEditor::Open(const core::Viewport& viewport) {
  m_viewport = viewport;
  m_keyboard.Reset();
  m_too_long = false;
  m_open = true;
}

void CardEditor::OpenNew(core::MapPoint spawn, bool left_side, const core::Viewport& viewport) {
  m_card.reset();
  m_edit.Clear();
  m_colour = std::string(core::kDefaultColour);
  m_spawn = spawn;
  m_left_side = left_side;
  m_at_top = false;
  Open(viewport);
}

void CardEditor::OpenExisting(const core::Card& card, const core::Viewport& viewport) {
  m_card = card.id;
  m_edit = core::TextEdit(card.text);
  m_colour = card.colour;
  m_spawn = card.at;
  m_left_side = card.at.x < 0.5f;
  m_at_top = card.at.y > 0.5f;
  Open(viewport);
}

// ---------------------------------------------------------------------------------------------
// Physical keyboard.

void CardEditor::Insert(std::string_view utf8) {
  if (!m_edit.Insert(utf8)) {
    m_too_long = true;
    m_too_long_until_ms = m_now_ms + 5000;
  }
}

void CardEditor::Type(std::string_view utf8) { Insert(utf8); }

CardEditor::Outcome CardEditor::Key(KeyPress key) {
  switch (OnScreenKeyboard::PhysicalKey(key, m_edit)) {
    case input::KeyAction::Validate: return Outcome::Validated;
    case input::KeyAction::Cancel: return Outcome::Cancelled;
    case input::KeyAction::Continue: break;
  }
  return Outcome::None;
}

// ---------------------------------------------------------------------------------------------
// The panel.

CardEditor::Outcome CardEditor::Draw(Controls& controls, const Fonts& fonts, float scale, std::int64_t now_ms) {
  m_now_ms = now_ms;
  const ImGuiIO& io = ImGui::GetIO();
  float margin = 24 * scale;
  float width = std::min(io.DisplaySize.x * 0.55f - margin, 1000 * scale);
  float x = m_left_side ? margin : io.DisplaySize.x - margin - width;
  ImVec2 pivot(0, m_at_top ? 0.0f : 1.0f);
  ImGui::SetNextWindowPos(ImVec2(x, m_at_top ? margin : io.DisplaySize.y - margin), ImGuiCond_Always, pivot);
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::Begin("##editor", nullptr, kPanel | ImGuiWindowFlags_AlwaysAutoResize);
  float inner = width - 2 * ImGui::GetStyle().WindowPadding.x;
  // Last frame's height against the screen's: shrink the preview by what overflowed, or give
  // it back what is free (the window sizes itself a frame late, so this settles in two frames).
  const float full = 150 * scale, least = 56 * scale;
  const float spare = io.DisplaySize.y - 2 * margin - ImGui::GetWindowHeight();
  if (m_preview_h <= 0) m_preview_h = full;
  m_preview_h = std::clamp(m_preview_h + spare, least, full);

  ImGui::PushFont(fonts.body);
  ImGui::TextUnformatted(m_card ? Tr("Modifier la carte") : Tr("Nouvelle carte"));
  std::string counter = std::to_string(m_edit.chars()) + " / " + std::to_string(core::kMaxCardChars);
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(counter.c_str()).x);
  ImGui::TextColored(ImVec4(0.29f, 0.31f, 0.34f, 1), "%s", counter.c_str());
  ImGui::PopFont();

  DrawPreview(fonts, scale, inner);
  if (m_too_long && now_ms < m_too_long_until_ms) {
    ImGui::PushFont(fonts.small);
    ImGui::TextColored(ImVec4(0.70f, 0.15f, 0.12f, 1), "%s", Tr("Une carte contient au plus 200 caractères : la suite n'a pas été ajoutée."));
    ImGui::PopFont();
  }
  DrawColours(controls, fonts, scale, inner);
  Outcome outcome = DrawKeyboard(controls, fonts, scale, inner);
  controls.CoverCurrentWindow();
  ImGui::End();
  return outcome;
}

void CardEditor::DrawPreview(const Fonts& fonts, float scale, float width) {
  // The card as it will look: its paper, dark text, and a caret where the next letter goes.
  const core::CardColour paper = core::FindColour(m_colour).value_or(core::kPalette[0]);
  float height = m_preview_h;
  ImVec2 min = ImGui::GetCursorScreenPos();
  ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(min.x + 4 * scale, min.y + 6 * scale), ImVec2(max.x + 4 * scale, max.y + 6 * scale),
                      IM_COL32(0, 0, 0, 40), 12 * scale);
  draw->AddRectFilled(min, max, ToImU32(paper.paper), 12 * scale);

  ImFont* font = m_edit.chars() > 110 ? fonts.small : m_edit.chars() > 50 ? fonts.body : fonts.large;
  if (height < 100 * scale && font == fonts.large) font = fonts.body;  // a short screen's preview
  float pad = std::min(16 * scale, (height - font->FontSize) / 2);
  // Built by appending: GCC 12 at -O3 wrongly reports -Wrestrict on inserting into a string
  // (GCC bug 105329).
  const std::string& typed = m_edit.text();
  std::string shown;
  shown.reserve(typed.size() + 1);
  shown.append(typed, 0, m_edit.caret()).append(1, '|').append(typed, m_edit.caret());
  if (m_edit.text().empty()) {
    ImVec4 clip(min.x, min.y, max.x, max.y);
    draw->AddText(font, font->FontSize, ImVec2(min.x + pad, min.y + pad), IM_COL32(0x1f, 0x23, 0x28, 0x90),
                  Tr("| Écrivez avec le clavier ci-dessous"), nullptr, 0, &clip);
  } else {
    ImVec4 clip(min.x, min.y, max.x, max.y);
    draw->AddText(font, font->FontSize, ImVec2(min.x + pad, min.y + pad), ToImU32(core::kInk), shown.c_str(), nullptr,
                  width - 2 * pad, &clip);
  }
  ImGui::Dummy(ImVec2(width, height + 8 * scale));
}

void CardEditor::DrawColours(Controls& controls, const Fonts& fonts, float scale, float width) {
  float gap = ImGui::GetStyle().ItemSpacing.x;
  float w = (width - gap * (core::kPalette.size() - 1)) / core::kPalette.size();
  float h = 66 * scale;
  for (std::size_t i = 0; i < core::kPalette.size(); ++i) {
    const core::CardColour& c = core::kPalette[i];
    if (i) ImGui::SameLine();
    std::string label = TrName(c.french_name) + "##colour";
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(ToImU32(c.paper)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(ToImU32(c.paper)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(ToImU32(c.paper)));
    ImGui::PushFont(fonts.small);
    bool chosen = ImGui::Button(label.c_str(), ImVec2(w, h));
    ImGui::PopFont();
    ImGui::PopStyleColor(3);
    controls.Record(label.substr(0, label.find("##")), {at.x, at.y, w, h});
    if (chosen) m_colour = std::string(c.name);
    if (c.name == m_colour)
      ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 2 * scale, at.y - 2 * scale),
                                          ImVec2(at.x + w + 2 * scale, at.y + h + 2 * scale), colours::kInk,
                                          ImGui::GetStyle().FrameRounding, 0, 5 * scale);
  }
  ImGui::Dummy(ImVec2(width, 4 * scale));
}

CardEditor::Outcome CardEditor::DrawKeyboard(Controls& controls, const Fonts& fonts, float scale, float width) {
  OnScreenKeyboard::Outcome pressed = m_keyboard.Draw(controls, fonts, scale, width, m_edit);
  if (pressed.overflowed) {
    m_too_long = true;
    m_too_long_until_ms = m_now_ms + 5000;
  }
  if (pressed.action == input::KeyAction::Validate) return Outcome::Validated;
  if (pressed.action == input::KeyAction::Cancel) return Outcome::Cancelled;
  return Outcome::None;
}

}  // namespace atelier::ui
