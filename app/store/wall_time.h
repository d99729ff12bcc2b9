// Wall-clock times for the session file and exports: now in Unix milliseconds, this machine's
// time zone, and ISO 8601 text (UTC with milliseconds, or local with a fixed offset). Session
// times are "ms since the session began"; add the session's created_ms to get wall time.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace atelier::store {

std::int64_t WallNowMs();

struct LocalZone {
  std::string name;            // IANA name when known ("Europe/Paris"), else "" 
  int utc_offset_minutes = 0;  // local − UTC at the instant asked about (+60 in Paris in winter)
};
// This machine's zone at epoch_ms (TZ, /etc/timezone or /etc/localtime; offset from localtime_r).
LocalZone MachineZone(std::int64_t epoch_ms);

// "2026-11-16T13:05:03.120Z"
std::string IsoUtc(std::int64_t epoch_ms);
// "2026-11-16T14:05:03+01:00" (whole seconds, the given fixed offset)
std::string IsoLocal(std::int64_t epoch_ms, int utc_offset_minutes);
// Parses IsoUtc's output back (also accepts no milliseconds); nullopt if malformed.
std::optional<std::int64_t> ParseIsoUtc(const std::string& iso);

}  // namespace atelier::store
