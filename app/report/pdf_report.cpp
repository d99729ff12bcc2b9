// Sections: page 1 (the map) · the cards zone by zone · the phases · WriteReportPdf. The page
// geometry and the writer (fonts, lines, page breaks, footers) are report/pdf_writer.h.
#include "report/pdf_report.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <memory>

#include "render/text_layout.h"
#include "replay/replay_time.h"
#include "report/cairo_fonts.h"
#include "report/cairo_map.h"
#include "report/pdf_writer.h"
#include "report/pending_file.h"
#include "report/report_words.h"
#include "report/vector_map.h"

namespace atelier::report {

namespace {

std::string TimeOfDay(const SessionFacts& facts, std::int64_t session_ms) {
  return replay::FormatTimeOfDay(facts.created_ms + session_ms, facts.utc_offset_minutes);
}

// ----------------------------------------------------------------------------- page 1: map

void MapPage(PdfWriter& w, const SessionFacts& facts, const VectorMap& map, const CairoFonts& fonts,
             std::string_view lang) {
  w.BeginPage(true);
  const double k = w.k();
  w.Font(true, 20 * k, kInk);
  w.Line(facts.title, w.left(), w.y() + 18 * k);
  w.Font(false, 10.5 * k, kGrey);
  w.Line(AboutLine(facts, lang), w.left(), w.y() + 36 * k);
  const double top = w.y() + 48 * k, bottom = w.height() - w.margin() - 6 * k;
  const double avail_w = w.right() - w.left(), avail_h = bottom - top;
  const double scale = std::min(avail_w / map.width, avail_h / map.height);
  cairo_t* cr = w.cr();
  cairo_save(cr);
  cairo_translate(cr, w.left() + (avail_w - map.width * scale) / 2, top);
  cairo_scale(cr, scale, scale);
  DrawVectorMap(cr, map, fonts);
  cairo_restore(cr);
}

// ------------------------------------------------------------------ cards, zone by zone

void CardPages(PdfWriter& w, const SessionFacts& facts, std::string_view lang) {
  const ReportWords& words = w.words();
  const double k = w.k();
  w.BeginPage(false);
  w.Font(true, 16 * k, kInk);
  w.Line(std::string(words.cards_by_zone), w.left(), w.y() + 14 * k);
  w.Down(30 * k);

  // Columns: chip · card text · colour · impact · votes · added by.
  const double chip = 9 * k, x_text = w.left() + chip + 6 * k;
  const double x_added = w.right() - 78 * k, x_votes = x_added - 22 * k, x_impact = x_votes - 66 * k;
  const double x_colour = x_impact - 80 * k, text_w = x_colour - 10 * k - x_text;
  const double size = 10.5 * k, row_gap = 5 * k;

  // A zone's title and its columns; again at the top of a page the zone goes on to.
  auto zone_title = [&](const ZoneFacts& zone, bool continued) {
    w.Down(10 * k);
    w.Swatch(w.left(), w.y() + 1 * k, 12 * k, zone.tint);
    w.Font(true, 13 * k, kInk);
    w.Line(zone.label, w.left() + 18 * k, w.y() + 12 * k);
    const double label_w = w.Advance(zone.label);
    w.Font(false, 10 * k, kGrey);
    const std::string counts =
        Count(words, static_cast<int>(zone.cards.size()), false) + ", " + Count(words, zone.votes, true);
    w.Line(continued ? "— " + std::string(words.continued) : "— " + counts, w.left() + 18 * k + label_w + 6 * k,
           w.y() + 12 * k);
    w.Down(22 * k);
  };
  auto columns = [&] {
    w.Font(false, 8 * k, kGrey);
    w.Line(std::string(words.column_card), x_text, w.y() + 8 * k);
    w.Line(std::string(words.column_colour), x_colour, w.y() + 8 * k);
    w.Line(std::string(words.column_impact), x_impact, w.y() + 8 * k);
    w.Line(std::string(words.column_votes), x_votes, w.y() + 8 * k, render::TextAnchor::End);
    w.Line(std::string(words.column_added_by), x_added, w.y() + 8 * k);
    w.Down(12 * k);
    w.Rule(w.y(), w.left(), w.right());
    w.Down(row_gap);
  };

  for (const ZoneFacts& zone : facts.zones) {
    w.Need(60 * k);
    zone_title(zone, false);
    if (zone.cards.empty()) {
      w.Font(false, size, kGrey);
      w.Line(std::string(words.no_cards), x_text, w.y() + size);
      w.Down(size * 1.8);
      continue;
    }
    columns();
    for (const CardFact& c : zone.cards) {
      if (w.Need(size * 3)) {
        zone_title(zone, true);
        columns();
      }
      const auto colour = core::FindColour(c.card.colour);
      w.Swatch(w.left(), w.y() + 1.5 * k, chip, colour ? colour->paper : core::kPalette[0].paper);
      w.Font(false, size, kInk);
      // The card's whole text first, so text extraction keeps it together.
      const double h = w.Wrapped(c.card.text, x_text, w.y(), text_w, size);
      const double baseline = w.y() + size * render::Font::kAscent;
      w.Font(false, 9.5 * k, kGrey);
      w.Line(ColourWord(c.card.colour, lang), x_colour, baseline);
      w.Line(Impact(c.impact, lang), x_impact, baseline);
      w.Font(c.card.votes > 0, 9.5 * k, c.card.votes > 0 ? kInk : kGrey);
      w.Line(std::to_string(c.card.votes), x_votes, baseline, render::TextAnchor::End);
      w.Font(false, 9.5 * k, kGrey);
      w.Line(std::string(ActorWord(words, c.added_by)), x_added, baseline);
      w.Down(h + row_gap);
      w.Rule(w.y() - row_gap / 2, x_text, w.right());
    }
  }
}

// ------------------------------------------------------------------------------ the phases

void PhasesSection(PdfWriter& w, const SessionFacts& facts, std::string_view lang) {
  const ReportWords& words = w.words();
  const double k = w.k();
  w.Need(90 * k);
  w.Down(22 * k);
  w.Font(true, 16 * k, kInk);
  w.Line(std::string(words.phases), w.left(), w.y() + 14 * k);
  w.Down(28 * k);
  const double size = 10.5 * k;
  if (facts.phases.empty()) {
    w.Font(false, size, kGrey);
    w.Line(std::string(words.no_phases), w.left(), w.y() + size);
    w.Down(size * 2);
    return;
  }
  const double x_start = w.right() - 190 * k, x_time = x_start + 70 * k, x_length = x_time + 60 * k;
  w.Font(false, 8 * k, kGrey);
  w.Line(std::string(words.phase), w.left(), w.y() + 8 * k);
  w.Line(std::string(words.start), x_start, w.y() + 8 * k);
  w.Line(std::string(words.time_of_day), x_time, w.y() + 8 * k);
  w.Line(std::string(words.length), x_length, w.y() + 8 * k);
  w.Down(12 * k);
  w.Rule(w.y(), w.left(), w.right());
  for (const PhaseFact& p : facts.phases) {
    w.Need(size * 2.5);
    w.Down(5 * k);
    w.Font(false, size, kInk);
    const double h = w.Wrapped(p.name, w.left(), w.y(), x_start - 10 * k - w.left(), size);
    const double baseline = w.y() + size;
    w.Font(false, 9.5 * k, kGrey);
    w.Line(replay::FormatElapsed(p.start_ms), x_start, baseline);
    w.Line(TimeOfDay(facts, p.start_ms), x_time, baseline);
    w.Line(Duration(p.end_ms - p.start_ms, lang), x_length, baseline);
    w.Down(h);
  }
}

}  // namespace

// --------------------------------------------------------------------------- WriteReportPdf

core::Status WriteReportPdf(const SessionFacts& facts, const core::Board& board, const PdfOptions& options,
                            const std::filesystem::path& path) {
  if (options.paper != "a4" && options.paper != "a3") return core::Error{"--paper is a4 or a3"};
  PendingFile file(path);
  if (core::Status opened = file.Open(); !opened.ok()) return opened;
  auto font = render::Font::Load(options.font_path);
  if (!font.ok()) return font.error();
  auto fonts = CairoFonts::Load(options.font_path);
  if (!fonts.ok()) return fonts.error();
  render::BoardPainter painter(font.value());
  const VectorMap map = PaintVectorMap(board, painter, 1920, 1080, options.lang);

  const Paper paper = PaperFor(options.paper);
  cairo_surface_t* surface = cairo_pdf_surface_create(file.temp_path().c_str(), paper.long_side, paper.short_side);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, facts.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Atelier");
  {
    PdfWriter w(surface, paper, *fonts.value(), font.value(), WordsFor(options.lang),
             facts.title + " — " + LongDate(facts.created_ms, facts.utc_offset_minutes, options.lang));
    MapPage(w, facts, map, *fonts.value(), options.lang);
    CardPages(w, facts, options.lang);
    PhasesSection(w, facts, options.lang);
    w.Finish();
  }
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return core::Error{"cannot write " + path.string() + ": " + cairo_status_to_string(status)};
  return file.Commit();
}

}  // namespace atelier::report
