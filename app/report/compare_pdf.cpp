#include "report/compare_pdf.h"

#include <algorithm>

#include "core/palette.h"
#include "core/text.h"
#include "report/compare_words.h"
#include "report/pdf_writer.h"
#include "report/pending_file.h"

namespace atelier::report {

namespace {

// text cut with an ellipsis to fit width points in the current font.
std::string Fit(PdfWriter& w, const std::string& text, double width) {
  if (w.Advance(text) <= width) return text;
  std::u32string chars = core::DecodeUtf8(text);
  while (!chars.empty()) {
    chars.pop_back();
    std::string cut = core::EncodeUtf8(chars);
    cut.append("…");
    if (w.Advance(cut) <= width) return cut;
  }
  return "…";
}

void Heading(PdfWriter& w, std::string_view text, double size) {
  const double k = w.k();
  w.Font(true, size * k, kInk);
  w.Line(std::string(text), w.left(), w.y() + size * k);
  w.Down(size * 1.9 * k);
}

void Workshops(PdfWriter& w, const Comparison& c, std::string_view lang) {
  const CompareWords& cw = CompareWordsFor(lang);
  const ReportWords& words = w.words();
  const double k = w.k();
  Heading(w, cw.heading, 20);
  w.Font(false, 10.5 * k, kGrey);
  w.Line(std::string(cw.template_word) + (lang == "en" ? ": " : " : ") + c.template_title + "  ·  " +
             std::to_string(c.workshops.size()) + " " + std::string(cw.in_workshops) + "  ·  " +
             Count(words, c.cards, false) + "  ·  " + Count(words, c.votes, true),
         w.left(), w.y());
  w.Down(24 * k);
  Heading(w, cw.workshops, 14);
  for (const WorkshopColumn& ws : c.workshops) {
    w.Need(30 * k);
    w.Font(true, 11 * k, kInk);
    w.Line(ws.name + "  —  " + ws.title, w.left(), w.y() + 11 * k);
    w.Font(false, 9.5 * k, kGrey);
    w.Line(LongDate(ws.created_ms, ws.utc_offset_minutes, lang) + "  ·  " + std::string(words.duration) + " " +
               Duration(ws.duration_ms, lang) + "  ·  " + Count(words, ws.cards, false) + "  ·  " +
               Count(words, ws.votes, true) + "  ·  " + ws.file,
           w.left() + 14 * k, w.y() + 25 * k);
    w.Down(34 * k);
  }
}

// Each zone: its title, one column per workshop, the cards of each in its column.
void Zones(PdfWriter& w, const Comparison& c, std::string_view lang) {
  const CompareWords& cw = CompareWordsFor(lang);
  const ReportWords& words = w.words();
  const double k = w.k();
  const std::size_t n = c.workshops.size();
  const double gap = 10 * k, col_w = (w.right() - w.left() - gap * static_cast<double>(n - 1)) / static_cast<double>(n);
  const double size = 9.5 * k, chip = 7 * k;
  auto col_x = [&](std::size_t i) { return w.left() + static_cast<double>(i) * (col_w + gap); };
  w.Need(1e9);  // a page of its own
  Heading(w, cw.by_zone, 16);
  for (const ZoneRow& z : c.zones) {
    auto title = [&](bool continued) {
      w.Swatch(w.left(), w.y() + 1 * k, 11 * k, z.tint);
      w.Font(true, 12.5 * k, kInk);
      w.Line(z.label, w.left() + 17 * k, w.y() + 11 * k);
      const double label_w = w.Advance(z.label);
      w.Font(false, 9.5 * k, kGrey);
      w.Line(continued ? "— " + std::string(words.continued)
                       : "— " + Count(words, z.total_cards, false) + ", " + Count(words, z.total_votes, true),
             w.left() + 23 * k + label_w, w.y() + 11 * k);
      w.Down(20 * k);
      for (std::size_t i = 0; i < n; ++i) {
        w.Font(true, 9 * k, kGrey);
        const std::string count = " (" + std::to_string(z.cards[i].size()) + ")";
        w.Line(Fit(w, c.workshops[i].name, col_w - w.Advance(count) - 4 * k) + count, col_x(i), w.y() + 9 * k);
      }
      w.Down(13 * k);
      w.Rule(w.y(), w.left(), w.right());
      w.Down(4 * k);
    };
    w.Need(70 * k);
    title(false);
    std::size_t rows = 0;
    for (const auto& cards : z.cards) rows = std::max(rows, cards.size());
    if (rows == 0) {
      w.Font(false, size, kGrey);
      w.Line(std::string(words.no_cards), w.left(), w.y() + size);
      w.Down(size * 2);
    }
    // Row r holds the r-th card of each workshop; the row is as tall as its tallest card.
    for (std::size_t r = 0; r < rows; ++r) {
      if (w.Need(size * 3.2)) title(true);
      double tallest = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (r >= z.cards[i].size()) continue;
        const CardFact& card = z.cards[i][r];
        const auto colour = core::FindColour(card.card.colour);
        w.Swatch(col_x(i), w.y() + 1.5 * k, chip, colour ? colour->paper : core::kPalette[0].paper);
        std::string text = card.card.text;
        w.Font(false, size, kInk);
        const double h = w.Wrapped(text, col_x(i) + chip + 5 * k, w.y(), col_w - chip - 34 * k, size);
        w.Font(card.card.votes > 0, 8.5 * k, card.card.votes > 0 ? kInk : kGrey);
        if (card.card.votes > 0)
          w.Line(std::to_string(card.card.votes), col_x(i) + col_w, w.y() + size, render::TextAnchor::End);
        tallest = std::max(tallest, h);
      }
      w.Down(tallest + 4 * k);
    }
    w.Down(10 * k);
  }
}

void Shared(PdfWriter& w, const Comparison& c, std::string_view lang) {
  const CompareWords& cw = CompareWordsFor(lang);
  const ReportWords& words = w.words();
  const double k = w.k();
  const std::size_t n = c.workshops.size();
  w.Need(90 * k);
  w.Down(12 * k);
  Heading(w, cw.shared, 16);
  const double size = 9.5 * k;
  if (c.shared.empty()) {
    w.Font(false, size, kGrey);
    w.Line(std::string(cw.no_shared), w.left(), w.y() + size);
    w.Down(size * 2.5);
    return;
  }
  const double text_w = (w.right() - w.left()) * 0.34, votes_w = 40 * k;
  const double col_w = (w.right() - w.left() - text_w - votes_w) / static_cast<double>(n);
  auto col_x = [&](std::size_t i) { return w.left() + text_w + static_cast<double>(i) * col_w; };
  auto header = [&] {
    w.Font(true, 8.5 * k, kGrey);
    w.Line(std::string(words.column_card), w.left(), w.y() + 9 * k);
    for (std::size_t i = 0; i < n; ++i) w.Line(Fit(w, c.workshops[i].name, col_w - 8 * k), col_x(i), w.y() + 9 * k);
    w.Line(std::string(words.column_votes), w.right(), w.y() + 9 * k, render::TextAnchor::End);
    w.Down(13 * k);
    w.Rule(w.y(), w.left(), w.right());
    w.Down(4 * k);
  };
  header();
  for (const SharedCard& s : c.shared) {
    if (w.Need(size * 3.2)) header();
    w.Font(false, size, kInk);
    double tallest = w.Wrapped(s.text, w.left(), w.y(), text_w - 10 * k, size);
    w.Font(false, 8.5 * k, kGrey);
    for (std::size_t i = 0; i < n; ++i) {
      std::string where = s.count[i] == 0 ? "—" : s.zones[i];
      if (s.count[i] > 1) where.append(" ×").append(std::to_string(s.count[i]));
      tallest = std::max(tallest, w.Wrapped(where, col_x(i), w.y(), col_w - 8 * k, 8.5 * k));
    }
    w.Font(true, 9 * k, kInk);
    w.Line(std::to_string(s.votes), w.right(), w.y() + size, render::TextAnchor::End);
    w.Down(tallest + 3 * k);
    w.Rule(w.y() - 1.5 * k, w.left(), w.right());
  }
}

void Totals(PdfWriter& w, const Comparison& c, std::string_view lang) {
  const CompareWords& cw = CompareWordsFor(lang);
  const ReportWords& words = w.words();
  const double k = w.k();
  const std::size_t n = c.workshops.size();
  w.Need(60 * k + 14 * k * static_cast<double>(c.zones.size()));
  w.Down(14 * k);
  Heading(w, cw.totals, 16);
  const double label_w = (w.right() - w.left()) * 0.3;
  const double col_w = (w.right() - w.left() - label_w) / static_cast<double>(n + 1);
  auto col_end = [&](std::size_t i) { return w.left() + label_w + static_cast<double>(i + 1) * col_w; };
  w.Font(true, 8.5 * k, kGrey);
  w.Line(std::string(words.cards) + " / " + std::string(words.votes), w.left(), w.y() + 9 * k);
  for (std::size_t i = 0; i < n; ++i)
    w.Line(Fit(w, c.workshops[i].name, col_w - 8 * k), col_end(i), w.y() + 9 * k, render::TextAnchor::End);
  w.Line(std::string(cw.total), col_end(n), w.y() + 9 * k, render::TextAnchor::End);
  w.Down(13 * k);
  w.Rule(w.y(), w.left(), w.right());
  auto row = [&](const std::string& label, const std::vector<std::string>& cells, bool bold) {
    w.Down(13 * k);
    w.Font(bold, 9.5 * k, kInk);
    w.Line(label, w.left(), w.y());
    for (std::size_t i = 0; i < cells.size(); ++i) w.Line(cells[i], col_end(i), w.y(), render::TextAnchor::End);
    w.Down(4 * k);
  };
  auto pair = [](int a, int b) { return std::to_string(a) + " / " + std::to_string(b); };
  for (const ZoneRow& z : c.zones) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < n; ++i) cells.push_back(pair(static_cast<int>(z.cards[i].size()), z.votes[i]));
    cells.push_back(pair(z.total_cards, z.total_votes));
    row(z.label, cells, false);
  }
  w.Rule(w.y(), w.left(), w.right());
  std::vector<std::string> cells;
  for (const WorkshopColumn& ws : c.workshops) cells.push_back(pair(ws.cards, ws.votes));
  cells.push_back(pair(c.cards, c.votes));
  row(std::string(cw.total), cells, true);
}

}  // namespace

core::Status WriteComparePdf(const Comparison& comparison, const ComparePdfOptions& options,
                             const std::filesystem::path& path) {
  if (options.paper != "a4" && options.paper != "a3") return core::Error{"--paper is a4 or a3"};
  PendingFile file(path);
  if (core::Status opened = file.Open(); !opened.ok()) return opened;
  auto font = render::Font::Load(options.font_path);
  if (!font.ok()) return font.error();
  auto fonts = CairoFonts::Load(options.font_path);
  if (!fonts.ok()) return fonts.error();
  const Paper paper = PaperFor(options.paper);
  const CompareWords& cw = CompareWordsFor(options.lang);
  cairo_surface_t* surface = cairo_pdf_surface_create(file.temp_path().c_str(), paper.long_side, paper.short_side);
  const std::string title = std::string(cw.heading) + " — " + comparison.template_title;
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Atelier");
  {
    PdfWriter w(surface, paper, *fonts.value(), font.value(), WordsFor(options.lang), title);
    w.NewPagesLandscape(true);  // side by side needs the width
    w.BeginPage(true);
    Workshops(w, comparison, options.lang);
    Zones(w, comparison, options.lang);
    Shared(w, comparison, options.lang);
    Totals(w, comparison, options.lang);
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
