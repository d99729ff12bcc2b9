// The board: the template it is drawn on and the cards on it — the fold of the session's
// events. Only Apply changes it. Cards dropped on the bin wait in m_binned for "Annuler".
// The facilitator's state (phase and timer, lock, hidden cards, renamed labels, the undo and
// redo stacks) is part of the fold too, so replay and a restarted kiosk see the same.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/card.h"
#include "core/card_map.h"
#include "core/card_size.h"
#include "core/event.h"
#include "core/inbox.h"
#include "core/template.h"

namespace atelier::core {

inline constexpr std::int64_t kVoteLockoutMs = 400;  // same card, same actor: a double tap, not two votes
inline constexpr std::size_t kUndoDepth = 100;        // steps the facilitator can go back

// The running phase. Times are session milliseconds (event times), like Event::t_ms.
struct PhaseState {
  std::string name;
  PhaseKind kind = PhaseKind::PlaceCards;
  std::int64_t started_ms = 0;
  std::int64_t duration_ms = 0;  // 0: no timer
  std::int64_t extra_ms = 0;     // "+1 min" presses
  std::int64_t paused_total_ms = 0;
  std::optional<std::int64_t> paused_since_ms;
  bool operator==(const PhaseState&) const = default;

  bool timed() const { return duration_ms > 0; }
  bool paused() const { return paused_since_ms.has_value(); }
  // Running time of the phase at now_ms, pauses left out.
  std::int64_t ElapsedMs(std::int64_t now_ms) const;
  // Time left on the timer at now_ms (negative once it ran out); nullopt for an untimed phase.
  std::optional<std::int64_t> RemainingMs(std::int64_t now_ms) const;
};

// One step the facilitator's undo can take back: the event (by seq) and what it did.
struct UndoStep {
  std::int64_t seq = 0;
  Undoable what;
  bool operator==(const UndoStep&) const = default;
};

struct Facilitation {
  std::optional<PhaseState> phase;
  bool locked = false;
  std::map<CardId, Card> hidden;                 // moderated away, may be shown again
  std::map<std::string, std::string> renamed;    // label key → text, over the template
  std::vector<UndoStep> undo;                    // oldest first, at most kUndoDepth
  std::vector<UndoStep> redo;                    // next to redo last; cleared by a new action
  std::map<std::pair<CardId, Actor>, std::int64_t> last_vote_ms;  // for the double-tap lock-out
  Inbox inbox;                                   // phone cards waiting for moderation, and decided ones
  CardSizeChoice card_size = CardSizeChoice::Auto;  // "Taille des cartes" (CardSizeSet)
  bool operator==(const Facilitation&) const = default;
};

class Board {
 public:
  explicit Board(Template tmpl = {}) : m_template(std::move(tmpl)) {}

  const Template& map_template() const { return m_template; }
  // Copy-on-write (core/card_map.h): copying a board shares its cards.
  const CardMap& cards() const { return m_cards; }
  const CardMap& binned() const { return m_binned; }
  const Card* Find(CardId id) const;
  const Card* FindBinned(CardId id) const;
  CardId next_id() const { return m_next_id; }
  std::int64_t last_event_ms() const { return m_last_ms; }
  std::int64_t next_z() const { return m_next_z; }

  // Rebuilds a board from saved state (store/ snapshots), counters included, so that folding
  // the later events onto it gives exactly what folding from the start gives.
  // tmpl is the session's original template; the renamed labels in facilitation go over it.
  static Board Restore(Template tmpl, std::map<CardId, Card> cards, std::map<CardId, Card> binned, CardId next_id,
                       std::int64_t next_z, std::int64_t last_ms, Facilitation facilitation = {});

  const Facilitation& facilitation() const { return m_fac; }
  bool locked() const { return m_fac.locked; }
  const std::optional<PhaseState>& phase() const { return m_fac.phase; }
  bool voting() const { return m_fac.phase && m_fac.phase->kind == PhaseKind::Vote; }
  const std::map<CardId, Card>& hidden() const { return m_fac.hidden; }
  const Card* FindHidden(CardId id) const;
  const Inbox& inbox() const { return m_fac.inbox; }
  const InboxCard* FindInbox(InboxId id) const;
  InboxId next_inbox_id() const { return m_fac.inbox.empty() ? 1 : m_fac.inbox.rbegin()->first + 1; }

  // Cards from bottom to top (ascending z), for drawing.
  std::vector<const Card*> InDrawOrder() const;

  // The topmost card whose rectangle contains p, if any.
  std::optional<CardId> CardAt(MapPoint p) const;

  // How big cards are on this board now (core/card_size.h: it follows how crowded the zones
  // are), and a card's rectangle at that size. Everything that draws or hit-tests a card on the
  // map uses these: the kiosk, the replay, the exports.
  // The facilitator's fixed size, when one is chosen, wins over the crowd.
  CardSize card_size() const;
  CardSizeChoice card_size_choice() const { return m_fac.card_size; }
  // The zones (template order) holding more cards than their grid has places at card_size():
  // with a fixed size chosen, "Ranger la carte" cannot lay them out without overlap.
  std::vector<const Zone*> OverfullZones() const;
  Rect CardBounds(const Card& card) const { return CardRectAt(card.at, card_size()); }

  // Different after every change of this board (construction, Apply, Restore) and never reused
  // by another board; a copy keeps it, as it has the same contents. The kiosk's renderer keys
  // its cached layer on it (render/board_layer.h). Not part of equality.
  std::uint64_t stamp() const { return m_stamp.value; }

  // Derived from the card's position on this board's template.
  const Zone* ZoneOf(const Card& card) const { return m_template.ZoneAt(card.at); }

  // Folds one event in. Events come from Decide or from a journal, so they are trusted; an
  // event that names an unknown card (a damaged file) is ignored rather than crashing.
  void Apply(const Event& event);

  bool operator==(const Board&) const = default;

 private:
  void RecordUndoable(std::int64_t seq, const Undoable& what);
  // Does (forward) or reverses (!forward) what an undoable event did; a redo of an add
  // restores the card from the bin where the undo put it.
  void Redo(const Undoable& what, std::int64_t t, Actor actor, bool fresh);
  void Reverse(const Undoable& what, std::int64_t t);
  void Bin(CardId id);
  void Unbin(CardId id, std::int64_t t);
  void SetVotes(CardId id, int votes);
  void SetLabel(const std::string& key, const std::string& text);
  void SetInboxState(InboxId id, InboxCard::State state, CardId card = 0);

  Template m_template;
  CardMap m_cards;
  CardMap m_binned;
  CardId m_next_id = 1;
  std::int64_t m_next_z = 1;
  std::int64_t m_last_ms = 0;
  Facilitation m_fac;
  // card_size(), worked out on first use after a change (a fold of many events pays once).
  // Derived state: two boards with the same cards are equal whether or not it is filled in.
  struct SizeCache {
    std::optional<CardSize> size;
    bool operator==(const SizeCache&) const { return true; }
  };
  mutable SizeCache m_size_cache;
  struct Stamp {
    static std::uint64_t Next();  // thread-safe
    std::uint64_t value = Next();
    bool operator==(const Stamp&) const { return true; }
  };
  Stamp m_stamp;
};

}  // namespace atelier::core
