#include "core/session.h"

namespace atelier::core {

Result<Event> Session::Submit(const Command& command, Actor actor) {
  Result<EventData> decided = Decide(m_board, command);
  if (!decided) return decided.error();
  Event event{.seq = m_next_seq, .t_ms = m_clock.NowMs(), .actor = actor, .data = std::move(decided.value())};
  m_journal.Append(event);  // recorded before the board shows it
  ++m_next_seq;
  m_board.Apply(event);
  return event;
}

}  // namespace atelier::core
