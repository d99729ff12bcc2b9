// The words of the PDF report in French (default) and English, chosen by the export's --lang,
// and the French and English ways of writing dates, durations and numbers in it. Like the CSV's
// headers (store/session_export), the report's language is a parameter, not the UI's gettext
// locale: a facilitator may make an English report on a French kiosk.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/event.h"

namespace atelier::report {

struct ReportWords {
  std::string_view cards_by_zone, phases, summary;
  std::string_view card, cards, vote, votes;  // singular, plural
  std::string_view column_card, column_colour, column_impact, column_votes, column_added_by;
  std::string_view phase, start, time_of_day, length;
  std::string_view date, duration, no_cards, no_phases, page, continued;
  std::string_view kiosk, facilitator, phone;
  std::string_view made_with;
};
const ReportWords& WordsFor(std::string_view lang);

std::string_view ActorWord(const ReportWords& words, core::Actor actor);
// "3 cartes", "1 vote", "0 vote" (French singular for 0 and 1), "2 votes".
std::string Count(const ReportWords& words, int n, bool votes);
// "1 décembre 2026" / "1 December 2026", local to the session's zone.
std::string LongDate(std::int64_t epoch_ms, int utc_offset_minutes, std::string_view lang);
// "1 h 05", "12 min", "45 s".
std::string Duration(std::int64_t ms, std::string_view lang);
// Impact −1 … +1 as "+0,6" (French decimal comma) / "+0.6".
std::string Impact(float impact, std::string_view lang);
// A card's colour as the report names it: the palette's French name ("jaune") or its English
// name ("yellow"); an unknown colour as it is written.
std::string ColourWord(std::string_view colour, std::string_view lang);

// The words only the HTML report has: its map section and its replay player.
struct PlayerWords {
  std::string_view the_map, replay, replay_help, play, pause, speed, jump_to_phase, no_events;
  std::string_view board_label, scrubber_label, contents;
};
const PlayerWords& PlayerWordsFor(std::string_view lang);

}  // namespace atelier::report
