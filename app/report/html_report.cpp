// Sections: escaping and hashes · reading the inlined files · the page's parts (head, map,
// player, cards, phases) · HtmlReport · WriteHtmlReport.
#include "report/html_report.h"

#include <sodium.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "replay/replay_time.h"
#include "replay/timeline.h"
#include "report/cairo_fonts.h"
#include "report/pending_file.h"
#include "report/report_words.h"
#include "report/session_facts.h"
#include "report/svg_map.h"
#include "report/vector_map.h"
#include "store/board_json.h"
#include "store/template_file.h"

namespace atelier::report {

// ------------------------------------------------------------------- escaping and hashes

std::string JsonForScript(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

namespace {

std::string Base64(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

}  // namespace

std::string CspHash(std::string_view content) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  std::string out = "'sha256-";
  out += Base64(digest, sizeof digest);
  out += "'";
  return out;
}

namespace {

// ------------------------------------------------------------------ reading the inlined files

core::Result<std::string> ReadWhole(const std::filesystem::path& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  if (in) buf << in.rdbuf();
  if (!in || in.bad()) {
    std::string message = "cannot read ";
    message += what;
    message += " ";
    message += path.string();
    return core::Error{message};
  }
  return buf.str();
}

// An inline <script> or <style> must not hold its own end tag.
bool HoldsEndTag(std::string_view text, std::string_view tag) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string end = "</";
  end += tag;
  return lower.find(end) != std::string::npos;
}

std::string FontFace(const std::string& ttf, const char* weight) {
  std::string out = "@font-face { font-family: \"Andika\"; font-style: normal; font-weight: ";
  out += weight;
  out += "; src: url(data:font/ttf;base64,";
  out += Base64(reinterpret_cast<const unsigned char*>(ttf.data()), ttf.size());
  out += ") format(\"truetype\"); }\n";
  return out;
}

// The session's data for the player: the JSON Lines header's fields and every event line.
std::string SessionJson(const store::LoadedSession& s, std::string_view lang) {
  nlohmann::ordered_json header;
  header["format"] = "atelier-session";
  header["version"] = s.meta.format_version;
  header["app_version"] = s.meta.app_version;
  header["title"] = s.meta.title;
  header["template"] = store::TemplateToJsonValue(s.meta.map_template);
  header["started_at"] = s.meta.created_at;
  header["started_ms"] = s.meta.created_ms;
  header["time_zone"] = s.meta.time_zone;
  header["utc_offset_minutes"] = s.meta.utc_offset_minutes;
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const core::Event& e : s.events) events.push_back(store::EventToJson(e));
  nlohmann::ordered_json all;
  all["lang"] = lang;
  all["session"] = std::move(header);
  all["events"] = std::move(events);
  return all.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// ------------------------------------------------------------------------- the page's parts

// A colour chip as a tiny inline SVG (presentation attributes, which the CSP allows; a style
// attribute would be refused).
std::string Chip(core::Rgb rgb, int side) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string colour = "#";
  for (std::uint8_t v : {rgb.r, rgb.g, rgb.b}) {
    colour += kHex[v >> 4];
    colour += kHex[v & 15];
  }
  const std::string n = std::to_string(side);
  std::string out = "<svg class=\"chip\" width=\"";
  out += n;
  out += "\" height=\"";
  out += n;
  out += "\" aria-hidden=\"true\"><rect width=\"";
  out += n;
  out += "\" height=\"";
  out += n;
  out += "\" rx=\"3\" fill=\"";
  out += colour;
  out += "\" stroke=\"#00000033\"/></svg>";
  return out;
}

std::string MapSection(const std::string& svg, const PlayerWords& pw) {
  std::string out = "<section id=\"map\">\n<h2>";
  out += HtmlEscape(pw.the_map);
  out += "</h2>\n";
  // Inline, without its XML declaration: the browser draws it with the page's embedded font.
  std::string_view body = svg;
  if (body.starts_with("<?xml")) body.remove_prefix(body.find('\n') + 1);
  std::string tagged(body);
  if (const auto at = tagged.find("<svg "); at != std::string::npos)
    tagged.insert(at + 5, "class=\"map\" role=\"img\" ");
  out += tagged;
  out += "</section>\n";
  return out;
}

std::string PlayerSection(const SessionFacts& facts, const store::LoadedSession& session, const PlayerWords& pw) {
  std::string out = "<section id=\"replay\">\n<h2>";
  out += HtmlEscape(pw.replay);
  out += "</h2>\n<p class=\"about\">";
  out += HtmlEscape(session.events.empty() ? pw.no_events : pw.replay_help);
  out += "</p>\n<canvas id=\"board\" width=\"1280\" height=\"720\" aria-label=\"";
  out += HtmlEscape(pw.board_label);
  out += "\"></canvas>\n<div class=\"controls\">\n<button id=\"play\" type=\"button\" aria-pressed=\"false\" data-play=\"";
  out += HtmlEscape(pw.play);
  out += "\" data-pause=\"";
  out += HtmlEscape(pw.pause);
  out += "\">";
  out += HtmlEscape(pw.play);
  out += "</button>\n<span class=\"speeds\" role=\"group\" aria-label=\"";
  out += HtmlEscape(pw.speed);
  out += "\"><span class=\"speed-label\">";
  out += HtmlEscape(pw.speed);
  out += "</span>";
  for (int k : {1, 10, 60, 300}) {
    out += "<button type=\"button\" aria-pressed=\"false\" data-speed=\"";
    out += std::to_string(k);
    out += "\">";
    out += std::to_string(k);
    out += "\u00d7</button>";
  }
  out += "</span>\n<span id=\"clock\" class=\"clock\"></span>\n</div>\n<div class=\"track\">\n"
         "<canvas id=\"marks\" aria-hidden=\"true\"></canvas>\n<input id=\"scrub\" type=\"range\" min=\"0\" max=\"";
  out += std::to_string(facts.duration_ms);
  out += "\" step=\"1\" value=\"";
  out += std::to_string(facts.duration_ms);
  out += "\" aria-label=\"";
  out += HtmlEscape(pw.scrubber_label);
  out += "\">\n</div>\n";
  if (!facts.phases.empty()) {
    out += "<ol class=\"phase-list\" aria-label=\"";
    out += HtmlEscape(pw.jump_to_phase);
    out += "\">\n";
    for (const PhaseFact& p : facts.phases) {
      out += "<li><button type=\"button\" data-t=\"";
      out += std::to_string(p.start_ms);
      out += "\">";
      out += HtmlEscape(replay::FormatElapsed(p.start_ms));
      out += " \u00b7 ";
      out += HtmlEscape(p.name);
      out += "</button></li>\n";
    }
    out += "</ol>\n";
  }
  out += "</section>\n";
  return out;
}

// The cards zone by zone, as the PDF lists them (report/session_facts: same groups, same order).
std::string CardsSection(const SessionFacts& facts, std::string_view lang) {
  const ReportWords& words = WordsFor(lang);
  std::string out = "<section id=\"cards\">\n<h2>";
  out += HtmlEscape(words.cards_by_zone);
  out += "</h2>\n";
  for (const ZoneFacts& zone : facts.zones) {
    out += "<h3>";
    out += Chip(zone.tint, 16);
    out += "<span>";
    out += HtmlEscape(zone.label);
    out += "</span> <span class=\"counts\">\u2014 ";
    out += HtmlEscape(Count(words, static_cast<int>(zone.cards.size()), false));
    out += ", ";
    out += HtmlEscape(Count(words, zone.votes, true));
    out += "</span></h3>\n";
    if (zone.cards.empty()) {
      out += "<p class=\"empty\">";
      out += HtmlEscape(words.no_cards);
      out += "</p>\n";
      continue;
    }
    out += "<table class=\"cards\">\n<thead><tr><th>";
    out += HtmlEscape(words.column_card);
    out += "</th><th>";
    out += HtmlEscape(words.column_colour);
    out += "</th><th>";
    out += HtmlEscape(words.column_impact);
    out += "</th><th class=\"num\">";
    out += HtmlEscape(words.column_votes);
    out += "</th><th>";
    out += HtmlEscape(words.column_added_by);
    out += "</th></tr></thead>\n<tbody>\n";
    for (const CardFact& c : zone.cards) {
      const auto colour = core::FindColour(c.card.colour);
      out += "<tr data-card=\"";
      out += std::to_string(c.card.id);
      out += "\"><td class=\"text\">";
      out += Chip(colour ? colour->paper : core::kPalette[0].paper, 12);
      out += HtmlEscape(c.card.text);
      out += "</td><td class=\"muted\">";
      out += HtmlEscape(ColourWord(c.card.colour, lang));
      out += "</td><td class=\"muted\">";
      out += HtmlEscape(Impact(c.impact, lang));
      out += "</td><td class=\"num";
      out += c.card.votes > 0 ? " votes-some" : " muted";
      out += "\">";
      out += std::to_string(c.card.votes);
      out += "</td><td class=\"muted\">";
      out += HtmlEscape(ActorWord(words, c.added_by));
      out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
  return out;
}

std::string PhasesSection(const SessionFacts& facts, std::string_view lang) {
  const ReportWords& words = WordsFor(lang);
  std::string out = "<section id=\"phases\">\n<h2>";
  out += HtmlEscape(words.phases);
  out += "</h2>\n";
  if (facts.phases.empty()) {
    out += "<p class=\"empty\">";
    out += HtmlEscape(words.no_phases);
    out += "</p>\n</section>\n";
    return out;
  }
  out += "<table>\n<thead><tr><th>";
  out += HtmlEscape(words.phase);
  out += "</th><th>";
  out += HtmlEscape(words.start);
  out += "</th><th>";
  out += HtmlEscape(words.time_of_day);
  out += "</th><th>";
  out += HtmlEscape(words.length);
  out += "</th></tr></thead>\n<tbody>\n";
  for (const PhaseFact& p : facts.phases) {
    out += "<tr><td>";
    out += HtmlEscape(p.name);
    out += "</td><td>";
    out += HtmlEscape(replay::FormatElapsed(p.start_ms));
    out += "</td><td>";
    out += HtmlEscape(replay::FormatTimeOfDay(facts.created_ms + p.start_ms, facts.utc_offset_minutes));
    out += "</td><td>";
    out += HtmlEscape(Duration(p.end_ms - p.start_ms, lang));
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
  return out;
}

}  // namespace

// ------------------------------------------------------------------------------- HtmlReport

core::Result<std::string> HtmlReport(const store::LoadedSession& session, const HtmlOptions& options) {
  if (sodium_init() < 0) return core::Error{"libsodium could not start"};
  const std::string lang = options.lang == "en" ? "en" : "fr";
  auto board_view = ReadWhole(options.web_dir / "board_view.js", "the player's script");
  if (!board_view.ok()) return board_view.error();
  auto player = ReadWhole(options.web_dir / "report_player.js", "the player's script");
  if (!player.ok()) return player.error();
  auto css = ReadWhole(options.web_dir / "report.css", "the report's style sheet");
  if (!css.ok()) return css.error();
  auto regular = ReadWhole(options.font_path, "the font");
  if (!regular.ok()) return regular.error();
  std::string bold;
  if (const std::string bold_path = BoldFaceBeside(options.font_path); !bold_path.empty()) {
    auto read = ReadWhole(bold_path, "the font");
    if (read.ok()) bold = std::move(read.value());
  }

  const replay::Timeline timeline(session.meta.map_template, session.events);
  const std::int64_t end = timeline.duration_ms();
  const core::Board board = timeline.BoardAt(end);
  const SessionFacts facts = GatherFacts(session.meta, timeline, board, end, lang);
  auto map = PaintVectorMap(board, options.font_path, 1920, 1080, lang);
  if (!map.ok()) return map.error();
  const std::string svg = MapToSvg(map.value(), board.map_template().title.In(lang));

  // The inline parts, each hashed as it stands between its tags.
  std::string style = FontFace(regular.value(), "normal");
  if (!bold.empty()) style += FontFace(bold, "bold");
  style += css.value();
  const std::string data = JsonForScript(SessionJson(session, lang));
  for (const auto& [text, tag] : {std::pair{&board_view.value(), "script"}, std::pair{&player.value(), "script"},
                                  std::pair{&style, "style"}})
    if (HoldsEndTag(*text, tag)) return core::Error{std::string("an inline ") + tag + " holds its own end tag"};

  std::string csp = "default-src 'none'; script-src ";
  csp += CspHash(board_view.value());
  csp += " ";
  csp += CspHash(player.value());
  csp += "; style-src ";
  csp += CspHash(style);
  csp += "; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

  const PlayerWords& pw = PlayerWordsFor(lang);
  const ReportWords& words = WordsFor(lang);
  std::string page = "<!DOCTYPE html>\n<html lang=\"";
  page += lang;
  page += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"";
  page += csp;
  page += "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"Atelier\">\n<link rel=\"icon\" href=\"data:,\">\n<title>";
  page += HtmlEscape(facts.title);
  page += " \u2014 ";
  page += HtmlEscape(LongDate(facts.created_ms, facts.utc_offset_minutes, lang));
  page += "</title>\n<style>";
  page += style;
  page += "</style>\n</head>\n<body>\n<header>\n<h1>";
  page += HtmlEscape(facts.title);
  page += "</h1>\n<p class=\"about\">";
  page += HtmlEscape(AboutLine(facts, lang));
  page += "</p>\n<nav class=\"toc\" aria-label=\"";
  page += HtmlEscape(pw.contents);
  page += "\"><a href=\"#map\">";
  page += HtmlEscape(pw.the_map);
  page += "</a><a href=\"#replay\">";
  page += HtmlEscape(pw.replay);
  page += "</a><a href=\"#cards\">";
  page += HtmlEscape(words.cards_by_zone);
  page += "</a><a href=\"#phases\">";
  page += HtmlEscape(words.phases);
  page += "</a></nav>\n</header>\n<main>\n";
  page += MapSection(svg, pw);
  page += PlayerSection(facts, session, pw);
  page += CardsSection(facts, lang);
  page += PhasesSection(facts, lang);
  page += "</main>\n<footer>";
  page += HtmlEscape(words.made_with);
  if (!session.meta.app_version.empty()) {
    page += " ";
    page += HtmlEscape(session.meta.app_version);
  }
  page += "</footer>\n<script type=\"application/json\" id=\"atelier-session\">";
  page += data;
  page += "</script>\n<script>";
  page += board_view.value();
  page += "</script>\n<script>";
  page += player.value();
  page += "</script>\n</body>\n</html>\n";
  return page;
}

// -------------------------------------------------------------------------- WriteHtmlReport

core::Status WriteHtmlReport(const store::LoadedSession& session, const HtmlOptions& options,
                             const std::filesystem::path& path) {
  PendingFile file(path);
  if (core::Status opened = file.Open(); !opened.ok()) return opened;
  auto page = HtmlReport(session, options);
  if (!page.ok()) return page.error();
  {
    std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
    out.write(page.value().data(), static_cast<std::streamsize>(page.value().size()));
    out.flush();
    if (!out) {
      std::string message = "cannot write ";
      message += path.string();
      message += " (disk full?)";
      return core::Error{message};
    }
  }
  return file.Commit();
}

core::Status WriteHtmlReport(const std::filesystem::path& session_path, const HtmlOptions& options,
                             const std::filesystem::path& path) {
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session_path);
  if (!opened) return core::Error{opened.message.en};
  auto loaded = opened.session->Load();
  if (!loaded.ok()) return core::Error{session_path.string() + ": " + loaded.error().message};
  return WriteHtmlReport(loaded.value(), options, path);
}

}  // namespace atelier::report
