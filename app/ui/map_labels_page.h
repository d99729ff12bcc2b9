// The facilitator panel's "Axes et zones" page: the map's title, each axis with its two ends,
// and each zone, one per row, with its wording in the kiosk's language. Touching one opens the
// label editor (its own window, with the on-screen keyboard); "Valider" renames it through
// core::RenameLabel as Actor::Facilitator — an event like any other: the replay shows it and
// "Défaire" undoes it. The map of a NEW session is chosen elsewhere (the sessions screen); the
// page says so.
#pragma once
#include <string>
#include <string_view>

#include "core/board.h"
#include "core/session.h"
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/label_editor.h"
#include "ui/row_pager.h"
#include "ui/theme.h"

namespace atelier::ui {

class MapLabelsPage {
 public:
  explicit MapLabelsPage(input::KeyboardLayout layout = input::KeyboardLayout::Azerty) : m_editor(layout) {}
  void SetKeyboardLayout(input::KeyboardLayout layout) { m_editor.SetKeyboardLayout(layout); }

  void Leave() { m_editor.Close(); }  // the panel closed or turned to another page: nothing saved
  bool Editing() const { return m_editor.IsOpen(); }
  // A physical keyboard while a name is being typed.
  void Type(std::string_view utf8);
  void Key(KeyPress key);

  // The list, in the panel's child window: w pixels wide, the rest of its height.
  void Draw(Controls& controls, const Fonts& fonts, float scale, float w, const core::Board& board,
            const std::string& lang);
  // The editor's window (call after the panel's window has ended); renames on "Valider".
  void DrawEditor(Controls& controls, const Fonts& fonts, float scale, core::Rect panel, core::Session& session);

 private:
  void Finish(LabelEditor::Outcome outcome, core::Session& session);

  LabelEditor m_editor;
  RowPager m_pager;
  LabelEditor::Outcome m_pending = LabelEditor::Outcome::None;  // from a physical key, done at the next draw
};

// What a label key is, as people say it: "Titre", "Axe horizontal", "Axe vertical, en haut",
// "Zone" (translated).
std::string LabelRole(std::string_view key);

}  // namespace atelier::ui
