// The map as a vector drawing, for the SVG and the PDF: what the kiosk's painter
// (render::BoardPainter) draws for the board at a given size — the same places, sizes, colours,
// wrapping and shrinking — with every line of text also kept as text (DrawList::RecordText),
// so the exports need no layout rules of their own and follow the painter when it changes.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/board.h"
#include "render/board_painter.h"
#include "render/draw_list.h"

namespace atelier::report {

struct VectorMap {
  float width = 1920, height = 1080;  // the drawing's size, px (as a screen of that size)
  core::Rgb margin;                   // around the 16:9 map when the size is not 16:9
  render::DrawList list;              // quads in painter's order, text runs recorded
};

VectorMap PaintVectorMap(const core::Board& board, render::BoardPainter& painter, float width, float height,
                         std::string_view lang);
// The same with a painter of its own on the font file at font_path (an error if unreadable).
core::Result<VectorMap> PaintVectorMap(const core::Board& board, const std::string& font_path, float width,
                                       float height, std::string_view lang);

// How a vector writer draws a quad of the painter: a rounded rectangle filled (flat or a
// vertical gradient), outlined, or a soft shadow/glow approximated by a translucent rectangle.
// Glyph quads are skipped: their text is drawn as text from the runs.
struct VectorShape {
  enum class Kind { Fill, Stroke, Skip } kind = Kind::Skip;
  float x = 0, y = 0, w = 0, h = 0, radius = 0;  // px
  render::Rgba top, bottom;                      // a flat fill has top == bottom
  float stroke = 0;                              // Stroke: width, px (centred on the outline)
};
VectorShape ShapeOf(const render::QuadInstance& quad);

// Bold when the painter's SDF weight makes the text visibly heavier (titles, vote counts).
inline bool IsBold(float weight) { return weight <= -0.05f; }

}  // namespace atelier::report
