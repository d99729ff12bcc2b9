#include "ui/onscreen_keyboard.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include "core/touch_scale.h"
#include "ui/i18n.h"

namespace atelier::ui {

float FittingFontSize(ImFont* font, const std::string& label, float width) {
  const float full = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
  if (full <= width || full <= 0) return font->FontSize;
  return font->FontSize * std::max(0.7f, width / full);  // "Effacer" on a narrow key: smaller, whole
}

OnScreenKeyboard::Outcome OnScreenKeyboard::Draw(Controls& controls, const Fonts& fonts, float scale, float width,
                                                 core::TextEdit& edit) {
  Outcome outcome;
  // A key of width w (in letter keys) spans w units and the w − 1 gaps between them, so a row
  // of total width W takes W units and W − 1 gaps: the widest row sets the unit.
  float gap = ImGui::GetStyle().ItemSpacing.x;
  auto units_of = [](const input::KeyRow& row) {
    float units = 0;
    for (const input::Key& key : row) units += key.width;
    return units;
  };
  float widest = 0;
  for (const input::KeyRow& row : m_keyboard.Rows()) widest = std::max(widest, units_of(row));
  float unit = std::min((width - (widest - 1) * gap) / widest, 110 * scale);
  float height = std::max(unit * 0.92f, core::kBaseTargetPx * scale);
  // Rows are copied: a press may rebuild the keyboard's rows (shift, symbols) mid-loop.
  std::vector<input::KeyRow> rows = m_keyboard.Rows();
  for (const input::KeyRow& row : rows) {
    float units = units_of(row);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - (units * unit + (units - 1) * gap)) / 2));
    for (std::size_t i = 0; i < row.size(); ++i) {
      const input::Key& key = row[i];
      if (i) ImGui::SameLine();
      bool character = key.kind == input::KeyKind::Character;
      // Letters print as they are; the named keys (Maj, Effacer, Valider …) are translated.
      std::string label = (character ? m_keyboard.Label(key) : TrName(m_keyboard.Label(key))) + "##key-" + key.id;
      ButtonLook look = key.kind == input::KeyKind::Valider ? ButtonLook::Valider : ButtonLook::Plain;
      if (key.kind == input::KeyKind::Shift && m_keyboard.shift()) look = ButtonLook::Primary;
      if (!controls.Button(label.c_str(), ImVec2(key.width * unit + (key.width - 1) * gap, height), look,
                           character ? fonts.large : fonts.body))
        continue;
      std::string before = edit.text();
      outcome.action = m_keyboard.Press(key, edit);
      if (character && edit.text() == before) outcome.overflowed = true;
    }
  }
  return outcome;
}

float OnScreenKeyboard::ComfortableWidth(float scale, float gap) const {
  float widest = 0;
  for (const input::KeyRow& row : m_keyboard.Rows()) {
    float units = 0;
    for (const input::Key& key : row) units += key.width;
    widest = std::max(widest, units);
  }
  return widest * core::kBaseTargetPx * scale + std::max(0.0f, widest - 1) * gap;
}

// ---------------------------------------------------------------------------------------------
// Keys the app hit-tests itself.

const input::KeyPad& OnScreenKeyboard::Place(core::ScreenPoint top_left, float width, float scale, float gap) {
  m_pad_at = top_left;
  m_pad_width = width;
  m_metrics = input::KeyMetrics{.gap = gap, .max_unit = 110 * scale, .min_height = core::kBaseTargetPx * scale};
  m_pad = input::PlaceKeys(m_keyboard.Rows(), top_left, width, m_metrics);
  return m_pad;
}

OnScreenKeyboard::Outcome OnScreenKeyboard::PressKey(std::string_view id, core::TextEdit& edit) {
  Outcome outcome;
  const input::Key* shown = m_keyboard.FindById(id);
  if (!shown) return outcome;  // the keys changed under the finger: nothing
  const input::Key key = *shown;  // Press may rebuild the rows
  std::string before = edit.text();
  outcome.action = m_keyboard.Press(key, edit);
  if (key.kind == input::KeyKind::Character && edit.text() == before) outcome.overflowed = true;
  m_pad = input::PlaceKeys(m_keyboard.Rows(), m_pad_at, m_pad_width, m_metrics);
  return outcome;
}

void OnScreenKeyboard::DrawKeys(ImDrawList* draw, Controls& controls, std::string_view scope, const Fonts& fonts,
                                float scale, const std::function<bool(const std::string&)>& pressed) const {
  const float rounding = ImGui::GetStyle().FrameRounding;
  for (const input::PlacedKey& placed : m_pad.keys) {
    const input::Key& key = placed.key;
    const core::Rect& r = placed.rect;
    bool character = key.kind == input::KeyKind::Character;
    ButtonLook look = key.kind == input::KeyKind::Valider ? ButtonLook::Valider : ButtonLook::Plain;
    if (key.kind == input::KeyKind::Shift && m_keyboard.shift()) look = ButtonLook::Primary;
    ImVec4 fill = ButtonFill(look);
    if (pressed(key.id)) fill = ImVec4(fill.x * 0.8f, fill.y * 0.8f, fill.z * 0.8f, 1);
    draw->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), ImGui::ColorConvertFloat4ToU32(fill), rounding);
    // Letters print as they are; the named keys (Maj, Effacer, Valider …) are translated.
    std::string label = character ? m_keyboard.Label(key) : TrName(m_keyboard.Label(key));
    ImFont* font = character ? fonts.large : fonts.body;
    const float font_size = FittingFontSize(font, label, r.w - 8 * scale);
    ImVec2 size = font->CalcTextSizeA(font_size, FLT_MAX, 0, label.c_str());
    ImVec4 clip(r.x, r.y, r.x + r.w, r.y + r.h);
    draw->AddText(font, font_size,
                  ImVec2(r.x + std::max(4 * scale, (r.w - size.x) / 2), r.y + (r.h - size.y) / 2),
                  look == ButtonLook::Plain ? colours::kInk : IM_COL32_WHITE, label.c_str(), nullptr, 0, &clip);
    controls.Record(label, r, scope);
  }
}

input::KeyAction OnScreenKeyboard::PhysicalKey(KeyPress key, core::TextEdit& edit) {
  switch (key) {
    case KeyPress::Enter: return input::KeyAction::Validate;
    case KeyPress::Escape: return input::KeyAction::Cancel;
    case KeyPress::Backspace: edit.Backspace(); break;
    case KeyPress::Delete: edit.Delete(); break;
    case KeyPress::Left: edit.Left(); break;
    case KeyPress::Right: edit.Right(); break;
    case KeyPress::Home: edit.Home(); break;
    case KeyPress::End: edit.End(); break;
  }
  return input::KeyAction::Continue;
}

}  // namespace atelier::ui
