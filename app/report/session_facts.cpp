#include "report/session_facts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <variant>

#include "replay/replay_time.h"
#include "report/report_words.h"

namespace atelier::report {

SessionFacts GatherFacts(const store::SessionMeta& meta, const replay::Timeline& timeline, const core::Board& board,
                         std::int64_t at_ms, std::string_view lang) {
  SessionFacts facts;
  const core::Template& tmpl = board.map_template();
  facts.title = !meta.title.empty() ? meta.title : tmpl.title.In(lang);
  facts.created_ms = meta.created_ms;
  facts.utc_offset_minutes = meta.utc_offset_minutes;
  facts.duration_ms = at_ms;

  std::map<core::CardId, core::Actor> added_by;
  const std::size_t count = timeline.CountAt(at_ms);
  for (std::size_t i = 0; i < count; ++i) {
    const core::Event& e = timeline.events()[i];
    // A phone's card accepted from the inbox comes from the phone, whoever accepted it.
    if (const auto* added = std::get_if<core::CardAdded>(&e.data))
      added_by.emplace(added->id, added->phone.empty() ? e.actor : core::Actor::Phone);
    const std::int64_t t = timeline.TimeOf(i);
    if (const auto* started = std::get_if<core::PhaseStarted>(&e.data)) {
      if (!facts.phases.empty() && facts.phases.back().end_ms < 0) facts.phases.back().end_ms = t;
      facts.phases.push_back({started->name, t, -1});
    } else if (std::holds_alternative<core::PhaseEnded>(e.data)) {
      if (!facts.phases.empty() && facts.phases.back().end_ms < 0) facts.phases.back().end_ms = t;
    }
  }
  if (!facts.phases.empty() && facts.phases.back().end_ms < 0) facts.phases.back().end_ms = at_ms;

  for (const core::Zone& z : tmpl.zones) facts.zones.push_back({z.id, z.label.In(lang), z.tint, {}, 0});
  ZoneFacts outside{"", lang == "en" ? "Outside the zones" : "Hors des zones", tmpl.paper, {}, 0};
  for (const auto& [id, card] : board.cards()) {
    CardFact fact{card, added_by.count(id) ? added_by[id] : core::Actor::Kiosk, core::ImpactAt(card.at)};
    const core::Zone* zone = board.ZoneOf(card);
    ZoneFacts* into = &outside;
    if (zone)
      for (ZoneFacts& z : facts.zones)
        if (z.id == zone->id) into = &z;
    into->cards.push_back(std::move(fact));
    into->votes += card.votes;
    facts.cards += 1;
    facts.votes += card.votes;
  }
  if (!outside.cards.empty()) facts.zones.push_back(std::move(outside));
  for (ZoneFacts& z : facts.zones)
    std::stable_sort(z.cards.begin(), z.cards.end(), [](const CardFact& a, const CardFact& b) {
      // Impact to a tenth: cards at about the same height are ranked by their votes.
      const long ia = std::lround(a.impact * 10), ib = std::lround(b.impact * 10);
      if (ia != ib) return ia > ib;
      if (a.card.votes != b.card.votes) return a.card.votes > b.card.votes;
      return a.card.id < b.card.id;
    });
  return facts;
}

std::string AboutLine(const SessionFacts& facts, std::string_view lang) {
  const ReportWords& words = WordsFor(lang);
  std::string out = LongDate(facts.created_ms, facts.utc_offset_minutes, lang);
  out += "  \u00b7  ";
  out += replay::FormatTimeOfDay(facts.created_ms, facts.utc_offset_minutes);
  out += "  \u00b7  ";
  out += words.duration;
  out += " ";
  out += Duration(facts.duration_ms, lang);
  out += "  \u00b7  ";
  out += Count(words, facts.cards, false);
  out += "  \u00b7  ";
  out += Count(words, facts.votes, true);
  return out;
}

}  // namespace atelier::report
