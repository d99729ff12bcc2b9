#include "replay/playback_clock.h"

#include <algorithm>

namespace atelier::replay {

PlaybackClock::PlaybackClock(std::vector<std::int64_t> event_times, PlaybackConfig config)
    : m_times(std::move(event_times)), m_config(config) {
  m_config.quiet_limit_ms = std::max<std::int64_t>(m_config.quiet_limit_ms, 1);
}

void PlaybackClock::SetEventTimes(std::vector<std::int64_t> event_times) {
  m_times = std::move(event_times);
  Seek(m_position);
}

void PlaybackClock::Play() {
  if (at_end()) m_position = 0;
  m_playing = end_ms() > 0;  // nothing to play in a session without time
}

void PlaybackClock::Seek(double t_ms) { m_position = std::clamp(t_ms, 0.0, static_cast<double>(end_ms())); }

PlaybackClock::Stretch PlaybackClock::StretchAt(double t) const {
  const double end = static_cast<double>(end_ms());
  if (!m_skip_quiet) return {1, end};
  // Between the last event at or before t (or the start) and the first one after it.
  auto next = std::upper_bound(m_times.begin(), m_times.end(), t,
                               [](double v, std::int64_t e) { return v < static_cast<double>(e); });
  if (next == m_times.end()) return {1, end};
  const double until = static_cast<double>(*next);
  const double since = next == m_times.begin() ? 0.0 : static_cast<double>(*std::prev(next));
  const double gap = until - since, limit = static_cast<double>(m_config.quiet_limit_ms);
  return {gap > limit ? gap / limit : 1.0, until};
}

bool PlaybackClock::Advance(double real_ms) {
  if (!m_playing || real_ms <= 0) return false;
  const double before = m_position, end = static_cast<double>(end_ms());
  double budget = real_ms * m_speed;  // replay ms to spend
  while (budget > 0 && m_position < end) {
    const Stretch s = StretchAt(m_position);
    const double need = (s.until - m_position) / s.rate;
    if (budget >= need) {
      m_position = s.until;
      budget -= need;
    } else {
      m_position += budget * s.rate;
      budget = 0;
    }
  }
  if (m_position >= end) {
    m_position = end;
    m_playing = false;
  }
  return m_position != before;
}

double PlaybackClock::RealMsToEnd(double from_ms) const {
  const double end = static_cast<double>(end_ms());
  double t = std::clamp(from_ms, 0.0, end), replay_ms = 0;
  while (t < end) {
    const Stretch s = StretchAt(t);
    replay_ms += (s.until - t) / s.rate;
    t = s.until;
  }
  return replay_ms / m_speed;
}

}  // namespace atelier::replay
