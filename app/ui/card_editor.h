// The card editor: a panel with the card as it will look, the colour choice and the on-screen
// keyboard (input::Keyboard decides what keys do; this file only draws them). It edits an
// app-owned core::TextEdit, so ImGui's focus rules never eat a keystroke. One editor at a
// time; the rest of the board stays usable by other fingers while it is open.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/card.h"
#include "core/geometry.h"
#include "core/text_edit.h"
#include "ui/onscreen_keyboard.h"
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/theme.h"

namespace atelier::ui {

class CardEditor {
 public:
  enum class Outcome { None, Validated, Cancelled };

  explicit CardEditor(input::KeyboardLayout layout) : m_keyboard(layout) {}
  void SetKeyboardLayout(input::KeyboardLayout layout) { m_keyboard.SetLayout(layout); }  // Réglages

  // A new card, to be put at spawn; the panel opens on the side of the button that asked.
  void OpenNew(core::MapPoint spawn, bool left_side, const core::Viewport& viewport);
  // An existing card: the panel opens on the card's half of the screen, away from the card.
  void OpenExisting(const core::Card& card, const core::Viewport& viewport);
  void Close() { m_open = false; }

  bool IsOpen() const { return m_open; }
  std::optional<core::CardId> card() const { return m_card; }
  const std::string& text() const { return m_edit.text(); }
  const std::string& colour() const { return m_colour; }
  core::MapPoint spawn() const { return m_spawn; }

  // A physical keyboard.
  void Type(std::string_view utf8);
  Outcome Key(KeyPress key);

  // Draws the panel (between ImGui::NewFrame and Render); says whether it was validated.
  Outcome Draw(Controls& controls, const Fonts& fonts, float scale, std::int64_t now_ms);

 private:
  void Open(const core::Viewport& viewport);
  void Insert(std::string_view utf8);
  void DrawPreview(const Fonts& fonts, float scale, float width);
  void DrawColours(Controls& controls, const Fonts& fonts, float scale, float width);
  Outcome DrawKeyboard(Controls& controls, const Fonts& fonts, float scale, float width);

  OnScreenKeyboard m_keyboard;
  core::TextEdit m_edit;
  std::string m_colour = "yellow";
  std::optional<core::CardId> m_card;
  core::MapPoint m_spawn;
  bool m_open = false;
  bool m_left_side = true;
  bool m_at_top = false;  // the panel hangs from the top (the card is in the lower half)
  // The preview's height: 150 design px, less on a short screen so the keyboard's last row
  // (Valider) stays on it — the keys keep their 19 mm, the preview gives way.
  float m_preview_h = 0;
  core::Viewport m_viewport;
  bool m_too_long = false;  // the last insertion was cut at the 200-character limit
  std::int64_t m_now_ms = 0;
  std::int64_t m_too_long_until_ms = 0;
};

}  // namespace atelier::ui
