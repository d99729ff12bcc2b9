// What one frame of the board shows: the board, where the map goes on screen, the cards under
// fingers, the language of the template's labels, the cards to highlight and (replay) where
// cards that just moved came from. Plain data that only points at the caller's objects for the
// duration of a Draw/Paint call.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "core/board.h"
#include "core/geometry.h"

namespace atelier::render {

// A card under a finger: drawn lifted (bigger soft shadow, ~6% larger) at `at` instead of its
// board position, on top of everything.
struct HeldCard {
  core::CardId id = 0;
  core::MapPoint at;
  // The size it is drawn at (w 0: the view's card size). A card under a finger keeps the size
  // it had when the finger took it, whatever happens to the board's size meanwhile.
  core::CardSize size{0, 0};
};

// A card that changed a moment ago (replay): a glow of this strength, 0 (none) … 1 (full), so
// the caller can let it fade as the change ages.
struct Glow {
  core::CardId id = 0;
  float strength = 1;
};

// Where a card stood a moment ago (replay: it moved, or it went to the bin): a faint dashed
// ghost of a card at `from`, drawn under the cards, with a dotted path to the card's present
// place when it is on the board. strength 0 … 1 fades it.
struct Trail {
  core::CardId id = 0;
  core::MapPoint from;
  float strength = 1;
};

// A card that is not on the board: one shown in the deck's tray, or one being dragged out of
// the tray (lifted, under the finger) until it is dropped on the map and becomes a real card.
struct LooseCard {
  std::string_view text;
  std::string_view colour;  // palette name
  core::MapPoint at;        // centre, in map units (the tray may lie below the map's bands)
  bool lifted = false;
};

struct BoardView {
  const core::Board* board = nullptr;
  core::Viewport viewport;  // where the 16:9 map goes, framebuffer pixels (y down)
  int framebuffer_w = 0, framebuffer_h = 0;
  std::span<const HeldCard> held;
  std::string_view lang = "fr";               // which wording of template labels
  std::span<const core::CardId> highlighted;  // drawn with a soft glow ring; may be empty
  std::span<const Glow> glows;                // like highlighted, with a strength; may be empty
  std::span<const Trail> trails;              // may be empty
  // The deck's tray: a band over the bottom of the screen (framebuffer px; w = 0: no tray)
  // drawn over the board's cards, then its cards, then the lifted ones above everything.
  core::Rect tray_band;
  std::span<const LooseCard> loose;
  // The size cards are drawn at: none, the board's own (Board::card_size); the kiosk gives the
  // size it is easing toward the board's, so a change is never a jump.
  std::optional<core::CardSize> card_size;
  // Cards drawn somewhere else than their board place, not lifted: "Ranger la carte" gliding
  // them from where they were. Sorted by id.
  std::span<const HeldCard> placed;
  // Zoomed in (core::MapView): `viewport` is the zoomed one, the map and its still cards are
  // drawn clipped to `clip` (framebuffer px; w = 0: no clip), and the deck's tray and its cards
  // keep `fitted`, the unzoomed viewport (none: `viewport`).
  core::Rect clip;
  std::optional<core::Viewport> fitted;

  core::CardSize CardSize() const { return card_size ? *card_size : board->card_size(); }
};

}  // namespace atelier::render
