// The on-screen keyboard as drawn: rows of big ImGui buttons from input::Keyboard, typing into
// an app-owned core::TextEdit. Used by the card editor and wherever the kiosk asks for words
// (a session title). Keys are at least the 19 mm touch target high and as wide as fits.
#pragma once
#include "core/text_edit.h"
#include "input/keyboard_layout.h"
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/theme.h"

namespace atelier::ui {

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

  // A key of a physical keyboard, for the same text: Enter validates, Escape cancels, the
  // others edit.
  static input::KeyAction PhysicalKey(KeyPress key, core::TextEdit& edit);

 private:
  input::Keyboard m_keyboard;
};

}  // namespace atelier::ui
