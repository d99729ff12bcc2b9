// What the PDF report says about a session, gathered from its events and the board folded from
// them (never a live board): title, date and duration, the cards zone by zone (by impact, then
// votes), counts and vote totals, who added each card, and the phases with their times. Plain
// data; no cairo, so it is tested on its own.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"
#include "core/event.h"
#include "replay/timeline.h"
#include "store/session_file.h"

namespace atelier::report {

struct CardFact {
  core::Card card;
  core::Actor added_by = core::Actor::Kiosk;  // the actor of its card_added event
  float impact = 0;                           // core::ImpactAt: +1 top ("really helps") … −1 bottom
};

struct ZoneFacts {
  std::string id;     // empty: the cards outside every zone
  std::string label;  // in the report's language
  core::Rgb tint;
  std::vector<CardFact> cards;  // highest impact (to a tenth) first, then most votes, then oldest
  int votes = 0;
};

struct PhaseFact {
  std::string name;
  std::int64_t start_ms = 0, end_ms = 0;  // session time; end: the next phase, its end, or the session's end
};

struct SessionFacts {
  std::string title;
  std::int64_t created_ms = 0;  // wall clock, epoch ms
  int utc_offset_minutes = 0;
  std::int64_t duration_ms = 0;  // to the last event (or the moment asked for)
  std::vector<ZoneFacts> zones;  // the template's order; "outside" last, only when it has cards
  std::vector<PhaseFact> phases;
  int cards = 0, votes = 0;
};

// board is the fold of timeline at at_ms; lang picks the labels' wording ("fr", "en").
SessionFacts GatherFacts(const store::SessionMeta& meta, const replay::Timeline& timeline, const core::Board& board,
                         std::int64_t at_ms, std::string_view lang);

// The line under the title: "2 décembre 2026  ·  14:05  ·  Durée 1 h 05  ·  16 cartes  ·  4 votes"
// (the PDF's first page and the HTML report say the same).
std::string AboutLine(const SessionFacts& facts, std::string_view lang);

}  // namespace atelier::report
