// Where a new card lands: the nearest free place to a preferred point inside a landing area
// (the band beside the button that made it), never covering another card; when that area is
// full, the nearest free place outside the zones; when even that is full, the preferred point
// (clamped into the area). Computed from the board alone, so replay and tests agree, and the
// result is recorded as the card's `at` (AddCard::landing asks Decide to do it). Any caller —
// the kiosk's buttons, the deck's tray, later the phones — gives its own area and preference.
#pragma once
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

// Is a card of the board's size at centre free of every card, of landing.avoid, and inside
// the map?
bool FreeForCard(const Board& board, MapPoint centre, const LandingArea& landing);

}  // namespace atelier::core
