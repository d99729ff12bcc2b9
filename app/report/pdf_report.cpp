// Sections: page geometry · the writer (fonts, lines, page breaks, footers) · page 1 (the map)
// · the cards zone by zone · the phases · WriteReportPdf.
#include "report/pdf_report.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <memory>

#include "render/text_layout.h"
#include "replay/replay_time.h"
#include "report/cairo_fonts.h"
#include "report/cairo_map.h"
#include "report/pending_file.h"
#include "report/report_words.h"
#include "report/vector_map.h"

namespace atelier::report {

namespace {

// ------------------------------------------------------------------------- page geometry

constexpr double kA4Short = 595.28, kA4Long = 841.89;  // pt
constexpr render::Rgba kInk{0x1f, 0x23, 0x28, 255};
constexpr render::Rgba kGrey{0x5b, 0x62, 0x6a, 255};
constexpr render::Rgba kRule{0xd5, 0xd2, 0xcb, 255};

struct Paper {
  double short_side, long_side, k;  // k: 1 for A4, √2 for A3 (type and margins grow with it)
};
Paper PaperFor(const std::string& name) {
  return name == "a3" ? Paper{kA4Long, 1190.551, 1.41421356} : Paper{kA4Short, kA4Long, 1.0};
}

// ------------------------------------------------------------------------------ the writer

class Writer {
 public:
  Writer(cairo_surface_t* surface, const Paper& paper, const CairoFonts& fonts, const render::Font& font,
         const ReportWords& words, std::string footer)
      : m_surface(surface), m_cr(cairo_create(surface)), m_paper(paper), m_fonts(fonts), m_font(font),
        m_words(words), m_footer(std::move(footer)) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(m_cr, options);
    cairo_font_options_destroy(options);
  }
  ~Writer() { cairo_destroy(m_cr); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  cairo_t* cr() { return m_cr; }
  double k() const { return m_paper.k; }
  double margin() const { return 40 * m_paper.k; }
  double width() const { return m_landscape ? m_paper.long_side : m_paper.short_side; }
  double height() const { return m_landscape ? m_paper.short_side : m_paper.long_side; }
  double left() const { return margin(); }
  double right() const { return width() - margin(); }
  double y() const { return m_y; }
  void Down(double by) { m_y += by; }

  // The first page is begun by the surface; later ones by ShowPage.
  void BeginPage(bool landscape) {
    if (m_pages > 0) {
      Footer();
      cairo_show_page(m_cr);
    }
    m_landscape = landscape;
    cairo_pdf_surface_set_size(m_surface, width(), height());
    ++m_pages;
    m_y = margin();
  }
  void Finish() {
    Footer();
    cairo_show_page(m_cr);
  }
  // Room for `needed` more points, else a new portrait page (then true).
  bool Need(double needed) {
    if (m_y + needed <= height() - margin() - 14 * k()) return false;
    BeginPage(false);
    return true;
  }

  void Font(bool bold, double size, render::Rgba colour) {
    cairo_set_font_face(m_cr, bold ? m_fonts.bold() : m_fonts.regular());
    cairo_set_font_size(m_cr, size);
    cairo_set_source_rgba(m_cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0, colour.a / 255.0);
  }
  void Line(const std::string& text, double x, double baseline,
            render::TextAnchor anchor = render::TextAnchor::Start) {
    ShowLine(m_cr, text.c_str(), x, baseline, anchor);
  }
  double Advance(const std::string& text) {
    cairo_text_extents_t e;
    cairo_text_extents(m_cr, text.c_str(), &e);
    return e.x_advance;
  }
  // Wraps text in `width` points as the kiosk wraps it (render::LayoutText), from `top`; the
  // current font must be set at `size`. Returns the block's height.
  double Wrapped(const std::string& text, double x, double top, double width, double size) {
    const float s = static_cast<float>(size);
    render::TextLayout layout = render::LayoutText(
        m_font, text, {.width = static_cast<float>(width), .height = 1e6f, .max_size = s, .min_size = s,
                       .centre = false, .middle = false});
    for (const render::LineText& line : layout.line_texts) Line(line.text, x + line.x, top + line.baseline);
    return std::max<double>(layout.height, size * render::Font::kLineHeight);
  }
  void Rule(double y, double x0, double x1) {
    cairo_set_source_rgba(m_cr, kRule.r / 255.0, kRule.g / 255.0, kRule.b / 255.0, 1);
    cairo_set_line_width(m_cr, 0.6 * k());
    cairo_move_to(m_cr, x0, y);
    cairo_line_to(m_cr, x1, y);
    cairo_stroke(m_cr);
  }
  void Swatch(double x, double y, double side, core::Rgb colour) {
    cairo_rectangle(m_cr, x, y, side, side);
    cairo_set_source_rgb(m_cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
    cairo_fill_preserve(m_cr);
    cairo_set_source_rgba(m_cr, 0, 0, 0, 0.35);
    cairo_set_line_width(m_cr, 0.5 * k());
    cairo_stroke(m_cr);
  }
  const ReportWords& words() const { return m_words; }

 private:
  void Footer() {
    Font(false, 8 * k(), kGrey);
    const double baseline = height() - margin() / 2;
    Line(m_footer, left(), baseline);
    Line(std::string(m_words.page) + " " + std::to_string(m_pages), right(), baseline, render::TextAnchor::End);
  }

  cairo_surface_t* m_surface;
  cairo_t* m_cr;
  Paper m_paper;
  const CairoFonts& m_fonts;
  const render::Font& m_font;
  const ReportWords& m_words;
  std::string m_footer;
  bool m_landscape = true;
  int m_pages = 0;
  double m_y = 0;
};

std::string TimeOfDay(const SessionFacts& facts, std::int64_t session_ms) {
  return replay::FormatTimeOfDay(facts.created_ms + session_ms, facts.utc_offset_minutes);
}

// ----------------------------------------------------------------------------- page 1: map

void MapPage(Writer& w, const SessionFacts& facts, const VectorMap& map, const CairoFonts& fonts,
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

void CardPages(Writer& w, const SessionFacts& facts, std::string_view lang) {
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

void PhasesSection(Writer& w, const SessionFacts& facts, std::string_view lang) {
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
    Writer w(surface, paper, *fonts.value(), font.value(), WordsFor(options.lang),
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
