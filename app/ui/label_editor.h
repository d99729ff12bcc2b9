// Renaming a label of the map (its title, an axis or an axis end, a zone) on the kiosk: a box
// with the wording being typed, the on-screen keyboard (AZERTY or QWERTY, with its Valider and
// Annuler keys) and, when one is plugged in, the physical keyboard. It only edits text: the
// panel's Axes et zones page turns a validation into core::RenameLabel.
//
// Where it stands: its own window at the bottom of the screen, beside the facilitator's panel
// when the keys keep the 19 mm touch target there (1080p), else over the panel's lower part
// (small screens): the keys never shrink below the target to fit.
#pragma once
#include <string>
#include <string_view>

#include "core/geometry.h"
#include "core/text_edit.h"
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/onscreen_keyboard.h"
#include "ui/theme.h"

namespace atelier::ui {

class LabelEditor {
 public:
  enum class Outcome { None, Validated, Cancelled };

  explicit LabelEditor(input::KeyboardLayout layout) : m_keyboard(layout) {}
  void SetKeyboardLayout(input::KeyboardLayout layout) { m_keyboard.SetLayout(layout); }

  // key: core::Template::LabelKeys's; what: the label's role as people say it ("Zone",
  // "Axe vertical, en haut"); text: its wording as shown now.
  void Open(std::string key, std::string what, std::string_view text);
  void Close() { m_open = false; }
  bool IsOpen() const { return m_open; }
  const std::string& key() const { return m_key; }
  const std::string& original() const { return m_original; }
  const std::string& text() const { return m_edit.text(); }
  void Say(std::string french) { m_problem = std::move(french); }  // shown above the keys

  // A physical keyboard: Enter validates, Escape cancels.
  void Type(std::string_view utf8);
  Outcome Key(KeyPress key);

  // Draws the window (between NewFrame and Render); panel: where the facilitator's panel is.
  Outcome Draw(Controls& controls, const Fonts& fonts, float scale, core::Rect panel);

 private:
  void KeepWithinLimit();

  OnScreenKeyboard m_keyboard;
  core::TextEdit m_edit;
  std::string m_key, m_what, m_original, m_problem;
  bool m_open = false;
};

}  // namespace atelier::ui
