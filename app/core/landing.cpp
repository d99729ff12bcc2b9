// Candidates are a fine grid over the region (a quarter of a card apart) plus the places that
// touch a card already there (so cards pack edge to edge), tried nearest first.
#include "core/landing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "core/board.h"

namespace atelier::core {

namespace {

constexpr float kSlack = 1e-4f;   // a card may fill a region exactly
constexpr float kTouchGap = 0.002f;  // between a landed card and the card it sits beside

bool Inside(const Rect& r, const Rect& region) {
  return r.x >= region.x - kSlack && r.y >= region.y - kSlack && r.x + r.w <= region.x + region.w + kSlack &&
         r.y + r.h <= region.y + region.h + kSlack;
}

bool Hits(const Rect& r, const std::vector<Rect>& rects) {
  return std::any_of(rects.begin(), rects.end(), [&](const Rect& o) { return Overlap(r, o); });
}

// The blocked rectangles bucketed on a coarse grid over the map, so testing a candidate looks
// only at what is near it (2 000 cards, thousands of candidates).
class RectIndex {
 public:
  explicit RectIndex(const std::vector<Rect>& rects) : m_rects(rects), m_cells(kCells * kCells) {
    for (std::size_t i = 0; i < rects.size(); ++i) {
      const auto [c0, r0, c1, r1] = Span(rects[i]);
      for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) m_cells[r * kCells + c].push_back(i);
    }
  }
  bool Hits(const Rect& q) const {
    const auto [c0, r0, c1, r1] = Span(q);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c)
        for (std::size_t i : m_cells[r * kCells + c])
          if (Overlap(q, m_rects[i])) return true;
    return false;
  }

 private:
  static constexpr int kCells = 32;
  static int Cell(float v) { return std::clamp(static_cast<int>(std::floor(v * kCells)), 0, kCells - 1); }
  static std::array<int, 4> Span(const Rect& r) { return {Cell(r.x), Cell(r.y), Cell(r.x + r.w), Cell(r.y + r.h)}; }
  const std::vector<Rect>& m_rects;
  std::vector<std::vector<std::size_t>> m_cells;
};

}  // namespace

std::optional<MapPoint> NearestFreePlace(MapPoint preferred, const Rect& region, CardSize size,
                                         const std::vector<Rect>& blocked) {
  const Rect map{0, 0, 1, 1};
  Rect r = region;  // the part of the region on the map
  const float x0 = std::max(r.x, 0.0f), y0 = std::max(r.y, 0.0f);
  r = {x0, y0, std::min(r.x + r.w, 1.0f) - x0, std::min(r.y + r.h, 1.0f) - y0};
  if (r.w + kSlack < size.w || r.h + kSlack < size.h) return std::nullopt;

  std::vector<MapPoint> candidates;
  const float lo_x = r.x + size.w / 2, hi_x = r.x + r.w - size.w / 2;
  const float lo_y = r.y + size.h / 2, hi_y = r.y + r.h - size.h / 2;
  const float step_x = size.w / 4, step_y = size.h / 4;
  // A candidate out of the region is brought to its edge (a point beside the button, just
  // under the band's middle, still gives the place in the band nearest to it).
  auto add = [&](float x, float y) {
    candidates.push_back({std::clamp(x, lo_x, std::max(lo_x, hi_x)), std::clamp(y, lo_y, std::max(lo_y, hi_y))});
  };
  add(preferred.x, preferred.y);
  for (float y = lo_y;; y += step_y) {
    const float yy = std::min(y, hi_y);
    for (float x = lo_x;; x += step_x) {
      add(std::min(x, hi_x), yy);
      if (x >= hi_x) break;
    }
    if (y >= hi_y) break;
  }
  for (const Rect& c : blocked) {  // edge to edge beside each card (or button) near the region
    const float cx = c.x + c.w / 2, cy = c.y + c.h / 2;
    const float dx = (c.w + size.w) / 2 + kTouchGap, dy = (c.h + size.h) / 2 + kTouchGap;
    add(cx - dx, cy), add(cx + dx, cy), add(cx, cy - dy), add(cx, cy + dy);
    add(cx - dx, preferred.y), add(cx + dx, preferred.y), add(preferred.x, cy - dy), add(preferred.x, cy + dy);
  }
  // Distances as on screen (the map is kMapAspect wide); ties go to the first candidate, so the
  // choice is the same on every machine.
  auto distance = [&](MapPoint p) {
    const float dx = (p.x - preferred.x) * kMapAspect, dy = p.y - preferred.y;
    return dx * dx + dy * dy;
  };
  std::vector<std::pair<float, std::size_t>> order;
  order.reserve(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) order.emplace_back(distance(candidates[i]), i);
  std::sort(order.begin(), order.end());
  const RectIndex index(blocked);
  for (const auto& [d, i] : order) {
    const Rect card = CardRectAt(candidates[i], size);
    if (Inside(card, map) && !index.Hits(card)) return candidates[i];
  }
  return std::nullopt;
}

bool FreeForCard(const Board& board, MapPoint centre, const LandingArea& landing) {
  const Rect r = CardRectAt(centre, board.card_size());
  if (!Inside(r, {0, 0, 1, 1}) || Hits(r, landing.avoid)) return false;
  for (const auto& [id, card] : board.cards())
    if (Overlap(r, board.CardBounds(card))) return false;
  return true;
}

MapPoint LandCard(const Board& board, MapPoint preferred, const LandingArea& landing) {
  const CardSize size = board.card_size();
  std::vector<Rect> cards;
  cards.reserve(board.cards().size());
  for (const auto& [id, card] : board.cards()) cards.push_back(board.CardBounds(card));
  std::vector<Rect> blocked = cards;
  blocked.insert(blocked.end(), landing.avoid.begin(), landing.avoid.end());

  // 1. The landing area.
  const Rect& a = landing.area;
  if (auto p = NearestFreePlace(preferred, a, size, blocked)) return *p;

  // 2. Anywhere on the map outside the zones.
  for (const Zone& z : board.map_template().zones) blocked.push_back(z.area);
  if (auto p = NearestFreePlace(preferred, {0, 0, 1, 1}, size, blocked)) return *p;

  // 3. Nowhere free: the preferred point, in the area (the card covers another; the facilitator's
  //    "Ranger la carte" sorts it out).
  const float x0 = a.x + std::min(size.w, a.w) / 2, x1 = a.x + a.w - std::min(size.w, a.w) / 2;
  const float y0 = a.y + std::min(size.h, a.h) / 2, y1 = a.y + a.h - std::min(size.h, a.h) / 2;
  return ClampToMap({std::clamp(preferred.x, x0, std::max(x0, x1)), std::clamp(preferred.y, y0, std::max(y0, y1))});
}

}  // namespace atelier::core
