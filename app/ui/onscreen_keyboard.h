// The on-screen keyboard as drawn: rows of big keys from input::Keyboard, typing into an
// app-owned core::TextEdit. Keys are at least the 19 mm touch target high and as wide as fits.
// Two ways to use it:
// - Draw: ImGui buttons in the current window, for the forms one person fills at a time (a
//   session title, a map label, the Wi-Fi).
// - Place / DrawKeys / PressKey: keys the app hit-tests itself from every finger, for the card
//   editors, two of which can be typed on at once (ImGui 1.86 has one mouse).
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/text_edit.h"
#include "input/keyboard_layout.h"
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/theme.h"

namespace atelier::ui {

// The size to draw label in font so it fits width pixels: the font's own, or down to 70 % of it.
float FittingFontSize(ImFont* font, const std::string& label, float width);

class OnScreenKeyboard {
 public:
  explicit OnScreenKeyboard(input::KeyboardLayout layout) : m_keyboard(layout) {}

  void Reset() { m_keyboard.Reset(); }  // letters, no shift: a fresh start for new text
  void SetLayout(input::KeyboardLayout layout) { m_keyboard.SetLayout(layout); }  // AZERTY / QWERTY

  // The narrowest width (pixels) at which the widest row's keys are still the touch target
  // wide (core::kBaseTargetPx × scale), with gap pixels between keys.
  float ComfortableWidth(float scale, float gap) const;

  struct Outcome {
    input::KeyAction action = input::KeyAction::Continue;
    bool overflowed = false;  // a character key was pressed but the text was full
  };
  // Draws the keys in the current ImGui window, width pixels wide, and applies a press to edit.
  Outcome Draw(Controls& controls, const Fonts& fonts, float scale, float width, core::TextEdit& edit);

  // Lays the keys out width pixels wide from top_left (screen pixels); valid until the next
  // Place or PressKey.
  const input::KeyPad& Place(core::ScreenPoint top_left, float width, float scale, float gap);
  const input::KeyPad& pad() const { return m_pad; }
  // The key with this id (one of pad()'s) was tapped: applies it to edit, then lays the keys out
  // again at the same place (Maj and "&°" change them).
  Outcome PressKey(std::string_view id, core::TextEdit& edit);
  // Draws pad() into draw, darker where pressed(id) says a finger is, and records each key's
  // visible label in controls under scope (for scripts).
  void DrawKeys(ImDrawList* draw, Controls& controls, std::string_view scope, const Fonts& fonts, float scale,
                const std::function<bool(const std::string&)>& pressed) const;

  // A key of a physical keyboard, for the same text: Enter validates, Escape cancels, the
  // others edit.
  static input::KeyAction PhysicalKey(KeyPress key, core::TextEdit& edit);

 private:
  input::Keyboard m_keyboard;
  input::KeyPad m_pad;
  core::ScreenPoint m_pad_at;
  float m_pad_width = 0;
  input::KeyMetrics m_metrics;
};

}  // namespace atelier::ui
