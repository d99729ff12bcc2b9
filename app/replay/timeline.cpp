#include "replay/timeline.h"

#include <algorithm>
#include <map>

namespace atelier::replay {

// Written against the card events, and generic over the others (facilitator events: phases,
// votes, undo …), so that new kinds of events fold and show as "other" without changes here.
ChangeKind KindOf(const core::EventData& data) {
  return std::visit(
      [](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, core::CardAdded>) return ChangeKind::Added;
        else if constexpr (std::is_same_v<E, core::CardMoved>) return ChangeKind::Moved;
        else if constexpr (std::is_same_v<E, core::CardEdited>) return ChangeKind::Edited;
        else if constexpr (std::is_same_v<E, core::CardDeleted>) return ChangeKind::Deleted;
        else if constexpr (std::is_same_v<E, core::CardRestored>) return ChangeKind::Restored;
        else return ChangeKind::Other;
      },
      data);
}

namespace {

// The card an event is about: its own `id`, or that of the event an undo/redo carries (`what`).
template <class Variant>
std::optional<core::CardId> CardOfEvent(const Variant& data) {
  return std::visit(
      [](const auto& e) -> std::optional<core::CardId> {
        if constexpr (requires { e.id; }) return e.id;
        else if constexpr (requires { e.what; }) return CardOfEvent(e.what);
        else return std::nullopt;
      },
      data);
}

// A phase starting: an event with a name, a phase kind and a planned duration (the
// facilitator's PhaseStarted); detected by shape so files without phases need nothing.
std::optional<Phase> PhaseOf(const core::Event& event) {
  return std::visit(
      [&](const auto& e) -> std::optional<Phase> {
        if constexpr (requires { e.name; e.kind; e.duration_ms; })
          return Phase{.t_ms = event.t_ms, .name = e.name};
        else
          return std::nullopt;
      },
      event.data);
}

}  // namespace

Timeline::Timeline(core::Template map_template, std::vector<core::Event> events, TimelineConfig config)
    : m_template(std::move(map_template)), m_config(config), m_tail(m_template) {
  m_config.min_snapshot_every = std::max<std::size_t>(m_config.min_snapshot_every, 1);
  m_snapshots.push_back({0, m_tail});
  Append(std::move(events));
}

void Timeline::Append(std::vector<core::Event> more) {
  m_events.reserve(m_events.size() + more.size());
  m_times.reserve(m_times.size() + more.size());
  for (core::Event& e : more) {
    const std::int64_t t = std::max(e.t_ms, m_times.empty() ? std::int64_t{0} : m_times.back());
    m_times.push_back(t);
    if (std::optional<Phase> phase = PhaseOf(e)) m_phases.push_back({t, phase->name});
    m_tail.Apply(e);
    m_events.push_back(std::move(e));
    // A snapshot shares its unchanged cards with the one before it (core/card_map.h): it costs
    // a chunk of card pointers and a card per event since, so snapshots can be close together
    // and a seek folds at most min_snapshot_every events after a copy of a few dozen pointers.
    if (m_events.size() - m_snapshots.back().count >= m_config.min_snapshot_every)
      m_snapshots.push_back({m_events.size(), m_tail});
  }
}

std::size_t Timeline::CountAt(std::int64_t t_ms) const {
  return static_cast<std::size_t>(std::upper_bound(m_times.begin(), m_times.end(), t_ms) - m_times.begin());
}

const Timeline::Snapshot& Timeline::NearestSnapshot(std::size_t count) const {
  auto it = std::upper_bound(m_snapshots.begin(), m_snapshots.end(), count,
                             [](std::size_t c, const Snapshot& s) { return c < s.count; });
  return *std::prev(it);  // the first snapshot has count 0, so there is always one
}

void Timeline::Fold(core::Board& board, std::size_t from, std::size_t to) const {
  for (std::size_t i = from; i < to; ++i) board.Apply(m_events[i]);
}

core::Board Timeline::BoardAfter(std::size_t count) const {
  count = std::min(count, m_events.size());
  const Snapshot& s = NearestSnapshot(count);
  core::Board board = s.board;
  Fold(board, s.count, count);
  return board;
}

std::optional<std::int64_t> Timeline::PreviousEventTime(std::int64_t t_ms) const {
  auto it = std::lower_bound(m_times.begin(), m_times.end(), t_ms);
  if (it == m_times.begin()) return std::nullopt;
  return *std::prev(it);
}

std::optional<std::int64_t> Timeline::NextEventTime(std::int64_t t_ms) const {
  auto it = std::upper_bound(m_times.begin(), m_times.end(), t_ms);
  if (it == m_times.end()) return std::nullopt;
  return *it;
}

std::vector<Change> Timeline::ChangesBetween(std::int64_t after_ms, std::int64_t up_to_ms) const {
  std::map<core::CardId, Change> by_card;
  const std::size_t first = CountAt(after_ms), last = CountAt(up_to_ms);
  for (std::size_t i = first; i < last; ++i) {
    const core::Event& e = m_events[i];
    const std::optional<core::CardId> id = CardOfEvent(e.data);
    if (!id) continue;  // about the board or the workshop, not one card
    Change& c = by_card.try_emplace(*id, Change{.card = *id}).first->second;
    c.kind = KindOf(e.data);
    c.t_ms = m_times[i];
    if (const auto* moved = std::get_if<core::CardMoved>(&e.data); moved && !c.came_from) c.came_from = moved->from;
  }
  std::vector<Change> out;
  out.reserve(by_card.size());
  for (auto& [id, c] : by_card) out.push_back(std::move(c));
  return out;
}

const core::Board& Cursor::SeekCount(std::size_t count) {
  count = std::min(count, m_timeline->size());
  if (count == m_count) return m_board;
  const Timeline::Snapshot& s = m_timeline->NearestSnapshot(count);
  // Forward from here when that folds fewer events than restoring the snapshot (a copy of a
  // few dozen pointers, about the cost of a few Applies) then folding the events after it.
  constexpr std::size_t kRestoreCost = 8;
  const bool forward = count > m_count && (s.count <= m_count || count - m_count <= (count - s.count) + kRestoreCost);
  if (forward) {
    m_timeline->Fold(m_board, m_count, count);
  } else {
    m_board = s.board;
    m_timeline->Fold(m_board, s.count, count);
  }
  m_count = count;
  return m_board;
}

}  // namespace atelier::replay
