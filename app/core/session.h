// A running workshop session: the board, the journal its events go to, and the clock that
// stamps them. The only way the live board changes: Submit(command) → Decide → journal → Apply.
#pragma once
#include <cstdint>
#include <optional>

#include "core/board.h"
#include "core/clock.h"
#include "core/command.h"
#include "core/journal.h"

namespace atelier::core {

class Session {
 public:
  // Continues after the events already folded into board (next_seq follows them).
  Session(Board board, Journal& journal, const Clock& clock, std::int64_t next_seq = 1)
      : m_board(std::move(board)), m_journal(journal), m_clock(clock), m_next_seq(next_seq) {}

  // The event that now stands in the journal and on the board, or why nothing happened.
  Result<Event> Submit(const Command& command, Actor actor = Actor::Kiosk);

  const Board& board() const { return m_board; }
  std::int64_t NowMs() const { return m_clock.NowMs(); }  // session time, as events are stamped
  const Journal& journal() const { return m_journal; }
  std::int64_t events_so_far() const { return m_next_seq - 1; }
  // The event Submit last committed (none yet in this run): screens follow it to show what just
  // happened (a new card's glow, the cards of "Ranger la carte" gliding to their places).
  const std::optional<Event>& last_event() const { return m_last; }

 private:
  Board m_board;
  Journal& m_journal;
  const Clock& m_clock;
  std::int64_t m_next_seq;
  std::optional<Event> m_last;
};

}  // namespace atelier::core
