// What one frame of the board shows: the board, where the map goes on screen, the cards under
// fingers, the language of the template's labels and the cards to highlight. Plain data that
// only points at the caller's objects for the duration of a Draw/Paint call.
#pragma once
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
};

struct BoardView {
  const core::Board* board = nullptr;
  core::Viewport viewport;  // where the 16:9 map goes, framebuffer pixels (y down)
  int framebuffer_w = 0, framebuffer_h = 0;
  std::span<const HeldCard> held;
  std::string_view lang = "fr";               // which wording of template labels
  std::span<const core::CardId> highlighted;  // drawn with a soft glow ring; may be empty
};

}  // namespace atelier::render
