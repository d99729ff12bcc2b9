// Per zone: the cards sorted by height (then left to right, then id) take grid slots in that
// order, each as near its own row as the order and the room allow (a forward then a backward
// pass over slot numbers); within a row, columns likewise by x. Then the cards outside zones.
#include "core/arrange.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/board.h"
#include "core/landing.h"
#include "core/pile.h"

namespace atelier::core {

namespace {

// Strictly increasing slots in [0, slots) for desired slots (given in the cards' order), each as
// near its wish as the others allow. Needs desired.size() <= slots.
std::vector<int> Monotone(const std::vector<int>& desired, int slots) {
  const int n = static_cast<int>(desired.size());
  std::vector<int> s(desired.size());
  for (int i = 0; i < n; ++i) s[i] = std::max(desired[i], i > 0 ? s[i - 1] + 1 : 0);
  for (int i = n - 1; i >= 0; --i) s[i] = std::min(s[i], i + 1 < n ? s[i + 1] - 1 : slots - 1);
  return s;
}

// Where slot (row, col) of a zone is: the zone's grid, or, for a zone holding more cards than
// its grid, rows packed closer (they overlap) so every card still stays inside the zone.
struct Lattice {
  float x0 = 0, pitch_x = 0, y0 = 0, pitch_y = 0;
  int cols = 1, rows = 1;
  MapPoint At(int row, int col) const { return {x0 + col * pitch_x, y0 + row * pitch_y}; }
  int RowNear(float y) const {
    if (pitch_y <= 0) return 0;
    return std::clamp(static_cast<int>(std::lround((y - y0) / pitch_y)), 0, rows - 1);
  }
  int ColNear(float x) const {
    if (pitch_x <= 0) return 0;
    return std::clamp(static_cast<int>(std::lround((x - x0) / pitch_x)), 0, cols - 1);
  }
};

Lattice LatticeFor(const Rect& zone, CardSize size, int count) {
  const ZoneGrid grid = ZoneGrid::For(zone, size);
  Lattice l;
  if (grid.cols > 0) {
    l.cols = grid.cols;
    l.x0 = grid.usable.x + size.w / 2;
    l.pitch_x = size.w + kCardGapX;
  } else {  // narrower than a card: one column down the middle
    l.x0 = zone.x + zone.w / 2;
  }
  l.y0 = grid.usable.y + size.h / 2;
  l.pitch_y = size.h + kCardGapY;
  l.rows = std::max(grid.rows, 1);
  const int needed = (count + l.cols - 1) / l.cols;
  if (needed > grid.rows) {  // over capacity: squeeze the rows into the zone's height
    l.rows = needed;
    const float top = zone.y + std::min(kZoneTitleBand, zone.h / 2) + std::min(size.h, zone.h) / 2;
    const float bottom = zone.y + zone.h - std::min(size.h, zone.h) / 2 - std::min(kZoneInset, zone.h / 4);
    l.y0 = top;
    l.pitch_y = needed > 1 ? std::max(0.0f, bottom - top) / static_cast<float>(needed - 1) : 0;
  }
  return l;
}

void ArrangeZone(const Zone& zone, std::vector<const Card*> cards, CardSize size, std::map<CardId, MapPoint>& to) {
  std::sort(cards.begin(), cards.end(), [](const Card* a, const Card* b) {
    if (a->at.y != b->at.y) return a->at.y < b->at.y;
    if (a->at.x != b->at.x) return a->at.x < b->at.x;
    return a->id < b->id;
  });
  const Lattice l = LatticeFor(zone.area, size, static_cast<int>(cards.size()));
  std::vector<int> wish;
  wish.reserve(cards.size());
  for (const Card* c : cards) wish.push_back(l.RowNear(c->at.y) * l.cols);
  const std::vector<int> slots = Monotone(wish, l.rows * l.cols);
  // Row by row: the row's cards left to right, each as near its own column as they allow.
  for (std::size_t begin = 0; begin < cards.size();) {
    const int row = slots[begin] / l.cols;
    std::size_t end = begin;
    while (end < cards.size() && slots[end] / l.cols == row) ++end;
    std::vector<const Card*> in_row(cards.begin() + begin, cards.begin() + end);
    std::sort(in_row.begin(), in_row.end(), [](const Card* a, const Card* b) {
      return a->at.x != b->at.x ? a->at.x < b->at.x : a->id < b->id;
    });
    std::vector<int> col_wish;
    for (const Card* c : in_row) col_wish.push_back(l.ColNear(c->at.x));
    const std::vector<int> cols = Monotone(col_wish, l.cols);
    for (std::size_t i = 0; i < in_row.size(); ++i) to[in_row[i]->id] = l.At(row, cols[i]);
    begin = end;
  }
}

}  // namespace

CardsArranged ArrangeCards(const Board& board) {
  const Template& tmpl = board.map_template();
  const CardSize size = board.card_size();
  std::vector<std::vector<const Card*>> by_zone(tmpl.zones.size());
  std::vector<const Card*> outside;
  // A pile (core/pile.h) is laid out as one card, its first card standing for it; the others
  // follow it below, keeping the stack.
  const std::map<CardId, int> piles = PileCounts(board.cards());
  std::map<CardId, const Card*> pile_lead;  // pile id → the card that stands for it
  std::vector<const Card*> followers;
  for (const auto& [id, card] : board.cards()) {
    if (card.pile != 0 && piles.at(card.pile) >= 2) {
      auto [lead, first] = pile_lead.try_emplace(card.pile, &card);
      if (!first) {
        followers.push_back(&card);
        continue;
      }
    }
    if (const Zone* zone = board.ZoneOf(card))
      by_zone[static_cast<std::size_t>(zone - tmpl.zones.data())].push_back(&card);
    else
      outside.push_back(&card);
  }
  std::map<CardId, MapPoint> to;
  for (std::size_t z = 0; z < tmpl.zones.size(); ++z)
    if (!by_zone[z].empty()) ArrangeZone(tmpl.zones[z], std::move(by_zone[z]), size, to);

  // Outside the zones: a card that covers nothing stays; one that does goes to the nearest free
  // place outside the zones (in id order, so the oldest keeps its place).
  std::vector<Rect> placed;
  placed.reserve(board.cards().size());
  for (const auto& [id, at] : to) placed.push_back(CardRectAt(at, size));
  FreePlaces cards_placed({0, 0, 1, 1}, size, placed);  // only to ask "does it cover a card?"
  for (const Zone& z : tmpl.zones) placed.push_back(z.area);
  FreePlaces free({0, 0, 1, 1}, size, std::move(placed));
  for (const Card* card : outside) {
    MapPoint at = card->at;
    if (cards_placed.Hits(CardRectAt(card->at, size)))
      if (auto place = free.Nearest(card->at)) at = *place;
    cards_placed.Block(CardRectAt(at, size));
    free.Block(CardRectAt(at, size));
    if (!(at == card->at)) to[card->id] = at;
  }

  for (const Card* card : followers) {
    const Card* lead = pile_lead.at(card->pile);
    auto it = to.find(lead->id);
    if (it == to.end()) continue;
    to[card->id] = ClampToMap({card->at.x + it->second.x - lead->at.x, card->at.y + it->second.y - lead->at.y});
  }

  CardsArranged out;
  for (const auto& [id, at] : to) {
    const Card* card = board.Find(id);
    if (card && !(card->at == at)) out.moves.push_back({id, card->at, at});
  }
  return out;
}

}  // namespace atelier::core
