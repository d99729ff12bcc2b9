#include "report/cairo_map.h"

#include <cmath>

namespace atelier::report {

namespace {

void RoundedRect(cairo_t* cr, double x, double y, double w, double h, double r) {
  if (r <= 0) {
    cairo_rectangle(cr, x, y, w, h);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

void SetColour(cairo_t* cr, render::Rgba c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void Shape(cairo_t* cr, const VectorShape& s) {
  RoundedRect(cr, s.x, s.y, s.w, s.h, s.radius);
  if (s.kind == VectorShape::Kind::Stroke) {
    SetColour(cr, s.top);
    cairo_set_line_width(cr, s.stroke);
    cairo_stroke(cr);
    return;
  }
  const bool flat = s.top.r == s.bottom.r && s.top.g == s.bottom.g && s.top.b == s.bottom.b && s.top.a == s.bottom.a;
  if (flat) {
    SetColour(cr, s.top);
    cairo_fill(cr);
    return;
  }
  cairo_pattern_t* gradient = cairo_pattern_create_linear(0, s.y, 0, s.y + s.h);
  cairo_pattern_add_color_stop_rgba(gradient, 0, s.top.r / 255.0, s.top.g / 255.0, s.top.b / 255.0, s.top.a / 255.0);
  cairo_pattern_add_color_stop_rgba(gradient, 1, s.bottom.r / 255.0, s.bottom.g / 255.0, s.bottom.b / 255.0,
                                    s.bottom.a / 255.0);
  cairo_set_source(cr, gradient);
  cairo_fill(cr);
  cairo_pattern_destroy(gradient);
}

}  // namespace

void ShowLine(cairo_t* cr, const char* utf8, double x, double baseline, render::TextAnchor anchor) {
  if (anchor != render::TextAnchor::Start) {
    cairo_text_extents_t extents;
    cairo_text_extents(cr, utf8, &extents);
    x -= anchor == render::TextAnchor::Middle ? extents.x_advance / 2 : extents.x_advance;
  }
  cairo_move_to(cr, x, baseline);
  cairo_show_text(cr, utf8);
}

void DrawVectorMap(cairo_t* cr, const VectorMap& map, const CairoFonts& fonts) {
  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, map.width, map.height);
  cairo_clip(cr);
  SetColour(cr, render::WithAlpha(map.margin, 1));
  cairo_paint(cr);
  // Advances as the font says, unhinted: the same widths the layout measured.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);

  const auto& quads = map.list.quads();
  const auto& texts = map.list.texts();
  std::size_t next_text = 0;
  auto flush_texts = [&](std::size_t before_quad) {
    for (; next_text < texts.size() && texts[next_text].before_quad <= before_quad; ++next_text) {
      const render::TextRun& run = texts[next_text];
      cairo_set_font_face(cr, IsBold(run.weight) ? fonts.bold() : fonts.regular());
      cairo_set_font_size(cr, run.size);
      SetColour(cr, run.colour);
      ShowLine(cr, run.text.c_str(), run.x, run.baseline, run.anchor);
    }
  };
  for (std::size_t q = 0; q < quads.size(); ++q) {
    flush_texts(q);
    VectorShape shape = ShapeOf(quads[q]);
    if (shape.kind != VectorShape::Kind::Skip) Shape(cr, shape);
  }
  flush_texts(quads.size());
  cairo_restore(cr);
}

}  // namespace atelier::report
