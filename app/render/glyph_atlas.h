// The signed-distance-field glyph atlas, CPU side and GL-free: bakes glyphs with
// stbtt_GetCodepointSDF at one base size, shelf-packs them in a single-channel bitmap that grows
// in height, and tells the renderer which rows changed so it can upload them. Text at any size
// is drawn from these glyphs with a smoothstep on the distance (shaders/quad.frag).
// Not thread-safe: owned and used by the render thread.
#pragma once
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "render/text_layout.h"

namespace atelier::render {

struct AtlasGlyph {
  int x = 0, y = 0, w = 0, h = 0;   // in the atlas, pixels; w == 0: nothing to draw (space)
  float x_offset = 0, y_offset = 0;  // bitmap top-left from the pen, px at kBaseSize
};

// The French ranges baked up front (inclusive pairs).
inline constexpr std::pair<char32_t, char32_t> kFrenchRanges[] = {
    {0x20, 0x7E},     {0xA0, 0xFF},     {0x152, 0x153}, {0x178, 0x178}, {0x2013, 0x2014},
    {0x2018, 0x201E}, {0x2026, 0x2026}, {0x202F, 0x202F}, {0x20AC, 0x20AC}, {0xFFFD, 0xFFFD},
    {0x2190, 0x2193},  // arrows for the map's axes
};

class GlyphAtlas {
 public:
  static constexpr float kBaseSize = 48;     // em size the glyphs are baked at, px
  static constexpr int kPadding = 6;         // px of distance field around the ink
  static constexpr std::uint8_t kOnEdge = 128;
  static constexpr float kDistScale = 128.0f / kPadding;  // value steps per pixel of distance
  static constexpr int kMaxHeight = 4096;

  explicit GlyphAtlas(Font font, int width = 1024, int height = 512);

  // Bakes every code point of the ranges that the font has.
  void BakeRanges(std::span<const std::pair<char32_t, char32_t>> ranges);

  // The glyph for cp, baked on first use. A code point the font lacks gets a hollow box; returns
  // nullptr only when the atlas is full (4096 px high), in which case nothing is drawn.
  const AtlasGlyph* Get(char32_t cp);

  int width() const { return m_width; }
  int height() const { return m_height; }
  const std::vector<std::uint8_t>& pixels() const { return m_pixels; }
  int glyph_count() const { return static_cast<int>(m_glyphs.size()); }

  // Rows changed since the last ClearDirty ([begin, end)); empty when begin >= end.
  int dirty_begin() const { return m_dirty_begin; }
  int dirty_end() const { return m_dirty_end; }
  void ClearDirty() { m_dirty_begin = m_height, m_dirty_end = 0; }

 private:
  const AtlasGlyph* Insert(char32_t key, const SdfBitmap& bitmap);
  SdfBitmap HollowBox() const;

  Font m_font;
  int m_width, m_height;
  std::vector<std::uint8_t> m_pixels;
  std::unordered_map<char32_t, AtlasGlyph> m_glyphs;
  int m_shelf_x = 0, m_shelf_y = 0, m_shelf_h = 0;
  int m_dirty_begin = 0, m_dirty_end = 0;
};

}  // namespace atelier::render
