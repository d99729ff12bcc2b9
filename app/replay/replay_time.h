// Times as people write and read them in a replay: the TIME of `atelier replay --at TIME`
// (seconds, mm:ss or hh:mm:ss since the session began, or "end"), clamped to the session, and
// the elapsed time and time of day shown on the replay screen. Pure functions, no clock.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace atelier::replay {

// A moment asked for on the command line, before it is matched to a session.
struct TimeArg {
  bool end = false;       // "end" (or "fin"): the last event
  std::int64_t ms = 0;    // since the session began; may be negative or past the end (clamped later)
  bool operator==(const TimeArg&) const = default;
};

// "90", "90.5", "1:30", "01:02:03", "1:02:03.250", "end", "fin" (surrounding spaces allowed,
// a leading '-' is accepted so that it can be clamped and said). With colons, minutes and
// seconds below the first field are 0 … 59. Errors are English, for the CLI.
core::Result<TimeArg> ParseTimeArg(std::string_view text);

// The moment in [0, end_ms] a TimeArg means in a session whose last event is at end_ms, and,
// when it had to be clamped, an English note saying so (empty otherwise).
struct ResolvedTime {
  std::int64_t ms = 0;
  std::string note;
};
ResolvedTime ResolveTime(const TimeArg& arg, std::int64_t end_ms);

// Elapsed time for people: "0:05", "12:34", "1:02:03" (whole seconds, rounded down).
std::string FormatElapsed(std::int64_t ms);

// Time of day of a wall-clock instant in a zone given by its UTC offset: "14:05".
std::string FormatTimeOfDay(std::int64_t epoch_ms, int utc_offset_minutes);

}  // namespace atelier::replay
