#include "report/compare_html.h"

#include <cstdio>
#include <fstream>

#include "core/palette.h"
#include "report/compare_words.h"
#include "report/pending_file.h"
#include "report/report_words.h"
#include "report/svg_map.h"

namespace atelier::report {

namespace {

std::string Hex(core::Rgb c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r, c.g, c.b);
  return out;
}

constexpr std::string_view kStyle = R"(
body{font-family:Andika,"DejaVu Sans",sans-serif;color:#1f2328;background:#f7f5f0;margin:2em auto;max-width:80em;padding:0 1em}
h1{font-size:1.7em;margin:.2em 0}h2{font-size:1.3em;margin:1.6em 0 .6em}h3{font-size:1.1em;margin:1.2em 0 .4em}
.about{color:#5b626a}table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d5d2cb;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#efece6;font-weight:bold}td.n,th.n{text-align:right;white-space:nowrap}
.zone{display:inline-block;width:.9em;height:.9em;border:1px solid #0005;margin-right:.4em;vertical-align:-.1em}
ul.cards{list-style:none;margin:0;padding:0}ul.cards li{margin:.15em 0;padding:.2em .4em;border-radius:.3em}
.votes{color:#5b626a;font-size:.9em;white-space:nowrap}.none{color:#5b626a;font-style:italic}
)";

}  // namespace

std::string CompareHtml(const Comparison& c, std::string_view lang) {
  const CompareWords& cw = CompareWordsFor(lang);
  const ReportWords& words = WordsFor(lang);
  const std::size_t n = c.workshops.size();
  std::string h;
  h.append("<!DOCTYPE html>\n<html lang=\"").append(lang == "en" ? "en" : "fr").append("\">\n<head>\n<meta charset=\"utf-8\">\n");
  h.append("<title>").append(XmlEscape(cw.heading)).append(" — ").append(XmlEscape(c.template_title)).append("</title>\n");
  h.append("<style>").append(kStyle).append("</style>\n</head>\n<body>\n");
  h.append("<h1>").append(XmlEscape(cw.heading)).append("</h1>\n<p class=\"about\">").append(XmlEscape(cw.template_word));
  h.append(lang == "en" ? ": " : " : ").append(XmlEscape(c.template_title)).append(" · ").append(std::to_string(n)).append(" ");
  h.append(XmlEscape(cw.in_workshops)).append(" · ").append(XmlEscape(Count(words, c.cards, false))).append(" · ");
  h.append(XmlEscape(Count(words, c.votes, true))).append("</p>\n");

  // The workshops.
  h.append("<h2>").append(XmlEscape(cw.workshops)).append("</h2>\n<table class=\"workshops\">\n<tr><th>")
      .append(XmlEscape(cw.workshop)).append("</th><th>").append(XmlEscape(words.date)).append("</th><th>")
      .append(XmlEscape(words.duration)).append("</th><th class=\"n\">").append(XmlEscape(words.cards))
      .append("</th><th class=\"n\">").append(XmlEscape(words.votes)).append("</th></tr>\n");
  for (const WorkshopColumn& w : c.workshops) {
    h.append("<tr><td><b>").append(XmlEscape(w.name)).append("</b> — ").append(XmlEscape(w.title))
        .append("<br><span class=\"about\">").append(XmlEscape(w.file))
        .append("</span></td><td>").append(XmlEscape(LongDate(w.created_ms, w.utc_offset_minutes, lang)))
        .append("</td><td>").append(XmlEscape(Duration(w.duration_ms, lang))).append("</td><td class=\"n\">")
        .append(std::to_string(w.cards)).append("</td><td class=\"n\">").append(std::to_string(w.votes))
        .append("</td></tr>\n");
  }
  h.append("</table>\n");

  // Zone by zone, side by side.
  h.append("<h2>").append(XmlEscape(cw.by_zone)).append("</h2>\n");
  for (const ZoneRow& z : c.zones) {
    h.append("<h3 class=\"zone-title\"><span class=\"zone\" style=\"background:").append(Hex(z.tint)).append("\"></span>")
        .append(XmlEscape(z.label)).append(" <span class=\"about\">— ")
        .append(XmlEscape(Count(words, z.total_cards, false))).append(", ")
        .append(XmlEscape(Count(words, z.total_votes, true))).append("</span></h3>\n<table class=\"zone-cards\">\n<tr>");
    for (const WorkshopColumn& w : c.workshops) h.append("<th>").append(XmlEscape(w.name)).append("</th>");
    h.append("</tr>\n<tr>");
    for (std::size_t i = 0; i < n; ++i) {
      h.append("<td>");
      if (z.cards[i].empty()) {
        h.append("<span class=\"none\">").append(XmlEscape(words.no_cards)).append("</span>");
      } else {
        h.append("<ul class=\"cards\">");
        for (const CardFact& card : z.cards[i]) {
          const auto colour = core::FindColour(card.card.colour);
          h.append("<li class=\"card\" style=\"background:").append(Hex(colour ? colour->paper : core::kPalette[0].paper))
              .append("\">").append(XmlEscape(card.card.text));
          if (card.card.votes > 0)
            h.append(" <span class=\"votes\">(").append(XmlEscape(Count(words, card.card.votes, true))).append(")</span>");
          h.append("</li>");
        }
        h.append("</ul>");
      }
      h.append("</td>");
    }
    h.append("</tr>\n</table>\n");
  }

  // The cards that came up in several workshops.
  h.append("<h2>").append(XmlEscape(cw.shared)).append("</h2>\n");
  if (c.shared.empty()) {
    h.append("<p class=\"none\">").append(XmlEscape(cw.no_shared)).append("</p>\n");
  } else {
    h.append("<table class=\"shared\">\n<tr><th>").append(XmlEscape(words.column_card)).append("</th>");
    for (const WorkshopColumn& w : c.workshops) h.append("<th>").append(XmlEscape(w.name)).append("</th>");
    h.append("<th class=\"n\">").append(XmlEscape(words.column_votes)).append("</th></tr>\n");
    for (const SharedCard& s : c.shared) {
      h.append("<tr class=\"shared-card\"><td>").append(XmlEscape(s.text)).append("</td>");
      for (std::size_t i = 0; i < n; ++i) {
        h.append("<td>");
        if (s.count[i] > 0) {
          h.append(XmlEscape(s.zones[i]));
          if (s.count[i] > 1) h.append(" ×").append(std::to_string(s.count[i]));
        } else {
          h.append("—");
        }
        h.append("</td>");
      }
      h.append("<td class=\"n\">").append(std::to_string(s.votes)).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  // Totals.
  h.append("<h2>").append(XmlEscape(cw.totals)).append("</h2>\n<table class=\"totals\">\n<tr><th></th>");
  for (const WorkshopColumn& w : c.workshops) h.append("<th class=\"n\">").append(XmlEscape(w.name)).append("</th>");
  h.append("<th class=\"n\">").append(XmlEscape(cw.total)).append("</th></tr>\n");
  for (const ZoneRow& z : c.zones) {
    h.append("<tr><td>").append(XmlEscape(z.label)).append("</td>");
    for (std::size_t i = 0; i < n; ++i)
      h.append("<td class=\"n\">").append(std::to_string(z.cards[i].size())).append(" / ").append(std::to_string(z.votes[i])).append("</td>");
    h.append("<td class=\"n\">").append(std::to_string(z.total_cards)).append(" / ").append(std::to_string(z.total_votes)).append("</td></tr>\n");
  }
  h.append("<tr><th>").append(XmlEscape(cw.total)).append("</th>");
  for (const WorkshopColumn& w : c.workshops)
    h.append("<th class=\"n\">").append(std::to_string(w.cards)).append(" / ").append(std::to_string(w.votes)).append("</th>");
  h.append("<th class=\"n\">").append(std::to_string(c.cards)).append(" / ").append(std::to_string(c.votes)).append("</th></tr>\n");
  h.append("</table>\n<p class=\"about\">").append(XmlEscape(words.cards)).append(" / ").append(XmlEscape(words.votes))
      .append(" · ").append(XmlEscape(words.made_with)).append("</p>\n</body>\n</html>\n");
  return h;
}

core::Status WriteCompareHtml(const Comparison& comparison, std::string_view lang, const std::filesystem::path& path) {
  PendingFile file(path);
  if (core::Status opened = file.Open(); !opened.ok()) return opened;
  const std::string html = CompareHtml(comparison, lang);
  {
    std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
    out << html;
    out.flush();
    if (!out) return core::Error{"cannot write " + path.string() + " (disk full?)"};
  }
  return file.Commit();
}

}  // namespace atelier::report
