// A recorded session laid out in time for replay: its events in order with their times, the
// board at any moment (seeking), what changed around a moment (for highlights), and phases.
//
// Sections: changes and phases · Timeline (immutable history, snapshots) · Cursor (the board
// at the playhead, moved cheaply).
//
// Contract
// - Times are milliseconds since the session began. Events are kept in journal (seq) order;
//   an event stamped earlier than the one before it (a clock that went back, a hand-edited
//   import) counts as happening at the previous event's time, so "the board at t" is always
//   the fold of a prefix of the journal: every event whose (monotonic) time is ≤ t.
// - Seeking restores the nearest in-memory snapshot at or before the moment, then folds the
//   events after it with core::Board::Apply — the same fold as the live board. Snapshots are
//   taken on construction and on Append, TimelineConfig::min_snapshot_every events apart. A
//   snapshot shares its unchanged cards with the others (core::CardMap is copy-on-write), so
//   restoring one copies a few dozen pointers, and memory is about one card copy (and one
//   chunk of card pointers) per event.
// - Not thread-safe; a Cursor must not outlive its Timeline. Append keeps Cursors valid.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/board.h"
#include "core/event.h"
#include "core/template.h"

namespace atelier::replay {

// ---- changes and phases ------------------------------------------------------------------

// Other: the rest (votes, moderation, undo, phases … from the facilitator's panel).
enum class ChangeKind { Added, Moved, Edited, Deleted, Restored, Other };
ChangeKind KindOf(const core::EventData& data);

// What happened to one card in a stretch of time.
struct Change {
  core::CardId card = 0;
  ChangeKind kind = ChangeKind::Added;  // the latest thing that happened to it in the stretch
  std::int64_t t_ms = 0;                // when that was
  // The card moved in the stretch: where it stood before its first move in it.
  std::optional<core::MapPoint> came_from;
  bool operator==(const Change&) const = default;
};

// A named part of the workshop, from the facilitator's panel (files without phases have none).
struct Phase {
  std::int64_t t_ms = 0;
  std::string name;
};

struct TimelineConfig {
  std::size_t min_snapshot_every = 128;  // events between two in-memory snapshots, at least
};

// ---- Timeline ----------------------------------------------------------------------------

class Timeline {
 public:
  explicit Timeline(core::Template map_template = {}, std::vector<core::Event> events = {},
                    TimelineConfig config = {});

  // More events recorded since (the "Actualiser" button): events after the last one, in order.
  void Append(std::vector<core::Event> more);

  const core::Template& map_template() const { return m_template; }
  const std::vector<core::Event>& events() const { return m_events; }
  bool empty() const { return m_events.empty(); }
  std::size_t size() const { return m_events.size(); }
  std::int64_t last_seq() const { return m_events.empty() ? 0 : m_events.back().seq; }
  // The (monotonic) time of events()[i], and all of them in order.
  std::int64_t TimeOf(std::size_t i) const { return m_times[i]; }
  const std::vector<std::int64_t>& times() const { return m_times; }
  // The time of the last event; 0 for an empty session.
  std::int64_t duration_ms() const { return m_times.empty() ? 0 : m_times.back(); }
  const std::vector<Phase>& phases() const { return m_phases; }

  // How many events have happened by t_ms (time ≤ t_ms).
  std::size_t CountAt(std::int64_t t_ms) const;
  // The board after the first `count` events (clamped to size()).
  core::Board BoardAfter(std::size_t count) const;
  // The board at t_ms: after every event with time ≤ t_ms.
  core::Board BoardAt(std::int64_t t_ms) const { return BoardAfter(CountAt(t_ms)); }

  // The latest event time strictly before t_ms / the earliest strictly after it.
  std::optional<std::int64_t> PreviousEventTime(std::int64_t t_ms) const;
  std::optional<std::int64_t> NextEventTime(std::int64_t t_ms) const;

  // One Change per card touched by an event with after_ms < time ≤ up_to_ms, by card id.
  std::vector<Change> ChangesBetween(std::int64_t after_ms, std::int64_t up_to_ms) const;

  std::size_t snapshot_count() const { return m_snapshots.size(); }

 private:
  friend class Cursor;
  struct Snapshot {
    std::size_t count = 0;  // events folded into board
    core::Board board;
  };
  // The snapshot with the largest count ≤ count.
  const Snapshot& NearestSnapshot(std::size_t count) const;
  void Fold(core::Board& board, std::size_t from, std::size_t to) const;

  core::Template m_template;
  TimelineConfig m_config;
  std::vector<core::Event> m_events;
  std::vector<std::int64_t> m_times;
  std::vector<Snapshot> m_snapshots;  // counts ascending; the first is the empty board
  core::Board m_tail;                 // after every event, to take the next snapshot from
  std::vector<Phase> m_phases;
};

// ---- Cursor ------------------------------------------------------------------------------

// The board at a playhead that moves: forward by folding only the new events when that is the
// cheaper way, otherwise from the nearest snapshot. Playing costs a few Applies per frame;
// dragging the playhead anywhere costs one snapshot copy (shared cards) plus at most a
// snapshot's spacing of Applies.
class Cursor {
 public:
  explicit Cursor(const Timeline& timeline) : m_timeline(&timeline), m_board(timeline.BoardAfter(0)) {}

  const core::Board& Seek(std::int64_t t_ms) { return SeekCount(m_timeline->CountAt(t_ms)); }
  const core::Board& SeekCount(std::size_t count);

  const core::Board& board() const { return m_board; }
  std::size_t count() const { return m_count; }  // events folded into board()

 private:
  const Timeline* m_timeline;
  core::Board m_board;
  std::size_t m_count = 0;
};

}  // namespace atelier::replay
