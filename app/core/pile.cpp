// Grouping: the cards in zones, bucketed by (zone, MatchKey of the text); each bucket of two
// or more is one pile. Fan-out: FreePlaces over the pile's zone, then over the map.
#include "core/pile.h"

#include <algorithm>

#include "core/board.h"
#include "core/landing.h"
#include "core/text_match.h"

namespace atelier::core {

std::map<CardId, int> PileCounts(const CardMap& cards) {
  std::map<CardId, int> out;
  for (const auto& [id, card] : cards)
    if (card.pile != 0) ++out[card.pile];
  return out;
}

std::optional<CardId> PileOf(const Board& board, const Card& card) {
  if (card.pile == 0) return std::nullopt;
  int n = 0;
  for (const auto& [id, other] : board.cards())
    if (other.pile == card.pile && ++n >= 2) return card.pile;
  return std::nullopt;
}

std::vector<const Card*> PileCards(const Board& board, CardId pile) {
  std::vector<const Card*> out;
  if (pile == 0) return out;
  for (const auto& [id, card] : board.cards())
    if (card.pile == pile) out.push_back(&card);
  std::sort(out.begin(), out.end(), [](const Card* a, const Card* b) { return a->z != b->z ? a->z < b->z : a->id < b->id; });
  return out;
}

CardsPiled PileDuplicates(const Board& board) {
  const Template& tmpl = board.map_template();
  const std::map<CardId, int> counts = PileCounts(board.cards());
  auto in_pile = [&](const Card& c) { return c.pile != 0 && counts.at(c.pile) >= 2; };
  std::map<std::pair<std::size_t, std::string>, std::vector<const Card*>> groups;
  for (const auto& [id, card] : board.cards())
    if (const Zone* zone = board.ZoneOf(card))
      groups[{static_cast<std::size_t>(zone - tmpl.zones.data()), MatchKey(card.text)}].push_back(&card);

  CardsPiled out;
  for (auto& [where, cards] : groups) {
    if (cards.size() < 2) continue;
    const Zone& zone = tmpl.zones[where.first];
    // Bottom to top as they lie now: the stacking order is kept.
    std::sort(cards.begin(), cards.end(),
              [](const Card* a, const Card* b) { return a->z != b->z ? a->z < b->z : a->id < b->id; });
    const CardId pile = std::min_element(cards.begin(), cards.end(), [](const Card* a, const Card* b) {
                          return a->id < b->id;
                        })[0]->id;
    // Where the pile goes: under the bottom card of a pile already there (new duplicates join
    // it), else where the first of these cards was written.
    MapPoint base = board.Find(pile)->at;
    for (const Card* c : cards)
      if (in_pile(*c)) {
        base = PileCards(board, c->pile).front()->at;
        break;
      }
    // Each card a little down and right of the one below, or toward the zone's middle when
    // the pile lies near the zone's right or bottom edge, so the stack stays in its zone.
    const float sx = base.x <= zone.area.x + zone.area.w / 2 ? 1.0f : -1.0f;
    const float sy = base.y <= zone.area.y + zone.area.h / 2 ? 1.0f : -1.0f;
    std::vector<CardMoved> moves;
    bool changes = false;
    for (std::size_t i = 0; i < cards.size(); ++i) {
      const float step = static_cast<float>(std::min<std::size_t>(i, kPileOffsetSteps));
      const MapPoint to = ClampToMap({base.x + sx * step * kPileOffsetX, base.y + sy * step * kPileOffsetY});
      const Card& c = *cards[i];
      if (!(c.at == to)) moves.push_back({c.id, c.at, to});
      if (!(c.at == to) || c.pile != pile) changes = true;
    }
    if (!changes) continue;  // already this pile, in place
    Pile p{pile, {}};
    for (const Card* c : cards) {
      p.cards.push_back(c->id);
      if (c->pile != 0) out.before.emplace_back(c->id, c->pile);
    }
    out.moves.insert(out.moves.end(), moves.begin(), moves.end());
    out.piles.push_back(std::move(p));
  }
  std::sort(out.moves.begin(), out.moves.end(), [](const CardMoved& a, const CardMoved& b) { return a.id < b.id; });
  std::sort(out.before.begin(), out.before.end());
  return out;
}

std::optional<PileSpread> FanOutPile(const Board& board, CardId pile) {
  const std::vector<const Card*> cards = PileCards(board, pile);
  if (cards.size() < 2) return std::nullopt;
  const CardSize size = board.card_size();
  const Card& top = *cards.back();
  std::vector<Rect> blocked;
  blocked.reserve(board.cards().size() + cards.size());
  for (const auto& [id, card] : board.cards())
    if (card.pile != pile) blocked.push_back(CardRectAt(card.at, size));
  const Zone* zone = board.ZoneOf(top);
  FreePlaces in_zone(zone ? zone->area : Rect{0, 0, 1, 1}, size, blocked);
  std::optional<FreePlaces> on_map;  // when the zone is full: anywhere on the map

  PileSpread out{pile, {}};
  std::vector<CardMoved> moves(cards.size());
  // The top card, the one tapped, stays where it is unless another card lies under it; then the
  // nearest places go first to the cards nearest the top.
  for (std::size_t k = cards.size(); k-- > 0;) {
    const Card& c = *cards[k];
    std::optional<MapPoint> place;
    if (k + 1 == cards.size() && !in_zone.Hits(CardRectAt(top.at, size))) place = top.at;
    if (!place) place = in_zone.Nearest(top.at);
    if (!place) {
      if (!on_map) on_map.emplace(Rect{0, 0, 1, 1}, size, blocked);
      place = on_map->Nearest(top.at);
    }
    const MapPoint to = place ? *place : c.at;  // a map full of cards: it stays in the pile's place
    in_zone.Block(CardRectAt(to, size));
    if (on_map) on_map->Block(CardRectAt(to, size));
    blocked.push_back(CardRectAt(to, size));
    moves[k] = {c.id, c.at, to};
  }
  out.moves = std::move(moves);
  return out;
}

}  // namespace atelier::core
