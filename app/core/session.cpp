#include "core/session.h"

namespace atelier::core {

Result<Event> Session::Submit(const Command& command, Actor actor) {
  const std::int64_t now = m_clock.NowMs();
  Result<EventData> decided = Decide(m_board, command, {.actor = actor, .now_ms = now});
  if (!decided) return decided.error();
  Event event{.seq = m_next_seq, .t_ms = now, .actor = actor, .data = std::move(decided.value())};
  m_journal.Append(event);  // recorded before the board shows it
  ++m_next_seq;
  m_board.Apply(event);
  m_last = event;
  return event;
}

}  // namespace atelier::core
