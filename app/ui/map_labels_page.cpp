#include "ui/map_labels_page.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include "core/command.h"
#include "core/text.h"
#include "core/touch_scale.h"
#include "ui/i18n.h"

namespace atelier::ui {

namespace {

// text, cut with "…" so that it fits width pixels in font.
std::string Fitted(ImFont* font, const std::string& text, float width) {
  auto wide = [&](const std::string& t) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.c_str()).x; };
  if (wide(text) <= width) return text;
  std::size_t chars = core::CountChars(text);
  while (chars > 1 && wide(core::TruncateChars(text, chars) + "…") > width) --chars;
  return core::TruncateChars(text, chars) + "…";
}

void Wrapped(ImFont* font, const std::string& text, ImU32 colour, float width) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

float WrappedHeight(ImFont* font, const std::string& text, float width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

}  // namespace

std::string LabelRole(std::string_view key) {
  if (key == "title") return Tr("Titre");
  if (key == "horizontal.title") return Tr("Axe horizontal");
  if (key == "horizontal.low") return Tr("Axe horizontal, à gauche");
  if (key == "horizontal.high") return Tr("Axe horizontal, à droite");
  if (key == "vertical.title") return Tr("Axe vertical");
  if (key == "vertical.low") return Tr("Axe vertical, en bas");
  if (key == "vertical.high") return Tr("Axe vertical, en haut");
  if (key.starts_with("zone.")) return Tr("Zone");
  return std::string(key);
}

void MapLabelsPage::Type(std::string_view utf8) {
  if (m_editor.IsOpen()) m_editor.Type(utf8);
}

void MapLabelsPage::Key(KeyPress key) {
  if (m_editor.IsOpen()) m_pending = m_editor.Key(key);
}

void MapLabelsPage::Draw(Controls& controls, const Fonts& fonts, float s, float w, const core::Board& board,
                         const std::string& lang) {
  const core::Template& map = board.map_template();
  const std::vector<std::string> keys = map.LabelKeys();
  const float gap = ImGui::GetStyle().ItemSpacing.y, row_gap = 4 * s;
  const float row_h = core::kBaseTargetPx * s;

  // Under the list: what to do, and where a new session's map is chosen instead.
  const std::string footer =
      Tr("Touchez un nom pour le changer. Une autre carte se choisit pour une nouvelle séance : page Séance, "
         "bouton « Séances ».");
  const float footer_h = WrappedHeight(fonts.small, footer, w);
  const float rows_h = ImGui::GetContentRegionAvail().y - footer_h - gap;
  std::vector<std::size_t> sections;  // the title, each axis, the zones: a page never cuts one it can hold
  for (std::size_t i = 1; i < keys.size(); ++i)
    if (keys[i].ends_with(".title") || (keys[i].starts_with("zone.") && !keys[i - 1].starts_with("zone.")))
      sections.push_back(i);
  RowPager::Range range = m_pager.Layout(keys.size(), row_h + row_gap, rows_h, row_h + gap, sections);
  const float role_w = std::round(w * 0.3f), button_w = w - role_w;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, row_gap));
  for (std::size_t i = range.first; i < range.end; ++i) {
    const std::string& key = keys[i];
    const core::Label* label = map.FindLabel(key);
    const std::string wording = label ? label->In(lang) : std::string();
    // The role on the left, small and grey; the wording on the button.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string role = LabelRole(key);
    const float role_h = WrappedHeight(fonts.small, role, role_w - 8 * s);
    ImGui::GetWindowDrawList()->AddText(fonts.small, fonts.small->FontSize,
                                        ImVec2(at.x, at.y + std::max(0.0f, (row_h - role_h) / 2)), colours::kInkSoft,
                                        role.c_str(), nullptr, role_w - 8 * s);
    ImGui::SetCursorScreenPos(ImVec2(at.x + role_w, at.y));
    const float text_room = button_w - 2 * ImGui::GetStyle().FramePadding.x;
    const std::string shown = wording.empty() ? std::string(Tr("(vide)")) : Fitted(fonts.body, wording, text_room);
    const bool chosen = m_editor.IsOpen() && m_editor.key() == key;
    const std::string id = shown + "##label-" + key;
    if (controls.Button(id.c_str(), ImVec2(button_w, row_h), chosen ? ButtonLook::Primary : ButtonLook::Plain,
                        fonts.body))
      m_editor.Open(key, role + (wording.empty() ? "" : " « " + wording + " »"), wording);
  }
  ImGui::PopStyleVar();
  m_pager.DrawButtons(controls, fonts, s, w);
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - footer_h - gap));
  Wrapped(fonts.small, footer, colours::kInkSoft, w);
}

void MapLabelsPage::DrawEditor(Controls& controls, const Fonts& fonts, float s, core::Rect panel,
                               core::Session& session) {
  if (!m_editor.IsOpen()) return;
  LabelEditor::Outcome outcome = m_editor.Draw(controls, fonts, s, panel);
  if (m_pending != LabelEditor::Outcome::None) outcome = std::exchange(m_pending, LabelEditor::Outcome::None);
  Finish(outcome, session);
}

void MapLabelsPage::Finish(LabelEditor::Outcome outcome, core::Session& session) {
  if (outcome == LabelEditor::Outcome::Cancelled) {
    m_editor.Close();
  } else if (outcome == LabelEditor::Outcome::Validated) {
    const std::string text = core::SanitizeCardText(m_editor.text());
    if (text.empty()) {
      m_editor.Say(Tr("Écrivez le nouveau nom, ou touchez « Annuler »."));
      return;
    }
    if (text == m_editor.original()) {  // untouched: nothing to record
      m_editor.Close();
      return;
    }
    auto done = session.Submit(core::RenameLabel{m_editor.key(), text}, core::Actor::Facilitator);
    if (!done.ok()) {
      m_editor.Say(done.error().message);
      return;
    }
    m_editor.Close();
  }
}

}  // namespace atelier::ui
