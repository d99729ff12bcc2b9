// Candidates are a fine grid over the region (a quarter of a card apart) plus the places that
// touch a card already there (so cards pack edge to edge), tried nearest first; FreePlaces looks
// only near the preferred point first (a grid of buckets), widening until a place is free.
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

}  // namespace

FreePlaces::FreePlaces(const Rect& region, CardSize size, std::vector<Rect> blocked)
    : m_size(size), m_blocked(std::move(blocked)) {
  const float x0 = std::max(region.x, 0.0f), y0 = std::max(region.y, 0.0f);
  m_region = {x0, y0, std::min(region.x + region.w, 1.0f) - x0, std::min(region.y + region.h, 1.0f) - y0};
  m_usable = m_region.w + kSlack >= size.w && m_region.h + kSlack >= size.h && size.w > 0 && size.h > 0;
  // Buckets about two cards wide: a card-sized query looks at a few of them.
  m_cells = std::clamp(static_cast<int>(1.0f / std::max(2 * std::max(size.w, size.h), 1e-3f)), 8, 128);
  m_grid.resize(static_cast<std::size_t>(m_cells) * m_cells);
  std::vector<Rect> all;
  all.swap(m_blocked);
  for (const Rect& r : all) Block(r);
  if (!m_usable) return;
  m_lo_x = m_region.x + size.w / 2, m_hi_x = m_region.x + m_region.w - size.w / 2;
  m_lo_y = m_region.y + size.h / 2, m_hi_y = m_region.y + m_region.h - size.h / 2;
  const float step_x = size.w / 4, step_y = size.h / 4;
  for (float x = m_lo_x;; x += step_x) {
    m_xs.push_back(std::clamp(std::min(x, m_hi_x), m_lo_x, std::max(m_lo_x, m_hi_x)));
    if (x >= m_hi_x) break;
  }
  for (float y = m_lo_y;; y += step_y) {
    m_ys.push_back(std::clamp(std::min(y, m_hi_y), m_lo_y, std::max(m_lo_y, m_hi_y)));
    if (y >= m_hi_y) break;
  }
  m_covered.assign(m_xs.size() * m_ys.size(), 0);
}

FreePlaces::Span FreePlaces::SpanOf(const Rect& r) const {
  auto cell = [&](float v) { return std::clamp(static_cast<int>(std::floor(v * m_cells)), 0, m_cells - 1); };
  return {cell(r.x), cell(r.y), cell(r.x + r.w), cell(r.y + r.h)};
}

void FreePlaces::Block(const Rect& r) {
  const auto i = static_cast<std::uint32_t>(m_blocked.size());
  m_blocked.push_back(r);
  m_seen.push_back(0);
  const Span s = SpanOf(r);
  for (int row = s.r0; row <= s.r1; ++row)
    for (int col = s.c0; col <= s.c1; ++col) m_grid[static_cast<std::size_t>(row) * m_cells + col].push_back(i);
}

bool FreePlaces::Hits(const Rect& q) const {
  const Span s = SpanOf(q);
  for (int row = s.r0; row <= s.r1; ++row)
    for (int col = s.c0; col <= s.c1; ++col)
      for (std::uint32_t i : m_grid[static_cast<std::size_t>(row) * m_cells + col])
        if (Overlap(q, m_blocked[i])) return true;
  return false;
}

void FreePlaces::Near(const Rect& box, std::vector<std::size_t>& out) {
  out.clear();
  if (++m_stamp == 0) {  // wrapped: forget every old stamp
    std::fill(m_seen.begin(), m_seen.end(), 0);
    m_stamp = 1;
  }
  const Span s = SpanOf(box);
  for (int row = s.r0; row <= s.r1; ++row)
    for (int col = s.c0; col <= s.c1; ++col)
      for (std::uint32_t i : m_grid[static_cast<std::size_t>(row) * m_cells + col])
        if (m_seen[i] != m_stamp) {
          m_seen[i] = m_stamp;
          out.push_back(i);
        }
  std::sort(out.begin(), out.end());  // the same order whatever the buckets
}

std::optional<MapPoint> FreePlaces::Nearest(MapPoint preferred) {
  if (!m_usable || m_full) return std::nullopt;
  const Rect map{0, 0, 1, 1};
  const CardSize size = m_size;
  // Distances as on screen (the map is kMapAspect wide).
  auto distance = [&](MapPoint p) {
    const float dx = (p.x - preferred.x) * kMapAspect, dy = p.y - preferred.y;
    return dx * dx + dy * dy;
  };
  // A candidate out of the region is brought to its edge (a point beside the button, just
  // under the band's middle, still gives the place in the band nearest to it).
  auto clamped = [&](float x, float y) {
    return MapPoint{std::clamp(x, m_lo_x, std::max(m_lo_x, m_hi_x)), std::clamp(y, m_lo_y, std::max(m_lo_y, m_hi_y))};
  };
  std::vector<MapPoint> candidates;
  std::vector<std::pair<float, std::size_t>> order;
  std::vector<std::size_t> near;
  std::vector<std::size_t> grid_index;  // per candidate: its point of the fine grid, if it is one
  constexpr std::size_t kNotGrid = static_cast<std::size_t>(-1);
  // Widening searches: within a radius (screen-shaped distance) the candidates are the fine grid
  // there and the places edge to edge beside each rectangle near it; the first free one, nearest
  // first (ties to the first made), is the answer. A candidate is made the same way at every
  // radius, so the choice is the same on every machine. The last search, over the whole map,
  // takes every candidate (what a search over the whole board would find).
  const float far = 2 * std::sqrt(kMapAspect * kMapAspect + 1) + 1;
  for (float radius = 2 * std::max(size.w * kMapAspect, size.h);; radius *= 2) {
    const bool last = radius >= far;
    const float rx = radius / kMapAspect, ry = radius;
    candidates.clear();
    candidates.push_back(clamped(preferred.x, preferred.y));
    const auto x_begin = last ? m_xs.begin() : std::lower_bound(m_xs.begin(), m_xs.end(), preferred.x - rx);
    const auto x_end = last ? m_xs.end() : std::upper_bound(m_xs.begin(), m_xs.end(), preferred.x + rx);
    const auto y_begin = last ? m_ys.begin() : std::lower_bound(m_ys.begin(), m_ys.end(), preferred.y - ry);
    const auto y_end = last ? m_ys.end() : std::upper_bound(m_ys.begin(), m_ys.end(), preferred.y + ry);
    grid_index.clear();
    grid_index.push_back(kNotGrid);
    for (auto y = y_begin; y < y_end; ++y)
      for (auto x = x_begin; x < x_end; ++x) {
        const std::size_t g = static_cast<std::size_t>(y - m_ys.begin()) * m_xs.size() + (x - m_xs.begin());
        if (m_covered[g]) continue;
        candidates.push_back({*x, *y});
        grid_index.push_back(g);
      }
    const float gx = size.w / 2 + kTouchGap, gy = size.h / 2 + kTouchGap;
    if (last) {
      near.resize(m_blocked.size());
      for (std::size_t i = 0; i < near.size(); ++i) near[i] = i;
    } else {
      Near({preferred.x - rx - gx, preferred.y - ry - gy, 2 * (rx + gx), 2 * (ry + gy)}, near);
    }
    for (std::size_t i : near) {  // edge to edge beside each card (or button) near the point
      const Rect& c = m_blocked[i];
      const float cx = c.x + c.w / 2, cy = c.y + c.h / 2;
      const float dx = (c.w + size.w) / 2 + kTouchGap, dy = (c.h + size.h) / 2 + kTouchGap;
      for (MapPoint p : {MapPoint{cx - dx, cy}, MapPoint{cx + dx, cy}, MapPoint{cx, cy - dy}, MapPoint{cx, cy + dy},
                         MapPoint{cx - dx, preferred.y}, MapPoint{cx + dx, preferred.y}, MapPoint{preferred.x, cy - dy},
                         MapPoint{preferred.x, cy + dy}})
      {
        candidates.push_back(clamped(p.x, p.y));
        grid_index.push_back(kNotGrid);
      }
    }
    order.clear();
    const float limit = radius * radius;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const float d = distance(candidates[i]);
      if (last || d <= limit) order.emplace_back(d, i);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [d, i] : order) {
      const Rect card = CardRectAt(candidates[i], size);
      if (!Inside(card, map)) continue;
      if (!Hits(card)) return candidates[i];
      // Covered now, covered for every later search (blocked rectangles are only added).
      if (grid_index[i] != kNotGrid) m_covered[grid_index[i]] = 1;
    }
    if (last) {
      m_full = true;  // nothing free anywhere: more blocked rectangles will not free a place
      return std::nullopt;
    }
  }
}

std::optional<MapPoint> NearestFreePlace(MapPoint preferred, const Rect& region, CardSize size,
                                         const std::vector<Rect>& blocked) {
  return FreePlaces(region, size, blocked).Nearest(preferred);
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

  // 2. Anywhere on the map outside the zones (a band full of cards and buttons — the phones'
  //    code beside "Ajouter une carte" — sends it here).
  std::vector<Rect> outside = blocked;
  for (const Zone& z : board.map_template().zones) outside.push_back(z.area);
  if (auto p = NearestFreePlace(preferred, {0, 0, 1, 1}, size, outside)) return *p;

  // 3. A free place inside a zone: the map's default template leaves little room outside its
  //    zones, and a card over another is never readable.
  if (auto p = NearestFreePlace(preferred, {0, 0, 1, 1}, size, blocked)) return *p;

  // 4. The whole map is full: the preferred point, in the area (the card covers another; the
  //    facilitator's "Ranger la carte" or a smaller "Taille des cartes" sorts it out).
  const float x0 = a.x + std::min(size.w, a.w) / 2, x1 = a.x + a.w - std::min(size.w, a.w) / 2;
  const float y0 = a.y + std::min(size.h, a.h) / 2, y1 = a.y + a.h - std::min(size.h, a.h) / 2;
  return ClampToMap({std::clamp(preferred.x, x0, std::max(x0, x1)), std::clamp(preferred.y, y0, std::max(y0, y1))});
}

}  // namespace atelier::core
