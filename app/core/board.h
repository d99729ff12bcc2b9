// The board: the template it is drawn on and the cards on it — the fold of the session's
// events. Only Apply changes it. Cards dropped on the bin wait in m_binned for "Annuler".
#pragma once
#include <map>
#include <optional>
#include <vector>

#include "core/card.h"
#include "core/event.h"
#include "core/template.h"

namespace atelier::core {

class Board {
 public:
  explicit Board(Template tmpl = {}) : m_template(std::move(tmpl)) {}

  const Template& map_template() const { return m_template; }
  const std::map<CardId, Card>& cards() const { return m_cards; }
  const std::map<CardId, Card>& binned() const { return m_binned; }
  const Card* Find(CardId id) const;
  const Card* FindBinned(CardId id) const;
  CardId next_id() const { return m_next_id; }
  std::int64_t last_event_ms() const { return m_last_ms; }
  std::int64_t next_z() const { return m_next_z; }

  // Rebuilds a board from saved state (store/ snapshots), counters included, so that folding
  // the later events onto it gives exactly what folding from the start gives.
  static Board Restore(Template tmpl, std::map<CardId, Card> cards, std::map<CardId, Card> binned, CardId next_id,
                       std::int64_t next_z, std::int64_t last_ms) {
    Board b(std::move(tmpl));
    b.m_cards = std::move(cards);
    b.m_binned = std::move(binned);
    b.m_next_id = next_id;
    b.m_next_z = next_z;
    b.m_last_ms = last_ms;
    return b;
  }

  // Cards from bottom to top (ascending z), for drawing.
  std::vector<const Card*> InDrawOrder() const;

  // The topmost card whose rectangle contains p, if any.
  std::optional<CardId> CardAt(MapPoint p) const;

  // Derived from the card's position on this board's template.
  const Zone* ZoneOf(const Card& card) const { return m_template.ZoneAt(card.at); }

  // Folds one event in. Events come from Decide or from a journal, so they are trusted; an
  // event that names an unknown card (a damaged file) is ignored rather than crashing.
  void Apply(const Event& event);

  bool operator==(const Board&) const = default;

 private:
  Template m_template;
  std::map<CardId, Card> m_cards;
  std::map<CardId, Card> m_binned;
  CardId m_next_id = 1;
  std::int64_t m_next_z = 1;
  std::int64_t m_last_ms = 0;
};

}  // namespace atelier::core
