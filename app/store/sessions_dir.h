// Where sessions live and what they are called: the default folder (XDG data dir), safe and
// readable file names from the date and the title, the list shown on the sessions screen,
// and "the last session, if it was not ended" that `atelier` with no argument reopens.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atelier::store {

// Atelier's data folder: $XDG_DATA_HOME/atelier, else $HOME/.local/share/atelier (not created).
std::filesystem::path DataDir();
// DataDir()/sessions.
std::filesystem::path DefaultSessionsDir();

// Lower-case ASCII letters, digits and single '-': accents transliterated (é → e, œ → oe,
// ß → ss), everything else a separator, at most 60 characters; "session" when nothing is left.
std::string Slugify(std::string_view title);

// "2026-11-16_14-05_atelier-numerique-16-11.atelier" (local date and time of epoch_ms).
std::string SessionFileName(std::string_view title, std::int64_t epoch_ms, int utc_offset_minutes);

// dir/SessionFileName(…), with "-2", "-3" … before the extension when that name is taken.
std::filesystem::path NewSessionPath(const std::filesystem::path& dir, std::string_view title, std::int64_t epoch_ms,
                                     int utc_offset_minutes);

struct SessionSummary {
  std::filesystem::path path;
  std::string title;
  std::string template_id;
  std::int64_t created_ms = 0;   // wall clock, Unix ms
  int utc_offset_minutes = 0;
  std::int64_t duration_ms = 0;  // time of the last event
  std::int64_t events = 0;
  int cards = 0;                 // on the board now
  bool ended = false;
};

// Every readable *.atelier in dir (read-only opens; unreadable files are skipped), newest first.
std::vector<SessionSummary> ListSessions(const std::filesystem::path& dir);

// The most recently created session in dir, if it was not ended.
std::optional<std::filesystem::path> LastUnendedSession(const std::filesystem::path& dir);

}  // namespace atelier::store
