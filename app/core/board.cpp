#include "core/board.h"

#include <algorithm>

namespace atelier::core {

const Card* Board::Find(CardId id) const {
  auto it = m_cards.find(id);
  return it == m_cards.end() ? nullptr : &it->second;
}

const Card* Board::FindBinned(CardId id) const {
  auto it = m_binned.find(id);
  return it == m_binned.end() ? nullptr : &it->second;
}

std::vector<const Card*> Board::InDrawOrder() const {
  std::vector<const Card*> out;
  out.reserve(m_cards.size());
  for (const auto& [id, card] : m_cards) out.push_back(&card);
  std::sort(out.begin(), out.end(), [](const Card* a, const Card* b) { return a->z < b->z; });
  return out;
}

std::optional<CardId> Board::CardAt(MapPoint p) const {
  const Card* best = nullptr;
  for (const auto& [id, card] : m_cards)
    if (card.Bounds().Contains(p.x, p.y) && (!best || card.z > best->z)) best = &card;
  if (!best) return std::nullopt;
  return best->id;
}

void Board::Apply(const Event& event) {
  m_last_ms = event.t_ms;
  const std::int64_t t = event.t_ms;
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, CardAdded>) {
          m_cards[e.id] = Card{.id = e.id, .text = e.text, .colour = e.colour, .at = e.at, .z = m_next_z++,
                               .created_ms = t, .changed_ms = t};
          m_next_id = std::max(m_next_id, e.id + 1);
        } else if constexpr (std::is_same_v<E, CardMoved>) {
          auto it = m_cards.find(e.id);
          if (it == m_cards.end()) return;
          it->second.at = e.to;
          it->second.z = m_next_z++;  // a card put down lands on top
          it->second.changed_ms = t;
        } else if constexpr (std::is_same_v<E, CardEdited>) {
          auto it = m_cards.find(e.id);
          if (it == m_cards.end()) return;
          it->second.text = e.text;
          it->second.colour = e.colour;
          it->second.changed_ms = t;
        } else if constexpr (std::is_same_v<E, CardDeleted>) {
          auto it = m_cards.find(e.id);
          if (it == m_cards.end()) return;
          m_binned[e.id] = it->second;
          m_cards.erase(it);
        } else if constexpr (std::is_same_v<E, CardRestored>) {
          auto it = m_binned.find(e.id);
          if (it == m_binned.end()) return;
          Card card = it->second;
          card.z = m_next_z++;
          card.changed_ms = t;
          m_cards[e.id] = card;
          m_binned.erase(it);
        }
      },
      event.data);
}

}  // namespace atelier::core
