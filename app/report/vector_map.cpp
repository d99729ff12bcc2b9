#include "report/vector_map.h"

#include <algorithm>

namespace atelier::report {

VectorMap PaintVectorMap(const core::Board& board, render::BoardPainter& painter, float width, float height,
                         std::string_view lang) {
  VectorMap map;
  map.width = width;
  map.height = height;
  map.margin = render::Shade(board.map_template().paper, 0.9f);  // as BoardRenderer's letterbox
  map.list.RecordText(true);
  render::BoardView view{.board = &board,
                         .viewport = core::Viewport::Fit(width, height),
                         .framebuffer_w = static_cast<int>(width),
                         .framebuffer_h = static_cast<int>(height),
                         .lang = lang};
  painter.Paint(view, map.list);
  return map;
}

core::Result<VectorMap> PaintVectorMap(const core::Board& board, const std::string& font_path, float width,
                                       float height, std::string_view lang) {
  auto font = render::Font::Load(font_path);
  if (!font.ok()) return font.error();
  render::BoardPainter painter(std::move(font.value()));
  return PaintVectorMap(board, painter, width, height, lang);
}

VectorShape ShapeOf(const render::QuadInstance& q) {
  VectorShape s;
  const auto kind = static_cast<render::QuadKind>(static_cast<int>(q.params[0] + 0.5f));
  // shape: centre and half size of the rectangle itself (rect adds the anti-aliasing margin).
  const float cx = q.shape[0], cy = q.shape[1], hw = q.shape[2], hh = q.shape[3];
  s.x = cx - hw, s.y = cy - hh, s.w = 2 * hw, s.h = 2 * hh;
  s.radius = std::clamp(q.params[1], 0.0f, std::min(hw, hh));
  s.top = q.top, s.bottom = q.bottom;
  switch (kind) {
    case render::QuadKind::Fill:
      s.kind = VectorShape::Kind::Fill;
      break;
    case render::QuadKind::Ring: {
      const float stroke = q.params[2];
      s.kind = VectorShape::Kind::Stroke;
      s.stroke = stroke;
      s.x += stroke / 2, s.y += stroke / 2, s.w -= stroke, s.h -= stroke;
      s.radius = std::max(0.0f, s.radius - stroke / 2);
      break;
    }
    case render::QuadKind::Soft: {
      // Coverage fades from full at `inner` to none at `outer` px from the edge: a rectangle
      // grown to the middle of that band, at half the strength, reads the same from afar.
      const float grow = (q.params[2] + q.params[3]) / 2;
      s.kind = VectorShape::Kind::Fill;
      s.x -= grow, s.y -= grow, s.w += 2 * grow, s.h += 2 * grow;
      s.radius = std::clamp(s.radius + grow, 0.0f, std::min(s.w, s.h) / 2);
      s.top.a = s.bottom.a = static_cast<std::uint8_t>(q.top.a / 2);
      if (s.w <= 0 || s.h <= 0) s.kind = VectorShape::Kind::Skip;
      break;
    }
    case render::QuadKind::Glyph:
      s.kind = VectorShape::Kind::Skip;
      break;
  }
  return s;
}

}  // namespace atelier::report
