// Sections: queries · phases · Apply (the fold) · what undoable events do and undo.
#include "core/board.h"

#include <algorithm>
#include <atomic>

namespace atelier::core {

namespace {

template <class T, class V>
struct IsAlternative;
template <class T, class... Ts>
struct IsAlternative<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Queries.

Board Board::Restore(Template tmpl, std::map<CardId, Card> cards, std::map<CardId, Card> binned, CardId next_id,
                     std::int64_t next_z, std::int64_t last_ms, Facilitation facilitation) {
  Board b(std::move(tmpl));
  b.m_cards = CardMap(cards);
  b.m_binned = CardMap(binned);
  b.m_next_id = next_id;
  b.m_next_z = next_z;
  b.m_last_ms = last_ms;
  const auto renamed = facilitation.renamed;
  b.m_fac = std::move(facilitation);
  for (const auto& [key, text] : renamed) b.SetLabel(key, text);
  b.m_stamp.value = Stamp::Next();
  return b;
}

const Card* Board::Find(CardId id) const {
  auto it = m_cards.find(id);
  return it == m_cards.end() ? nullptr : &it->second;
}

const Card* Board::FindBinned(CardId id) const {
  auto it = m_binned.find(id);
  return it == m_binned.end() ? nullptr : &it->second;
}

const Card* Board::FindHidden(CardId id) const {
  auto it = m_fac.hidden.find(id);
  return it == m_fac.hidden.end() ? nullptr : &it->second;
}

const InboxCard* Board::FindInbox(InboxId id) const {
  auto it = m_fac.inbox.find(id);
  return it == m_fac.inbox.end() ? nullptr : &it->second;
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
    if (CardBounds(card).Contains(p.x, p.y) && (!best || card.z > best->z)) best = &card;
  if (!best) return std::nullopt;
  return best->id;
}

// ---------------------------------------------------------------------------------------------
// Phases.

std::int64_t PhaseState::ElapsedMs(std::int64_t now_ms) const {
  const std::int64_t end = paused_since_ms ? *paused_since_ms : now_ms;
  return std::max<std::int64_t>(0, end - started_ms - paused_total_ms);
}

std::optional<std::int64_t> PhaseState::RemainingMs(std::int64_t now_ms) const {
  if (!timed()) return std::nullopt;
  return duration_ms + extra_ms - ElapsedMs(now_ms);
}

// ---------------------------------------------------------------------------------------------
// Apply.

void Board::Apply(const Event& event) {
  m_last_ms = event.t_ms;
  const std::int64_t t = event.t_ms;
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (IsAlternative<E, Undoable>::value) {
          Redo(e, t, event.actor, true);
          RecordUndoable(event.seq, e);
        } else if constexpr (std::is_same_v<E, ActionUndone>) {
          Reverse(e.what, t);
          auto& undo = m_fac.undo;
          auto it = std::find_if(undo.rbegin(), undo.rend(), [&](const UndoStep& s) { return s.seq == e.seq; });
          if (it != undo.rend()) undo.erase(std::next(it).base());
          m_fac.redo.push_back({e.seq, e.what});
        } else if constexpr (std::is_same_v<E, ActionRedone>) {
          Redo(e.what, t, event.actor, false);
          auto& redo = m_fac.redo;
          auto it = std::find_if(redo.rbegin(), redo.rend(), [&](const UndoStep& s) { return s.seq == e.seq; });
          if (it != redo.rend()) redo.erase(std::next(it).base());
          m_fac.undo.push_back({e.seq, e.what});
          if (m_fac.undo.size() > kUndoDepth) m_fac.undo.erase(m_fac.undo.begin());
        } else if constexpr (std::is_same_v<E, CardErased>) {
          m_cards.Erase(e.id);
          m_binned.Erase(e.id);
          m_fac.hidden.erase(e.id);
          // Nothing can bring it back: steps about it would act on nothing.
          auto about = [&](const UndoStep& s) { return CardOf(ToEventData(s.what)) == e.id; };
          std::erase_if(m_fac.undo, about);
          std::erase_if(m_fac.redo, about);
          std::erase_if(m_fac.last_vote_ms, [&](const auto& entry) { return entry.first.first == e.id; });
        } else if constexpr (std::is_same_v<E, PhaseStarted>) {
          m_fac.phase = PhaseState{.name = e.name, .kind = e.kind, .started_ms = t, .duration_ms = e.duration_ms};
        } else if constexpr (std::is_same_v<E, PhaseEnded>) {
          m_fac.phase.reset();
        } else if constexpr (std::is_same_v<E, TimerPaused>) {
          if (m_fac.phase && !m_fac.phase->paused()) m_fac.phase->paused_since_ms = t;
        } else if constexpr (std::is_same_v<E, TimerResumed>) {
          if (m_fac.phase && m_fac.phase->paused()) {
            m_fac.phase->paused_total_ms += std::max<std::int64_t>(0, t - *m_fac.phase->paused_since_ms);
            m_fac.phase->paused_since_ms.reset();
          }
        } else if constexpr (std::is_same_v<E, TimerExtended>) {
          if (m_fac.phase) m_fac.phase->extra_ms += e.by_ms;
        } else if constexpr (std::is_same_v<E, InboxReceived>) {
          m_fac.inbox[e.inbox] = InboxCard{.id = e.inbox, .text = e.text, .colour = e.colour, .zone = e.zone,
                                           .phone = e.phone, .key = e.key, .received_ms = t};
        } else if constexpr (std::is_same_v<E, BoardLocked>) {
          m_fac.locked = true;
        } else if constexpr (std::is_same_v<E, BoardUnlocked>) {
          m_fac.locked = false;
        } else {
          static_assert(sizeof(E) == 0, "Board::Apply handles every event type");
        }
      },
      event.data);
  m_size_cache.size.reset();
  m_stamp.value = Stamp::Next();
}

std::uint64_t Board::Stamp::Next() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

CardSize Board::card_size() const {
  if (m_size_cache.size) return *m_size_cache.size;
  if (auto scale = CardSizeChoiceScale(m_fac.card_size)) return *(m_size_cache.size = ScaledCardSize(*scale));
  std::vector<Rect> zones;
  zones.reserve(m_template.zones.size());
  for (const Zone& z : m_template.zones) zones.push_back(z.area);
  std::vector<std::size_t> counts(zones.size(), 0);
  for (const auto& [id, card] : m_cards)
    if (const Zone* zone = ZoneOf(card)) ++counts[static_cast<std::size_t>(zone - m_template.zones.data())];
  m_size_cache.size = CardSizeFor(zones, counts, m_cards.size());
  return *m_size_cache.size;
}

std::vector<const Zone*> Board::OverfullZones() const {
  std::vector<std::size_t> counts(m_template.zones.size(), 0);
  for (const auto& [id, card] : m_cards)
    if (const Zone* zone = ZoneOf(card)) ++counts[static_cast<std::size_t>(zone - m_template.zones.data())];
  std::vector<const Zone*> out;
  const CardSize size = card_size();
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (counts[i] > static_cast<std::size_t>(ZoneGrid::For(m_template.zones[i].area, size).capacity()))
      out.push_back(&m_template.zones[i]);
  return out;
}

void Board::RecordUndoable(std::int64_t seq, const Undoable& what) {
  m_fac.undo.push_back({seq, what});
  if (m_fac.undo.size() > kUndoDepth) m_fac.undo.erase(m_fac.undo.begin());
  m_fac.redo.clear();  // a new action: what was undone before it can no longer be redone
}

void Board::SetInboxState(InboxId id, InboxCard::State state, CardId card) {
  auto it = m_fac.inbox.find(id);
  if (it == m_fac.inbox.end()) return;
  it->second.state = state;
  it->second.card = card;
}

// ---------------------------------------------------------------------------------------------
// What undoable events do (Redo) and undo (Reverse). Unknown ids are ignored: the fold is total.

void Board::Bin(CardId id) {
  auto it = m_cards.find(id);
  if (it == m_cards.end()) return;
  m_binned.Put(it->second);
  m_cards.Erase(id);
}

void Board::Unbin(CardId id, std::int64_t t) {
  auto it = m_binned.find(id);
  if (it == m_binned.end()) return;
  Card card = it->second;
  card.z = m_next_z++;
  card.changed_ms = t;
  m_cards.Put(card);
  m_binned.Erase(id);
}

void Board::SetVotes(CardId id, int votes) {
  for (auto* cards : {&m_cards, &m_binned})
    if (Card* card = cards->Mutable(id)) card->votes = std::max(0, votes);
  auto it = m_fac.hidden.find(id);
  if (it != m_fac.hidden.end()) it->second.votes = std::max(0, votes);
}

void Board::SetLabel(const std::string& key, const std::string& text) {
  Label* label = m_template.FindLabel(key);
  if (!label) return;
  // The renamed wording is what the group typed: it shows whatever the interface language.
  label->fr = text;
  label->en.clear();
  m_fac.renamed[key] = text;
}

void Board::Redo(const Undoable& what, std::int64_t t, Actor actor, bool fresh) {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, CardAdded>) {
          if (e.inbox != 0) SetInboxState(e.inbox, InboxCard::State::Accepted, e.id);
          // Undoing an accepted phone card put it back in the inbox, not in the bin: redoing
          // the accept lands it again, from the event.
          if (!fresh && e.inbox == 0) return Unbin(e.id, t);
          m_cards.Put(Card{.id = e.id, .text = e.text, .colour = e.colour, .at = e.at, .z = m_next_z++,
                           .created_ms = t, .changed_ms = t});
          m_next_id = std::max(m_next_id, e.id + 1);
        } else if constexpr (std::is_same_v<E, CardMoved>) {
          const Card* moved = Find(e.id);
          if (!moved) return;
          // A card of a pile takes its pile along (core/pile.h), the stack kept as it was.
          std::vector<std::pair<std::int64_t, CardId>> along{{moved->z, e.id}};
          if (moved->pile != 0)
            for (const auto& [id, other] : m_cards)
              if (other.pile == moved->pile && id != e.id) along.emplace_back(other.z, id);
          std::sort(along.begin(), along.end());
          const float dx = e.to.x - moved->at.x, dy = e.to.y - moved->at.y;
          for (const auto& [z, id] : along) {
            Card* card = m_cards.Mutable(id);
            card->at = id == e.id ? e.to : ClampToMap({card->at.x + dx, card->at.y + dy});
            card->z = m_next_z++;  // a card put down lands on top
            card->changed_ms = t;
          }
        } else if constexpr (std::is_same_v<E, CardEdited>) {
          Card* card = m_cards.Mutable(e.id);
          if (!card) return;
          card->text = e.text;
          card->colour = e.colour;
          card->changed_ms = t;
        } else if constexpr (std::is_same_v<E, CardDeleted>) {
          Bin(e.id);
        } else if constexpr (std::is_same_v<E, CardRestored>) {
          Unbin(e.id, t);
        } else if constexpr (std::is_same_v<E, CardVoted>) {
          Card* card = m_cards.Mutable(e.id);
          if (!card) return;
          ++card->votes;
          if (fresh) m_fac.last_vote_ms[{e.id, actor}] = t;
        } else if constexpr (std::is_same_v<E, VotesReset>) {
          for (const auto& [id, votes] : e.before) SetVotes(id, 0);
        } else if constexpr (std::is_same_v<E, CardHidden>) {
          auto it = m_cards.find(e.id);
          if (it == m_cards.end()) return;
          m_fac.hidden[e.id] = it->second;
          m_cards.Erase(e.id);
        } else if constexpr (std::is_same_v<E, CardShown>) {
          auto it = m_fac.hidden.find(e.id);
          if (it == m_fac.hidden.end()) return;
          Card card = it->second;
          card.z = m_next_z++;
          m_cards.Put(card);
          m_fac.hidden.erase(it);
        } else if constexpr (std::is_same_v<E, LabelRenamed>) {
          SetLabel(e.key, e.text);
        } else if constexpr (std::is_same_v<E, CardsArranged>) {
          for (const CardMoved& m : e.moves) {
            Card* card = m_cards.Mutable(m.id);
            if (!card) continue;
            card->at = m.to;
            card->changed_ms = t;
          }
        } else if constexpr (std::is_same_v<E, CardsPiled>) {
          for (const CardMoved& m : e.moves)
            if (Card* card = m_cards.Mutable(m.id)) card->at = m.to, card->changed_ms = t;
          for (const Pile& p : e.piles)
            for (CardId id : p.cards)
              if (Card* card = m_cards.Mutable(id)) card->pile = p.id;
        } else if constexpr (std::is_same_v<E, PileSpread>) {
          for (const CardMoved& m : e.moves)
            if (Card* card = m_cards.Mutable(m.id)) card->at = m.to, card->pile = 0, card->changed_ms = t;
        } else if constexpr (std::is_same_v<E, InboxRefused>) {
          SetInboxState(e.inbox, InboxCard::State::Refused);
        } else if constexpr (std::is_same_v<E, CardSizeSet>) {
          m_fac.card_size = e.size;
        }
      },
      what);
}

void Board::Reverse(const Undoable& what, std::int64_t t) {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, CardAdded>) {
          if (e.inbox != 0) {  // an accepted phone card goes back to wait in the inbox
            m_cards.Erase(e.id);
            SetInboxState(e.inbox, InboxCard::State::Waiting);
            return;
          }
          Bin(e.id);  // in the bin, not gone: a redo brings it back
        } else if constexpr (std::is_same_v<E, CardMoved>) {
          Redo(CardMoved{e.id, e.to, e.from}, t, Actor::Facilitator, false);
        } else if constexpr (std::is_same_v<E, CardEdited>) {
          Redo(CardEdited{e.id, e.text, e.colour, e.old_text, e.old_colour}, t, Actor::Facilitator, false);
        } else if constexpr (std::is_same_v<E, CardDeleted>) {
          Unbin(e.id, t);
        } else if constexpr (std::is_same_v<E, CardRestored>) {
          Bin(e.id);
        } else if constexpr (std::is_same_v<E, CardVoted>) {
          if (Card* card = m_cards.Mutable(e.id)) card->votes = std::max(0, card->votes - 1);
        } else if constexpr (std::is_same_v<E, VotesReset>) {
          for (const auto& [id, votes] : e.before) SetVotes(id, votes);
        } else if constexpr (std::is_same_v<E, CardHidden>) {
          Redo(CardShown{e.id}, t, Actor::Facilitator, false);
        } else if constexpr (std::is_same_v<E, CardShown>) {
          Redo(CardHidden{e.id}, t, Actor::Facilitator, false);
        } else if constexpr (std::is_same_v<E, LabelRenamed>) {
          SetLabel(e.key, e.old_text);
        } else if constexpr (std::is_same_v<E, CardsArranged>) {
          for (const CardMoved& m : e.moves) {
            Card* card = m_cards.Mutable(m.id);
            if (!card) continue;
            card->at = m.from;
            card->changed_ms = t;
          }
        } else if constexpr (std::is_same_v<E, CardsPiled>) {
          for (const CardMoved& m : e.moves)
            if (Card* card = m_cards.Mutable(m.id)) card->at = m.from, card->changed_ms = t;
          for (const Pile& p : e.piles)
            for (CardId id : p.cards)
              if (Card* card = m_cards.Mutable(id)) card->pile = 0;
          for (const auto& [id, pile] : e.before)
            if (Card* card = m_cards.Mutable(id)) card->pile = pile;
        } else if constexpr (std::is_same_v<E, PileSpread>) {
          for (const CardMoved& m : e.moves)
            if (Card* card = m_cards.Mutable(m.id)) card->at = m.from, card->pile = e.pile, card->changed_ms = t;
        } else if constexpr (std::is_same_v<E, InboxRefused>) {
          SetInboxState(e.inbox, InboxCard::State::Waiting);
        } else if constexpr (std::is_same_v<E, CardSizeSet>) {
          m_fac.card_size = e.before;
        }
      },
      what);
}

}  // namespace atelier::core
