// Where a new card lands: the nearest free place to a preferred point inside a landing area
// (the band beside the button that made it), never covering another card; when that area is
// full, the nearest free place outside the zones; then the nearest free place anywhere (inside
// a zone); only when the whole map is full, the preferred point (clamped into the area), over
// another card. Computed from the board alone, so replay and tests agree, and the
// result is recorded as the card's `at` (AddCard::landing asks Decide to do it). Any caller —
// the kiosk's buttons, the deck's tray, later the phones — gives its own area and preference.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/card_size.h"
#include "core/geometry.h"

namespace atelier::core {

class Board;

struct LandingArea {
  Rect area{0, 0, 1, 1};    // map units; where the card should go first
  std::vector<Rect> avoid;  // map units; places no card may land on (the screen's buttons)
};

// The centre of the new card (its size is the board's card_size()).
MapPoint LandCard(const Board& board, MapPoint preferred, const LandingArea& landing);

// The nearest centre to preferred for a card of this size inside region and on the map whose
// rectangle overlaps none of blocked (cards, zones, buttons …), if there is one.
std::optional<MapPoint> NearestFreePlace(MapPoint preferred, const Rect& region, CardSize size,
                                         const std::vector<Rect>& blocked);

// NearestFreePlace for many cards in turn (ArrangeCards, LandCard): the blocked rectangles are
// bucketed on a grid over the map, and a search looks only at the candidates near its preferred
// point, widening until it finds a free one, so a search costs what is near it, not the whole
// board. Block() adds a rectangle (a card just placed) for the searches after it.
class FreePlaces {
 public:
  FreePlaces(const Rect& region, CardSize size, std::vector<Rect> blocked);
  void Block(const Rect& r);
  // Does r overlap a blocked rectangle?
  bool Hits(const Rect& r) const;
  std::optional<MapPoint> Nearest(MapPoint preferred);

 private:
  struct Span {
    int c0, r0, c1, r1;
  };
  Span SpanOf(const Rect& r) const;
  // Indices of the blocked rectangles that overlap box (map units), each once, in a fixed order.
  void Near(const Rect& box, std::vector<std::size_t>& out);

  bool m_usable = false;
  bool m_full = false;  // a search over the whole region found nothing
  Rect m_region;
  CardSize m_size;
  float m_lo_x = 0, m_hi_x = 0, m_lo_y = 0, m_hi_y = 0;
  std::vector<float> m_xs, m_ys;  // the fine grid of candidates over the region
  std::vector<char> m_covered;     // per grid point (row-major): known to be covered
  std::vector<Rect> m_blocked;
  int m_cells = 1;
  std::vector<std::vector<std::uint32_t>> m_grid;  // m_cells × m_cells buckets of m_blocked
  std::vector<std::uint32_t> m_seen;               // Near's stamp per rectangle
  std::uint32_t m_stamp = 0;
};

// Is a card of the board's size at centre free of every card, of landing.avoid, and inside
// the map?
bool FreeForCard(const Board& board, MapPoint centre, const LandingArea& landing);

}  // namespace atelier::core
