// The card editor: a panel with the card as it will look, the colour choice and the on-screen
// keyboard (input::Keyboard decides what keys do; this file only draws them). It edits an
// app-owned core::TextEdit, so ImGui's focus rules never eat a keystroke. The board has two,
// one per side, so two people can write at once: each is driven only by the fingers that went
// down in its own panel (Feed, hit-tested here, not through ImGui's single mouse), and ImGui
// only draws it. The rest of the board stays usable by other fingers where it is not covered.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/card.h"
#include "core/geometry.h"
#include "core/text_edit.h"
#include "input/pointer.h"
#include "input/tap_targets.h"
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
  // An existing card: the panel opens on left_side's half of the screen (the card's own half
  // unless the board chose otherwise), away from the card vertically.
  void OpenExisting(const core::Card& card, const core::Viewport& viewport);
  void OpenExisting(const core::Card& card, bool left_side, const core::Viewport& viewport);
  void Close();

  bool IsOpen() const { return m_open; }
  std::optional<core::CardId> card() const { return m_card; }
  const std::string& text() const { return m_edit.text(); }
  const std::string& colour() const { return m_colour; }
  core::MapPoint spawn() const { return m_spawn; }
  bool left_side() const { return m_left_side; }

  // Where the panel stood when last drawn (empty while closed, and until its first frame):
  // fingers that go down in it are this editor's.
  core::Rect Panel() const { return m_open ? m_panel : core::Rect{}; }
  // A finger routed to this editor (it went down in Panel()): a tap on a key or a colour.
  Outcome Feed(const input::PointerEvent& event);
  bool Holding() const { return m_taps.Holding(); }  // a finger is down on it
  void LetGo() { m_taps.CancelAll(); }               // another screen takes the fingers

  // A physical keyboard.
  void Type(std::string_view utf8);
  Outcome Key(KeyPress key);

  // Lays out and draws the panel (between ImGui::NewFrame and Render). Its keys and colours are
  // recorded in controls under scope ("editor-left", "editor-right") for scripts.
  void Draw(Controls& controls, std::string_view scope, const Fonts& fonts, float scale, std::int64_t now_ms);

 private:
  void Open(const core::Viewport& viewport);
  void Insert(std::string_view utf8);
  void Lay(const Fonts& fonts, float scale);  // m_panel, m_preview, m_colours, the keys, m_taps
  void SetTargets();
  void DrawPreview(ImDrawList* draw, const Fonts& fonts, float scale);
  void DrawColours(ImDrawList* draw, Controls& controls, std::string_view scope, const Fonts& fonts, float scale);

  OnScreenKeyboard m_keyboard;
  core::TextEdit m_edit;
  std::string m_colour = "yellow";
  std::optional<core::CardId> m_card;
  core::MapPoint m_spawn;
  bool m_open = false;
  bool m_left_side = true;
  bool m_at_top = false;  // the panel hangs from the top (the card is in the lower half)
  // Where things stand (Lay). The preview is 150 design px high, less on a short screen so the
  // keyboard's last row (Valider) stays on it — the keys keep their 19 mm, the preview gives way.
  core::Rect m_panel, m_preview;
  core::ScreenPoint m_title_at, m_warning_at;
  std::vector<core::Rect> m_colours;  // one per palette colour
  input::TapTargets m_taps;           // keys ("key:" id) and colours ("colour:" name)
  core::Viewport m_viewport;
  bool m_too_long = false;  // the last insertion was cut at the 200-character limit
  std::int64_t m_now_ms = 0;
  std::int64_t m_too_long_until_ms = 0;
};

}  // namespace atelier::ui
