#include "ui/label_editor.h"

#include <algorithm>
#include <cfloat>

#include "core/command.h"
#include "core/text.h"
#include "ui/i18n.h"

namespace atelier::ui {

void LabelEditor::Open(std::string key, std::string what, std::string_view text) {
  m_key = std::move(key);
  m_what = std::move(what);
  m_original = std::string(text);
  m_edit = core::TextEdit(text);
  m_problem.clear();
  m_keyboard.Reset();
  m_open = true;
}

void LabelEditor::KeepWithinLimit() {
  // A name is shorter than a card: what does not fit is taken back at once, with the reason.
  if (m_edit.chars() <= core::kMaxLabelChars) return;
  while (m_edit.chars() > core::kMaxLabelChars && m_edit.caret() > 0) m_edit.Backspace();
  while (m_edit.chars() > core::kMaxLabelChars) m_edit.Delete();
  m_problem = Tr("Un nom contient au plus {1} caractères.", {std::to_string(core::kMaxLabelChars)});
}

void LabelEditor::Type(std::string_view utf8) {
  m_edit.Insert(utf8);
  KeepWithinLimit();
}

LabelEditor::Outcome LabelEditor::Key(KeyPress key) {
  switch (OnScreenKeyboard::PhysicalKey(key, m_edit)) {
    case input::KeyAction::Validate: return Outcome::Validated;
    case input::KeyAction::Cancel: return Outcome::Cancelled;
    case input::KeyAction::Continue: break;
  }
  return Outcome::None;
}

LabelEditor::Outcome LabelEditor::Draw(Controls& controls, const Fonts& fonts, float s, core::Rect panel) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float margin = 24 * s, pad = style.WindowPadding.x;
  // As wide as the card editor where there is room; never so narrow that keys shrink.
  const float comfortable = m_keyboard.ComfortableWidth(s, style.ItemSpacing.x) + 2 * pad;
  float width = std::min(1000 * s, io.DisplaySize.x - 2 * margin);
  width = std::min(std::max(width, comfortable), io.DisplaySize.x - 2 * margin);
  const bool beside = panel.x - 2 * margin >= width;
  const float x = beside ? (panel.x - width) / 2 : (io.DisplaySize.x - width) / 2;
  ImGui::SetNextWindowPos(ImVec2(x, io.DisplaySize.y - margin), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::SetNextWindowFocus();  // above the panel, which it may cover on a small screen
  ImGui::SetNextWindowBgAlpha(1);  // opaque: the panel's words must not show through
  ImGui::Begin("##label_editor", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize);
  const float inner = width - 2 * pad;

  // What is being renamed, and how long the new name is.
  ImGui::PushFont(fonts.body);
  std::string heading = Tr("Nouveau nom : {1}", {m_what});
  std::string counter = std::to_string(m_edit.chars()) + " / " + std::to_string(core::kMaxLabelChars);
  const float counter_w = ImGui::CalcTextSize(counter.c_str()).x;
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                      ImVec2(ImGui::GetCursorScreenPos().x + inner - counter_w - 20 * s, FLT_MAX), true);
  ImGui::TextUnformatted(heading.c_str());
  ImGui::PopClipRect();
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - counter_w);
  ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkSoft);
  ImGui::TextUnformatted(counter.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  // The box, with a caret where the next letter goes.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float box_h = fonts.large->FontSize + 28 * s;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + inner, at.y + box_h), IM_COL32_WHITE, 10 * s);
  draw->AddRect(at, ImVec2(at.x + inner, at.y + box_h), colours::kAccent, 10 * s, 0, 3 * s);
  // Built by appending: GCC 12 at -O3 wrongly reports -Wrestrict on inserting into a string
  // (GCC bug 105329).
  const std::string& typed = m_edit.text();
  std::string shown;
  shown.reserve(typed.size() + 1);
  shown.append(typed, 0, m_edit.caret()).append(1, '|').append(typed, m_edit.caret());
  // A long name shows its end, where the typing is.
  const float room = inner - 32 * s;
  auto wide = [&](const std::string& t) { return fonts.large->CalcTextSizeA(fonts.large->FontSize, FLT_MAX, 0, t.c_str()).x; };
  bool cut = false;
  while (!shown.empty() && wide((cut ? "…" : "") + shown) > room) {
    std::size_t n = 1;
    while (n < shown.size() && (static_cast<unsigned char>(shown[n]) & 0xC0) == 0x80) ++n;
    shown.erase(0, n);
    cut = true;
  }
  if (cut) shown = "…" + shown;
  draw->AddText(fonts.large, fonts.large->FontSize, ImVec2(at.x + 16 * s, at.y + 14 * s), colours::kInk,
                shown.c_str());
  ImGui::Dummy(ImVec2(inner, box_h));

  if (!m_problem.empty()) {
    ImGui::PushFont(fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kDanger);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ImGui::TextUnformatted(m_problem.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
  }

  const std::string before = m_edit.text();
  OnScreenKeyboard::Outcome pressed = m_keyboard.Draw(controls, fonts, s, inner, m_edit);
  if (m_edit.text() != before) {
    if (m_edit.chars() <= core::kMaxLabelChars) m_problem.clear();  // typing again: the old reason is stale
    KeepWithinLimit();
  }
  controls.CoverCurrentWindow();
  ImGui::End();
  if (pressed.action == input::KeyAction::Validate) return Outcome::Validated;
  if (pressed.action == input::KeyAction::Cancel) return Outcome::Cancelled;
  return Outcome::None;
}

}  // namespace atelier::ui
