#include "render/draw_list.h"

#include <algorithm>
#include <cmath>

namespace atelier::render {

namespace {
std::uint8_t Channel(float v) { return static_cast<std::uint8_t>(std::clamp(v, 0.0f, 255.0f) + 0.5f); }
constexpr float kAaMargin = 1.0f;  // px around a shape for its anti-aliased edge
}  // namespace

core::Rgb Mix(core::Rgb a, core::Rgb b, float t) {
  return {Channel(a.r + (b.r - a.r) * t), Channel(a.g + (b.g - a.g) * t), Channel(a.b + (b.b - a.b) * t)};
}

core::Rgb Shade(core::Rgb c, float f) { return {Channel(c.r * f), Channel(c.g * f), Channel(c.b * f)}; }

void DrawList::Fill(const RoundRect& r, Rgba top, Rgba bottom) {
  const float m = kAaMargin;
  m_quads.push_back({{r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m},
                     {r.x + r.w / 2, r.y + r.h / 2, r.w / 2, r.h / 2},
                     {static_cast<float>(QuadKind::Fill), r.radius, 0, 0},
                     top,
                     bottom});
}

void DrawList::Soft(const RoundRect& r, Rgba colour, float inner, float outer) {
  const float m = std::max(outer, 0.0f) + kAaMargin;
  m_quads.push_back({{r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m},
                     {r.x + r.w / 2, r.y + r.h / 2, r.w / 2, r.h / 2},
                     {static_cast<float>(QuadKind::Soft), r.radius, inner, outer},
                     colour,
                     colour});
}

void DrawList::Ring(const RoundRect& r, Rgba colour, float stroke) {
  const float m = kAaMargin;
  m_quads.push_back({{r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m},
                     {r.x + r.w / 2, r.y + r.h / 2, r.w / 2, r.h / 2},
                     {static_cast<float>(QuadKind::Ring), r.radius, stroke, 0},
                     colour,
                     colour});
}

void DrawList::Glyph(float x, float y, float w, float h, float ax0, float ay0, float ax1, float ay1, Rgba colour,
                     float weight) {
  m_quads.push_back({{x, y, w, h},
                     {ax0, ay0, ax1, ay1},
                     {static_cast<float>(QuadKind::Glyph), 0, weight, 0},
                     colour,
                     colour});
}

}  // namespace atelier::render
