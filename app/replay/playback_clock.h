// The replay's playhead in time: play / pause, a speed (1× … 60×), "skip quiet moments", and
// stopping at the end. It only moves when told how much real time went by (Advance), so the
// app passes a fixed 16 ms per frame in scripted runs and video export, and real frame times
// otherwise: the replay is deterministic wherever that matters.
//
// Skipping quiet moments works like asciinema's idle time limit: a stretch with no event
// longer than quiet_limit_ms (between two events, or from the start to the first one) is
// played as if it lasted quiet_limit_ms, at the chosen speed. Events keep their order and
// their real times; only the time spent waiting between them shrinks.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace atelier::replay {

inline constexpr std::array<double, 6> kSpeeds{1, 2, 5, 10, 30, 60};

struct PlaybackConfig {
  std::int64_t quiet_limit_ms = 3000;  // longer quiet stretches are compressed to this
};

class PlaybackClock {
 public:
  // event_times: when events happen (ascending, ms since the session began); the replay ends
  // at the last one (0 when there is none). Starts paused at 0, at 1×, without skipping.
  explicit PlaybackClock(std::vector<std::int64_t> event_times = {}, PlaybackConfig config = {});

  // New events were read (the session is still being recorded); the position stays.
  void SetEventTimes(std::vector<std::int64_t> event_times);

  void Play();  // at the end: starts again from the beginning
  void Pause() { m_playing = false; }
  void TogglePlay() { m_playing ? Pause() : Play(); }
  bool playing() const { return m_playing; }

  void SetSpeed(double speed) { m_speed = speed > 0 ? speed : 1; }
  double speed() const { return m_speed; }
  void SetSkipQuiet(bool on) { m_skip_quiet = on; }
  bool skip_quiet() const { return m_skip_quiet; }

  // Puts the playhead there (clamped to [0, end]); keeps playing or paused as it was.
  void Seek(double t_ms);
  double position() const { return m_position; }                         // ms, fractional
  std::int64_t position_ms() const { return static_cast<std::int64_t>(m_position); }
  std::int64_t end_ms() const { return m_times.empty() ? 0 : m_times.back(); }
  bool at_end() const { return m_position >= static_cast<double>(end_ms()); }

  // Moves the playhead on by real_ms of real time when playing; pauses on reaching the end.
  // Returns true when the position changed.
  bool Advance(double real_ms);

  // Real milliseconds the replay takes from `from_ms` to the end at the current speed and
  // skip setting (video export sizes its frame count with it).
  double RealMsToEnd(double from_ms = 0) const;

 private:
  // Session ms per replay ms in the stretch holding t going forward (1, or more in a quiet
  // stretch when skipping), and where that stretch ends.
  struct Stretch {
    double rate = 1;
    double until = 0;
  };
  Stretch StretchAt(double t) const;

  std::vector<std::int64_t> m_times;
  PlaybackConfig m_config;
  double m_position = 0;
  double m_speed = 1;
  bool m_playing = false;
  bool m_skip_quiet = false;
};

}  // namespace atelier::replay
