// A sticky-note card on the board. Referred to everywhere by its stable id.
#pragma once
#include <cstdint>
#include <string>

#include "core/geometry.h"

namespace atelier::core {

using CardId = std::int64_t;  // 1, 2, 3 … in the order cards were created; never reused

// Card size in map units (fractions of map width and height): about 165×150 px at 1080p.
inline constexpr float kCardWidth = 0.086f;
inline constexpr float kCardHeight = 0.14f;

struct Card {
  CardId id = 0;
  std::string text;    // sanitised UTF-8, at most kMaxCardChars characters
  std::string colour;  // a palette name
  MapPoint at;         // centre of the card
  std::int64_t z = 0;  // higher is on top
  std::int64_t created_ms = 0;
  std::int64_t changed_ms = 0;
  int votes = 0;
  CardId pile = 0;     // the pile it lies in ("Regrouper les doublons", core/pile.h); 0: none
  bool operator==(const Card&) const = default;

  Rect Bounds() const { return {at.x - kCardWidth / 2, at.y - kCardHeight / 2, kCardWidth, kCardHeight}; }
};

}  // namespace atelier::core
