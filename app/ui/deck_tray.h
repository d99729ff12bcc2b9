// The deck's tray: the ready-made cards the facilitator prepared, in a band along the bottom of
// the screen, opened with the "Cartes prêtes" button. A participant drags a card out of the
// tray onto the map, where it becomes a normal card (an AddCard, so it is recorded like any
// other). What the tray holds follows core::OnTray (keep, or consume while the card is on the
// board). The cards are drawn by the renderer (render::LooseCard) so they look like the map's;
// the band's words and buttons are ImGui. Several fingers may each drag a card at once.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/board.h"
#include "core/command.h"
#include "core/deck.h"
#include "core/geometry.h"
#include "render/board_view.h"
#include "ui/controls.h"
#include "ui/theme.h"

namespace atelier::ui {

class DeckTray {
 public:
  void SetDeck(std::vector<core::DeckCard> cards, core::DeckMode mode);
  bool HasDeck() const { return !m_cards.empty(); }
  core::DeckMode mode() const { return m_mode; }
  std::size_t size() const { return m_cards.size(); }

  bool IsOpen() const { return m_open; }
  void Open() { m_open = HasDeck(); }
  void Close();

  // Where things go this frame: call once the viewport is known, before routing fingers.
  void Layout(const core::Viewport& viewport, int fb_w, int fb_h, float scale, const core::Board& board);
  core::Rect Band() const { return m_open ? m_band : core::Rect{}; }

  // A finger came down: true when it landed on a card of the open tray (the tray follows it
  // until it lifts).
  bool Press(int pointer, core::ScreenPoint at);
  void Move(int pointer, core::ScreenPoint at);
  struct Drop {
    enum class What { Nothing, Tapped, Returned, OnMap } what = What::Nothing;
    core::AddCard add;  // OnMap: the card to put on the board
  };
  // The finger lifted: on the map (outside the band) the card becomes a board card; a touch that
  // did not move is a tap (the screen says how to use the tray).
  Drop Release(int pointer, core::ScreenPoint at);
  void Cancel(int pointer) { m_drags.erase(pointer); }
  void CancelAll() { m_drags.clear(); }
  bool Dragging() const { return !m_drags.empty(); }

  // The band's title, page arrows and close button (ImGui), and the cards' labels for scripts.
  void DrawControls(Controls& controls, const Fonts& fonts, float scale);
  // What the renderer draws: the tray's cards, then those under fingers (lifted).
  void AppendLoose(std::vector<render::LooseCard>& out) const;

 private:
  struct Slot {
    std::size_t card = 0;  // index in m_cards
    core::Rect rect;       // framebuffer px
  };
  struct Drag {
    std::size_t card = 0;
    core::ScreenPoint down, at;
    core::ScreenPoint grab;  // finger minus card centre, px
    bool moved = false;
  };

  std::vector<core::DeckCard> m_cards;
  core::DeckMode m_mode = core::DeckMode::Consume;
  bool m_open = false;
  std::size_t m_page = 0;
  std::size_t m_per_page = 1;
  std::size_t m_shown_count = 0;  // cards on the tray now (all pages)
  std::vector<Slot> m_slots;      // this page's
  std::map<int, Drag> m_drags;
  core::Viewport m_viewport;
  core::Rect m_band, m_header, m_prev, m_next;
  float m_scale = 1;
};

}  // namespace atelier::ui
