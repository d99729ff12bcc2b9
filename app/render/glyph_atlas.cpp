#include "render/glyph_atlas.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace atelier::render {

namespace {
constexpr char32_t kBoxKey = 0xFFFFFFFF;  // not a code point: the synthesised hollow box
constexpr int kGap = 1;                    // px between packed glyphs
}  // namespace

GlyphAtlas::GlyphAtlas(Font font, int width, int height)
    : m_font(std::move(font)), m_width(width), m_height(height),
      m_pixels(static_cast<std::size_t>(width) * height, 0) {
  m_dirty_begin = 0;
  m_dirty_end = m_height;
}

void GlyphAtlas::BakeRanges(std::span<const std::pair<char32_t, char32_t>> ranges) {
  for (const auto& [first, last] : ranges)
    for (char32_t cp = first; cp <= last; ++cp)
      if (m_font.HasGlyph(cp)) Get(cp);
}

const AtlasGlyph* GlyphAtlas::Get(char32_t cp) {
  if (auto it = m_glyphs.find(cp); it != m_glyphs.end()) return &it->second;
  if (!m_font.HasGlyph(cp)) {
    if (cp != kBoxKey && m_font.HasGlyph(kReplacementChar)) return Get(kReplacementChar);
    if (auto it = m_glyphs.find(kBoxKey); it != m_glyphs.end()) return &it->second;
    const AtlasGlyph* box = Insert(kBoxKey, HollowBox());
    return box;
  }
  return Insert(cp, m_font.BakeSdf(cp, kBaseSize, kPadding, kOnEdge, kDistScale));
}

const AtlasGlyph* GlyphAtlas::Insert(char32_t key, const SdfBitmap& bitmap) {
  AtlasGlyph glyph;
  glyph.w = bitmap.width;
  glyph.h = bitmap.height;
  glyph.x_offset = bitmap.x_offset;
  glyph.y_offset = bitmap.y_offset;
  if (glyph.w > 0 && glyph.h > 0) {
    if (glyph.w + kGap > m_width) return nullptr;
    if (m_shelf_x + glyph.w + kGap > m_width) {  // next shelf
      m_shelf_y += m_shelf_h + kGap;
      m_shelf_x = 0;
      m_shelf_h = 0;
    }
    while (m_shelf_y + glyph.h + kGap > m_height) {  // grow: double the height, keep the content
      if (m_height * 2 > kMaxHeight) return nullptr;
      m_height *= 2;
      m_pixels.resize(static_cast<std::size_t>(m_width) * m_height, 0);
      m_dirty_begin = 0;
      m_dirty_end = m_height;
    }
    glyph.x = m_shelf_x;
    glyph.y = m_shelf_y;
    for (int row = 0; row < glyph.h; ++row)
      std::memcpy(&m_pixels[static_cast<std::size_t>(glyph.y + row) * m_width + glyph.x],
                  &bitmap.pixels[static_cast<std::size_t>(row) * glyph.w], glyph.w);
    m_shelf_x += glyph.w + kGap;
    m_shelf_h = std::max(m_shelf_h, glyph.h);
    m_dirty_begin = std::min(m_dirty_begin, glyph.y);
    m_dirty_end = std::max(m_dirty_end, glyph.y + glyph.h);
  } else {
    glyph.w = glyph.h = 0;
  }
  return &(m_glyphs[key] = glyph);
}

// A hollow box 0.6 em wide and 0.7 em tall on the baseline, as a distance field.
SdfBitmap GlyphAtlas::HollowBox() const {
  const float em = kBaseSize, stroke = 0.06f * em;
  const float bw = 0.5f * em, bh = 0.7f * em;  // outline centre rectangle
  SdfBitmap out;
  out.width = static_cast<int>(std::ceil(bw + stroke)) + 2 * kPadding;
  out.height = static_cast<int>(std::ceil(bh + stroke)) + 2 * kPadding;
  out.x_offset = 0.05f * em - kPadding - stroke / 2;
  out.y_offset = -bh - kPadding - stroke / 2;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
  const float cx = out.width / 2.0f, cy = out.height / 2.0f;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      float dx = std::abs(x + 0.5f - cx) - bw / 2, dy = std::abs(y + 0.5f - cy) - bh / 2;
      float outside = std::hypot(std::max(dx, 0.0f), std::max(dy, 0.0f)) + std::min(std::max(dx, dy), 0.0f);
      float dist = std::abs(outside) - stroke / 2;  // distance to the stroke, negative inside it
      float v = kOnEdge - dist * kDistScale;
      out.pixels[static_cast<std::size_t>(y) * out.width + x] = static_cast<std::uint8_t>(std::clamp(v, 0.0f, 255.0f));
    }
  return out;
}

}  // namespace atelier::render
