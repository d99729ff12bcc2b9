// What the PDF reports share (report/pdf_report, report/compare_pdf): paper sizes, the ink
// colours, and a PdfWriter over a cairo PDF surface that sets fonts, draws lines of text (wrapped
// as the kiosk wraps them), rules and colour swatches, breaks pages and writes their footers.
#pragma once
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <string>

#include "render/text_layout.h"
#include "report/cairo_fonts.h"
#include "report/cairo_map.h"
#include "report/report_words.h"

namespace atelier::report {

// ------------------------------------------------------------------------- page geometry

inline constexpr double kA4Short = 595.28, kA4Long = 841.89;  // pt
inline constexpr render::Rgba kInk{0x1f, 0x23, 0x28, 255};
inline constexpr render::Rgba kGrey{0x5b, 0x62, 0x6a, 255};
inline constexpr render::Rgba kRule{0xd5, 0xd2, 0xcb, 255};

struct Paper {
  double short_side, long_side, k;  // k: 1 for A4, √2 for A3 (type and margins grow with it)
};
inline Paper PaperFor(const std::string& name) {
  return name == "a3" ? Paper{kA4Long, 1190.551, 1.41421356} : Paper{kA4Short, kA4Long, 1.0};
}

// ------------------------------------------------------------------------------ the writer

class PdfWriter {
 public:
  PdfWriter(cairo_surface_t* surface, const Paper& paper, const CairoFonts& fonts, const render::Font& font,
         const ReportWords& words, std::string footer)
      : m_surface(surface), m_cr(cairo_create(surface)), m_paper(paper), m_fonts(fonts), m_font(font),
        m_words(words), m_footer(std::move(footer)) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(m_cr, options);
    cairo_font_options_destroy(options);
  }
  ~PdfWriter() { cairo_destroy(m_cr); }
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

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
  // Room for `needed` more points, else a new page (then true), portrait unless
  // NewPagesLandscape(true) was called.
  bool Need(double needed) {
    if (m_y + needed <= height() - margin() - 14 * k()) return false;
    BeginPage(m_new_landscape);
    return true;
  }
  void NewPagesLandscape(bool landscape) { m_new_landscape = landscape; }

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
  bool m_new_landscape = false;
  int m_pages = 0;
  double m_y = 0;
};

}  // namespace atelier::report
