// Comparing workshops held on the same template (`atelier report A.atelier B.atelier …`): each
// workshop's cards zone by zone, side by side; the cards that came up in several of them (the
// same text, case and accents aside: core::MatchKey); totals. Plain data gathered from each
// session's final board (report/session_facts); no cairo, so it is tested on its own. The
// writers are report/compare_html and report/compare_pdf.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "report/session_facts.h"

namespace atelier::report {

// One workshop to compare: its file's name (for messages and headings) and what it says.
struct WorkshopInput {
  std::string file;
  store::SessionMeta meta;
  SessionFacts facts;  // at the session's end
};

struct WorkshopColumn {
  std::string file, title;
  std::string name;  // the file's name without .atelier: the short heading of its columns
  std::int64_t created_ms = 0;
  int utc_offset_minutes = 0;
  std::int64_t duration_ms = 0;
  int cards = 0, votes = 0;
};

// A zone, with each workshop's cards in it (in the workshops' order; each as SessionFacts sorts).
struct ZoneRow {
  std::string id;  // empty: outside every zone
  std::string label;
  core::Rgb tint;
  std::vector<std::vector<CardFact>> cards;  // [workshop]
  std::vector<int> votes;                    // [workshop]
  int total_cards = 0, total_votes = 0;
};

// A card that came up in two workshops or more.
struct SharedCard {
  std::string text;                 // as first written (the first workshop that has it)
  std::vector<int> count;           // [workshop]: how many cards with this text
  std::vector<std::string> zones;   // [workshop]: the zone label(s) they stand in, ", "-joined
  int workshops = 0;                // how many workshops have it
  int votes = 0;                    // all of them together
};

struct Comparison {
  std::string template_id, template_title;
  std::vector<WorkshopColumn> workshops;
  std::vector<ZoneRow> zones;        // the template's order; outside last when any workshop has some
  std::vector<SharedCard> shared;    // most workshops first, then most votes, then text
  int cards = 0, votes = 0;          // every workshop together
};

// At least two workshops, all on one template (the same id and the same zones), else an error
// naming the files and their templates (English, for the CLI).
core::Result<Comparison> CompareWorkshops(const std::vector<WorkshopInput>& workshops, std::string_view lang);

}  // namespace atelier::report
