#include "report/report_words.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/palette.h"

namespace atelier::report {

namespace {

constexpr ReportWords kFrench{
    .cards_by_zone = "Les cartes, zone par zone", .phases = "Les phases", .summary = "En bref",
    .card = "carte", .cards = "cartes", .vote = "vote", .votes = "votes",
    .column_card = "Carte", .column_colour = "Couleur", .column_impact = "Impact", .column_votes = "Votes",
    .column_added_by = "Ajoutée par",
    .phase = "Phase", .start = "Début", .time_of_day = "Heure", .length = "Durée",
    .date = "Date", .duration = "Durée", .no_cards = "Aucune carte.", .no_phases = "Aucune phase n'a été lancée.",
    .page = "page", .continued = "suite",
    .kiosk = "borne", .facilitator = "animateur·rice", .phone = "téléphone",
    .made_with = "Fait avec Atelier",
};
constexpr ReportWords kEnglish{
    .cards_by_zone = "The cards, zone by zone", .phases = "Phases", .summary = "At a glance",
    .card = "card", .cards = "cards", .vote = "vote", .votes = "votes",
    .column_card = "Card", .column_colour = "Colour", .column_impact = "Impact", .column_votes = "Votes",
    .column_added_by = "Added by",
    .phase = "Phase", .start = "Start", .time_of_day = "Time", .length = "Length",
    .date = "Date", .duration = "Duration", .no_cards = "No cards.", .no_phases = "No phase was started.",
    .page = "page", .continued = "continued",
    .kiosk = "kiosk", .facilitator = "facilitator", .phone = "phone",
    .made_with = "Made with Atelier",
};

constexpr PlayerWords kPlayerFrench{
    .the_map = "La carte", .replay = "Revoir la séance",
    .replay_help = "La séance rejouée sur la carte : « Lecture » la déroule, la réglette permet d'aller à "
                   "n'importe quel moment, les traits bleus marquent le début des phases.",
    .play = "\u25b6 Lecture", .pause = "\u275a\u275a Pause", .speed = "Vitesse", .jump_to_phase = "Aller à la phase",
    .no_events = "La séance ne contient encore aucun évènement.",
    .board_label = "La carte à l'instant choisi", .scrubber_label = "Moment de la séance", .contents = "Sommaire",
};
constexpr PlayerWords kPlayerEnglish{
    .the_map = "The map", .replay = "Replay the session",
    .replay_help = "The session played again on the map: \u201cPlay\u201d runs it, the slider goes to any "
                   "moment, the blue ticks mark where phases began.",
    .play = "\u25b6 Play", .pause = "\u275a\u275a Pause", .speed = "Speed", .jump_to_phase = "Go to phase",
    .no_events = "The session holds no events yet.",
    .board_label = "The map at the chosen moment", .scrubber_label = "Moment of the session", .contents = "Contents",
};

}  // namespace

const PlayerWords& PlayerWordsFor(std::string_view lang) { return lang == "en" ? kPlayerEnglish : kPlayerFrench; }

std::string ColourWord(std::string_view colour, std::string_view lang) {
  const auto found = core::FindColour(colour);
  if (!found) return std::string(colour);
  return std::string(lang == "en" ? found->name : found->french_name);
}

const ReportWords& WordsFor(std::string_view lang) { return lang == "en" ? kEnglish : kFrench; }

std::string_view ActorWord(const ReportWords& words, core::Actor actor) {
  switch (actor) {
    case core::Actor::Kiosk: return words.kiosk;
    case core::Actor::Facilitator: return words.facilitator;
    case core::Actor::Phone: return words.phone;
  }
  return words.kiosk;
}

std::string Count(const ReportWords& words, int n, bool votes) {
  const bool french = &words == &kFrench;
  const bool plural = french ? n > 1 : n != 1;
  return std::to_string(n) + " " + std::string(votes ? (plural ? words.votes : words.vote) : (plural ? words.cards : words.card));
}

std::string LongDate(std::int64_t epoch_ms, int utc_offset_minutes, std::string_view lang) {
  static constexpr const char* kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                              "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  static constexpr const char* kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
  const std::time_t local = static_cast<std::time_t>(epoch_ms / 1000 + utc_offset_minutes * 60);
  std::tm tm{};
  gmtime_r(&local, &tm);
  const char* month = (lang == "en" ? kMonthsEn : kMonthsFr)[tm.tm_mon];
  return std::to_string(tm.tm_mday) + " " + month + " " + std::to_string(tm.tm_year + 1900);
}

std::string Duration(std::int64_t ms, std::string_view /*lang*/) {
  const std::int64_t s = std::max<std::int64_t>(ms, 0) / 1000;
  char out[32];
  if (s >= 3600)
    std::snprintf(out, sizeof out, "%lld h %02lld", static_cast<long long>(s / 3600), static_cast<long long>(s / 60 % 60));
  else if (s >= 60)
    std::snprintf(out, sizeof out, "%lld min", static_cast<long long>(s / 60));
  else
    std::snprintf(out, sizeof out, "%lld s", static_cast<long long>(s));
  return out;
}

std::string Impact(float impact, std::string_view lang) {
  const double rounded = std::round(static_cast<double>(impact) * 10) / 10;
  char out[16];
  std::snprintf(out, sizeof out, "%+.1f", rounded == 0 ? 0.0 : rounded);
  std::string s = out;
  if (lang != "en")
    for (char& c : s)
      if (c == '.') c = ',';
  if (s == "+0,0" || s == "+0.0") s.erase(0, 1);
  return s;
}

}  // namespace atelier::report
