// How big cards are on a board, and the grid a zone holds at that size. Card size is a property
// of the board (Board::card_size, Board::CardBounds), derived from how crowded its zones are:
// the largest of a few steps at which every zone can lay out its own cards without overlap
// (ZoneGrid), never below the step whose text stays ≥ 15 px at 1080p. The kiosk, the replay
// and the exports all draw cards at this one size; the kiosk's screen eases toward it so a
// change is never a jump under a finger. Map units, like everything in core.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "core/geometry.h"

namespace atelier::core {

struct CardSize {
  float w = 0.086f;  // fraction of the map's width: 165 px at 1080p
  float h = 0.14f;   // fraction of the map's height: 151 px at 1080p
  bool operator==(const CardSize&) const = default;
};

inline constexpr CardSize kFullCardSize{};

// The steps a board's card size takes, largest first (scale of kFullCardSize). 0.385 is about
// 64 × 58 px at 1080p, where 200 cards fit the default map's zones and 15 px text still wraps on
// three lines of a few words; the two below are for a board more crowded than that (their
// longer texts end with an ellipsis; text is never drawn below 15 px).
inline constexpr float kCardScales[] = {1.0f, 0.85f, 0.72f, 0.62f, 0.54f, 0.47f, 0.42f, 0.385f, 0.35f, 0.32f};

CardSize ScaledCardSize(float scale);

// The size the facilitator chose (panel, "Taille des cartes"): Auto follows the crowd
// (CardSizeFor); the fixed steps are steps of kCardScales — Large the full size, Medium 0.62
// (about 102 × 94 px at 1080p), Small 0.385 (about 64 × 58 px: the smallest whose 15 px text
// still wraps on three lines of a few words).
enum class CardSizeChoice { Auto, Large, Medium, Small };
inline constexpr CardSizeChoice kCardSizeChoices[] = {CardSizeChoice::Auto, CardSizeChoice::Large,
                                                      CardSizeChoice::Medium, CardSizeChoice::Small};
std::string_view CardSizeChoiceName(CardSizeChoice c);  // "auto", "large", "medium", "small"
std::optional<CardSizeChoice> CardSizeChoiceFromName(std::string_view name);
// The scale of a fixed step (Auto: none).
std::optional<float> CardSizeChoiceScale(CardSizeChoice c);

// The centred rectangle of a card of this size at centre.
inline Rect CardRectAt(MapPoint centre, CardSize size) {
  return {centre.x - size.w / 2, centre.y - size.h / 2, size.w, size.h};
}

// Do two rectangles share any area (touching edges do not count)?
inline bool Overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// Room kept at the top of a zone for its title (up to three lines at 1080p), and the gaps
// between laid-out cards, in map units.
inline constexpr float kZoneTitleBand = 0.09f;
inline constexpr float kZoneInset = 0.006f;
inline constexpr float kCardGapX = 0.003f;
inline constexpr float kCardGapY = 0.005f;

// The slots of a zone at a card size: rows × cols card places, below the title band, inset
// from the zone's edge, with gaps between them. Slots never overlap one another and each lies
// wholly inside the zone (a zone too small for one card has no slots).
struct ZoneGrid {
  Rect usable;  // where slots go
  int cols = 0, rows = 0;
  CardSize size;

  int capacity() const { return cols * rows; }
  // Centre of the slot at (row, col), 0-based from the top-left.
  MapPoint Slot(int row, int col) const;

  static ZoneGrid For(const Rect& zone_area, CardSize size);
};

// The size for zones holding these many cards each (counts in the template's zone order),
// `total` cards on the whole map: the largest step at which every zone's grid holds its cards
// and the map could hold them all, else the smallest step.
CardSize CardSizeFor(std::span<const Rect> zones, std::span<const std::size_t> counts, std::size_t total);

}  // namespace atelier::core
