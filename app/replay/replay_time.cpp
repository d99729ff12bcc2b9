#include "replay/replay_time.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

namespace atelier::replay {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsWord(std::string_view s, std::string_view word) {
  if (s.size() != word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
  return true;
}

// Digits only, at most 9 of them (so no overflow): the value, or -1.
std::int64_t Digits(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "12" or "12.5" seconds as milliseconds (up to millisecond precision), or -1.
std::int64_t SecondsField(std::string_view s) {
  std::size_t dot = s.find('.');
  std::int64_t whole = Digits(s.substr(0, dot));
  if (whole < 0) return -1;
  std::int64_t ms = whole * 1000;
  if (dot != std::string_view::npos) {
    std::string_view frac = s.substr(dot + 1);
    if (frac.empty() || frac.size() > 3 || Digits(frac) < 0) return -1;
    std::int64_t f = Digits(frac);
    for (std::size_t i = frac.size(); i < 3; ++i) f *= 10;
    ms += f;
  }
  return ms;
}

}  // namespace

core::Result<TimeArg> ParseTimeArg(std::string_view text) {
  std::string_view s = Trim(text);
  // Appended piece by piece: GCC 12 at -O3 wrongly reports -Wrestrict on `"\"" + std::string`
  // (GCC bug 105329).
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted += '"';
  quoted += text;
  quoted += '"';
  if (IsWord(s, "end") || IsWord(s, "fin")) return TimeArg{.end = true};
  bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);

  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    std::size_t colon = s.find(':', start);
    fields.push_back(s.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  const core::Error bad{"time " + quoted + " is not seconds, mm:ss, hh:mm:ss or end"};
  if (fields.size() > 3) return bad;

  std::int64_t ms = SecondsField(fields.back());
  if (ms < 0) return bad;
  if (fields.size() > 1 && ms >= 60'000) return core::Error{"time " + quoted + ": seconds must be below 60"};
  std::int64_t unit = 60'000;  // the fields before the seconds: minutes, then hours
  for (std::size_t i = fields.size() - 1; i-- > 0; unit *= 60) {
    std::int64_t v = Digits(fields[i]);
    if (v < 0) return bad;
    if (i > 0 && unit == 60'000 && v >= 60) return core::Error{"time " + quoted + ": minutes must be below 60"};
    ms += v * unit;
  }
  return TimeArg{.end = false, .ms = negative ? -ms : ms};
}

ResolvedTime ResolveTime(const TimeArg& arg, std::int64_t end_ms) {
  end_ms = std::max<std::int64_t>(end_ms, 0);
  if (arg.end) return {end_ms, ""};
  if (arg.ms < 0) return {0, "time " + FormatElapsed(-arg.ms) + " before the start: showing the start (0:00)"};
  if (arg.ms > end_ms)
    return {end_ms, "time " + FormatElapsed(arg.ms) + " is after the last event (" + FormatElapsed(end_ms) +
                        "): showing the end"};
  return {arg.ms, ""};
}

std::string FormatElapsed(std::int64_t ms) {
  if (ms < 0) ms = 0;
  const std::int64_t total = ms / 1000;
  const long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  char out[32];
  if (h > 0)
    std::snprintf(out, sizeof out, "%lld:%02lld:%02lld", h, m, s);
  else
    std::snprintf(out, sizeof out, "%lld:%02lld", m, s);
  return out;
}

std::string FormatTimeOfDay(std::int64_t epoch_ms, int utc_offset_minutes) {
  constexpr std::int64_t kDayMinutes = 24 * 60;
  std::int64_t minutes = epoch_ms / 60'000 - (epoch_ms % 60'000 < 0 ? 1 : 0) + utc_offset_minutes;
  minutes = ((minutes % kDayMinutes) + kDayMinutes) % kDayMinutes;
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return out;
}

}  // namespace atelier::replay
