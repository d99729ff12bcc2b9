#include "report/workshop_compare.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "core/text_match.h"

namespace atelier::report {

namespace {

std::vector<std::string> ZoneIds(const core::Template& t) {
  std::vector<std::string> ids;
  for (const core::Zone& z : t.zones) ids.push_back(z.id);
  return ids;
}

std::string TemplateName(const core::Template& t) {
  std::string name = core::Quoted(t.id);
  if (!t.zones.empty()) {
    name.append(" (zones");
    for (const core::Zone& z : t.zones) name.append(" ").append(z.id);
    name.append(")");
  }
  return name;
}

}  // namespace

core::Result<Comparison> CompareWorkshops(const std::vector<WorkshopInput>& workshops, std::string_view lang) {
  if (workshops.size() < 2) return core::Error{"comparing needs two workshops or more"};
  const core::Template& first = workshops.front().meta.map_template;
  for (const WorkshopInput& w : workshops) {
    const core::Template& t = w.meta.map_template;
    if (t.id != first.id || ZoneIds(t) != ZoneIds(first)) {
      std::string message = "cannot compare workshops on different templates: ";
      message.append(workshops.front().file).append(" is on ").append(TemplateName(first)).append(", ");
      message.append(w.file).append(" on ").append(TemplateName(t));
      return core::Error{message};
    }
  }
  const std::size_t n = workshops.size();
  Comparison out;
  out.template_id = first.id;
  out.template_title = first.title.In(lang);
  for (const WorkshopInput& w : workshops) {
    std::string name = w.file;
    if (name.size() > 8 && name.ends_with(".atelier")) name.resize(name.size() - 8);
    out.workshops.push_back({w.file, w.facts.title, name, w.facts.created_ms, w.facts.utc_offset_minutes,
                             w.facts.duration_ms, w.facts.cards, w.facts.votes});
    out.cards += w.facts.cards;
    out.votes += w.facts.votes;
  }

  // Zones by id, in the template's order (the first workshop's labels), outside last.
  auto row_for = [&](const ZoneFacts& z) -> ZoneRow& {
    for (ZoneRow& row : out.zones)
      if (row.id == z.id) return row;
    out.zones.push_back({z.id, z.label, z.tint, std::vector<std::vector<CardFact>>(n), std::vector<int>(n, 0), 0, 0});
    return out.zones.back();
  };
  for (const core::Zone& z : first.zones) row_for({z.id, z.label.In(lang), z.tint, {}, 0});
  for (std::size_t i = 0; i < n; ++i)
    for (const ZoneFacts& z : workshops[i].facts.zones) {
      if (z.id.empty() && z.cards.empty()) continue;
      ZoneRow& row = row_for(z);
      row.cards[i] = z.cards;
      row.votes[i] = z.votes;
      row.total_cards += static_cast<int>(z.cards.size());
      row.total_votes += z.votes;
    }

  // The same text in several workshops.
  struct Seen {
    SharedCard card;
    std::vector<std::vector<std::string>> zones;  // [workshop]: distinct labels
    std::size_t order = 0;
  };
  std::map<std::string, Seen> by_key;
  for (std::size_t i = 0; i < n; ++i)
    for (const ZoneFacts& z : workshops[i].facts.zones)
      for (const CardFact& c : z.cards) {
        const std::string key = core::MatchKey(c.card.text);
        if (key.empty()) continue;
        auto [it, fresh] = by_key.try_emplace(key);
        Seen& seen = it->second;
        if (fresh) {
          seen.card.text = c.card.text;
          seen.card.count.assign(n, 0);
          seen.zones.assign(n, {});
          seen.order = by_key.size();
        }
        if (seen.card.count[i]++ == 0) ++seen.card.workshops;
        seen.card.votes += c.card.votes;
        auto& labels = seen.zones[i];
        if (std::find(labels.begin(), labels.end(), z.label) == labels.end()) labels.push_back(z.label);
      }
  std::vector<Seen*> shared;
  for (auto& [key, seen] : by_key)
    if (seen.card.workshops >= 2) shared.push_back(&seen);
  std::sort(shared.begin(), shared.end(), [](const Seen* a, const Seen* b) {
    if (a->card.workshops != b->card.workshops) return a->card.workshops > b->card.workshops;
    if (a->card.votes != b->card.votes) return a->card.votes > b->card.votes;
    return a->order < b->order;
  });
  for (Seen* seen : shared) {
    for (const auto& labels : seen->zones) {
      std::string joined;
      for (const std::string& l : labels) {
        if (!joined.empty()) joined.append(", ");
        joined.append(l);
      }
      seen->card.zones.push_back(joined);
    }
    out.shared.push_back(std::move(seen->card));
  }
  return out;
}

}  // namespace atelier::report
