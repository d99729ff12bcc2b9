// The on-screen keyboard as a model, independent of drawing: which keys, in which rows, what
// they print and type, and what a press does to the text being edited. The ui layer draws
// Rows() and calls Press(); it never decides what a key means.
//
// Contract
// - Layouts AZERTY (default) and QWERTY. Top to bottom: digits, a row of French accents and
//   quotes (always visible, one touch), three letter rows (or, after "&°", three symbol rows:
//   punctuation, € @ ° n° — – … and more), then Annuler, the layer toggle, Espace, Valider.
// - Shift ("Maj") is one-shot: it uppercases the next character typed, accents included
//   (é → É, œ → Œ), then turns off. A long press on Shift toggles caps lock.
// - Backspace removes one whole character (core::TextEdit::Backspace), never half of "é".
// - Labels use only characters in the UI font's glyph ranges (Latin-1, œ Œ — – ‘ ’ “ ” … €),
//   so no arrow symbols: "Maj", "Effacer", "Espace". Labels are unique among the keys shown.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/geometry.h"
#include "core/text_edit.h"

namespace atelier::input {

enum class KeyboardLayout { Azerty, Qwerty };
std::string_view KeyboardLayoutName(KeyboardLayout layout);                 // "azerty", "qwerty"
std::optional<KeyboardLayout> ParseKeyboardLayout(std::string_view name);  // case-insensitive

enum class KeyKind { Character, Shift, Backspace, Space, Valider, Annuler, Symbols, Letters };

struct Key {
  std::string id;       // stable: the typed text for character keys ("é", "n°"), else "shift",
                        // "backspace", "space", "valider", "annuler", "symbols", "letters"
  std::string label;    // printed on the key when shift is off
  std::string text;     // UTF-8 typed by a Character key (or " " for Space)
  std::string shifted;  // typed (and printed) when shift is on; equals text when shift does nothing
  float width = 1;      // relative to a letter key
  KeyKind kind = KeyKind::Character;
};
using KeyRow = std::vector<Key>;

// What the UI must do after a key press.
enum class KeyAction { Continue, Validate, Cancel };

// A key to tap, as a script or test would find it on screen (its label at that moment).
struct KeyTap {
  std::string id;
  std::string label;
};

class Keyboard {
 public:
  explicit Keyboard(KeyboardLayout layout = KeyboardLayout::Azerty);

  KeyboardLayout layout() const { return m_layout; }
  void SetLayout(KeyboardLayout layout);  // back to the letter rows, shift kept
  void Reset();                           // letters, shift and caps lock off (the editor opens)

  bool shift() const { return m_shift || m_caps_lock; }
  bool caps_lock() const { return m_caps_lock; }
  bool symbols() const { return m_symbols; }

  // The rows to draw now, top to bottom. Valid until the next Press/LongPress/SetLayout/Reset.
  const std::vector<KeyRow>& Rows() const { return m_rows; }
  std::string Label(const Key& key) const;  // what to print now (uppercase when shift is on)
  std::string Text(const Key& key) const;   // what the key types now

  // Applies a key to the text being edited and says what the UI must do next.
  KeyAction Press(const Key& key, core::TextEdit& edit);
  // A long press: Shift toggles caps lock; any other key acts as a Press.
  KeyAction LongPress(const Key& key, core::TextEdit& edit);

  // Keys shown now, by id or by printed label (nullptr when none).
  const Key* FindById(std::string_view id) const;
  const Key* FindByLabel(std::string_view label) const;

  // The taps that type utf8 from the current state (layer switches and Shift included), or an
  // error naming the first character no key types. Does not change this keyboard.
  core::Result<std::vector<KeyTap>> PlanTaps(std::string_view utf8) const;

 private:
  void Rebuild();

  KeyboardLayout m_layout;
  bool m_shift = false;
  bool m_caps_lock = false;
  bool m_symbols = false;
  std::vector<KeyRow> m_rows;
};

// ---- keys on screen -------------------------------------------------------------------------
// Where each key of rows stands when the keyboard is drawn width pixels wide from top_left: rows
// centred, a key of width w (in letter keys) spanning w units and the w − 1 gaps between them,
// the unit as wide as the widest row allows but at most max_unit, keys min_height high or more.
// The app hit-tests fingers against these rectangles itself (ImGui 1.86 has one mouse).
struct KeyMetrics {
  float gap = 10;           // pixels between keys and between rows
  float max_unit = 110;     // the widest a letter key gets
  float min_height = 72;    // the touch target's height
};
struct PlacedKey {
  Key key;
  core::Rect rect;
};
struct KeyPad {
  std::vector<PlacedKey> keys;  // row by row, left to right
  float height = 0;             // from top_left.y to the last row's bottom
};
KeyPad PlaceKeys(const std::vector<KeyRow>& rows, core::ScreenPoint top_left, float width, const KeyMetrics& metrics);
// The key under p (nullptr between keys or outside).
const PlacedKey* KeyAt(const KeyPad& pad, core::ScreenPoint p);

}  // namespace atelier::input
