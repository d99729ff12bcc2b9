#include "ui/onscreen_keyboard.h"

#include <algorithm>
#include <string>

#include "core/touch_scale.h"
#include "ui/i18n.h"

namespace atelier::ui {

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
