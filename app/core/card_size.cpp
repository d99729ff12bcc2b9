#include "core/card_size.h"

#include <algorithm>
#include <cmath>

namespace atelier::core {

CardSize ScaledCardSize(float scale) { return {kFullCardSize.w * scale, kFullCardSize.h * scale}; }

std::string_view CardSizeChoiceName(CardSizeChoice c) {
  switch (c) {
    case CardSizeChoice::Auto: return "auto";
    case CardSizeChoice::Large: return "large";
    case CardSizeChoice::Medium: return "medium";
    case CardSizeChoice::Small: return "small";
  }
  return "auto";
}

std::optional<CardSizeChoice> CardSizeChoiceFromName(std::string_view name) {
  for (CardSizeChoice c : kCardSizeChoices)
    if (CardSizeChoiceName(c) == name) return c;
  return std::nullopt;
}

std::optional<float> CardSizeChoiceScale(CardSizeChoice c) {
  switch (c) {
    case CardSizeChoice::Auto: return std::nullopt;
    case CardSizeChoice::Large: return kCardScales[0];
    case CardSizeChoice::Medium: return kCardScales[3];
    case CardSizeChoice::Small: return kCardScales[7];
  }
  return std::nullopt;
}

MapPoint ZoneGrid::Slot(int row, int col) const {
  return {usable.x + size.w / 2 + static_cast<float>(col) * (size.w + kCardGapX),
          usable.y + size.h / 2 + static_cast<float>(row) * (size.h + kCardGapY)};
}

ZoneGrid ZoneGrid::For(const Rect& zone, CardSize size) {
  ZoneGrid g;
  g.size = size;
  g.usable = {zone.x + kZoneInset, zone.y + kZoneTitleBand, zone.w - 2 * kZoneInset,
              zone.h - kZoneTitleBand - kZoneInset};
  if (g.usable.w < size.w || g.usable.h < size.h) return g;
  // A tiny slack so that rounding never drops a slot that fits exactly.
  g.cols = static_cast<int>(std::floor((g.usable.w + kCardGapX + 1e-6f) / (size.w + kCardGapX)));
  g.rows = static_cast<int>(std::floor((g.usable.h + kCardGapY + 1e-6f) / (size.h + kCardGapY)));
  // Centre the block of slots across the zone, so its cards sit in the middle of their column.
  const float used_w = static_cast<float>(g.cols) * (size.w + kCardGapX) - kCardGapX;
  g.usable.x += std::max(0.0f, (g.usable.w - used_w) / 2);
  g.usable.w = used_w;
  return g;
}

CardSize CardSizeFor(std::span<const Rect> zones, std::span<const std::size_t> counts, std::size_t total) {
  const Rect whole{0.0f, 0.0f, 1.0f, 1.0f};
  for (float scale : kCardScales) {
    const CardSize size = ScaledCardSize(scale);
    bool fits = static_cast<std::size_t>(ZoneGrid::For(whole, size).capacity()) / 2 >= total;
    for (std::size_t i = 0; fits && i < zones.size() && i < counts.size(); ++i)
      fits = static_cast<std::size_t>(ZoneGrid::For(zones[i], size).capacity()) >= counts[i];
    if (fits) return size;
  }
  return ScaledCardSize(kCardScales[std::size(kCardScales) - 1]);
}

}  // namespace atelier::core
