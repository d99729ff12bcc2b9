// A frame's drawing as one list of quads, GL-free: rounded rectangles (filled, soft for shadows
// and glows, outlined) and SDF glyphs, in painter's order. The renderer uploads the list as
// instance data and draws it with a single instanced call (shaders/quad.vert, quad.frag), so
// cards, their shadows and their text stack correctly without a depth buffer.
// Units: framebuffer pixels, y down. Layout of QuadInstance must match quad.vert's attributes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/palette.h"

namespace atelier::render {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
};
inline Rgba WithAlpha(core::Rgb c, float alpha) {
  return {c.r, c.g, c.b, static_cast<std::uint8_t>(alpha * 255.0f + 0.5f)};
}
core::Rgb Mix(core::Rgb a, core::Rgb b, float t);  // t = 0: a, t = 1: b
core::Rgb Shade(core::Rgb c, float factor);        // multiplies each channel

// What the fragment shader does with a quad (QuadInstance::params[0]).
enum class QuadKind : int { Fill = 0, Soft = 1, Glyph = 2, Ring = 3 };

struct QuadInstance {
  float rect[4];    // x, y, w, h of the quad, px
  float shape[4];   // shapes: centre x, y, half width, half height, px; glyph: atlas px x0 y0 x1 y1
  float params[4];  // kind, corner radius, then: Soft: inner, outer distance; Ring: stroke;
                    // Glyph: edge threshold offset (negative = bolder)
  Rgba top;         // colour at the top of the quad …
  Rgba bottom;      // … and at the bottom (a vertical gradient; same colour for a flat fill)
};
static_assert(sizeof(QuadInstance) == 56);

struct RoundRect {
  float x = 0, y = 0, w = 0, h = 0;  // px, top-left
  float radius = 0;
};

// A line of text as text, for the vector exports (SVG, PDF): recorded beside its glyph quads
// when DrawList::RecordText is on. The line's glyph quads start at quads()[before_quad]; a
// vector writer draws the run there and skips the Glyph quads.
enum class TextAnchor { Start, Middle, End };
struct TextRun {
  std::size_t before_quad = 0;
  std::size_t block = 0;  // the lines of one text (a card's, a label's) share a block number
  std::string text;     // UTF-8, as laid out (an ellipsis included)
  float x = 0;          // px: the start, middle or end of the line, as anchor says
  float baseline = 0;   // px
  float size = 0;       // em size, px
  float width = 0;      // the line's width as laid out, px
  TextAnchor anchor = TextAnchor::Start;
  Rgba colour;
  float weight = 0;     // as the glyphs' (negative is bolder)
  bool space_after = false;  // the text goes on after a space on the next line (not mid-word)
};

class DrawList {
 public:
  void Clear() {
    m_quads.clear();
    m_texts.clear();
    m_map_end = 0;
  }
  // Quads [0, map_end) are the map and its cards, drawn clipped when the view is zoomed
  // (BoardView::clip); the rest (tray, cards under fingers) is not clipped.
  std::size_t map_end() const { return m_map_end; }
  void MarkMapEnd() { m_map_end = m_quads.size(); }
  // Off by default (the kiosk draws glyphs only); the vector exports turn it on.
  void RecordText(bool on) { m_record_text = on; }
  bool recording_text() const { return m_record_text; }
  const std::vector<TextRun>& texts() const { return m_texts; }
  std::vector<TextRun>& texts() { return m_texts; }
  void Reserve(std::size_t n) { m_quads.reserve(n); }
  // Clear, and give the memory back (after a one-off big list, such as a cached layer's).
  void Release() {
    Clear();
    std::vector<QuadInstance>().swap(m_quads);
    std::vector<TextRun>().swap(m_texts);
  }

  // A filled rounded rectangle with an anti-aliased edge, top colour fading to bottom colour.
  void Fill(const RoundRect& r, Rgba top, Rgba bottom);
  void Fill(const RoundRect& r, Rgba colour) { Fill(r, colour, colour); }
  // Soft coverage: full where the distance to the rectangle is below `inner` px, fading to
  // zero at `outer` px (shadows: inner = -blur, outer = blur; glows: inner = 0).
  void Soft(const RoundRect& r, Rgba colour, float inner, float outer);
  // An outline `stroke` px wide just inside the rectangle's edge.
  void Ring(const RoundRect& r, Rgba colour, float stroke);
  // A glyph quad: rect in px, atlas rectangle in atlas px.
  void Glyph(float x, float y, float w, float h, float ax0, float ay0, float ax1, float ay1, Rgba colour,
             float weight = 0);

  const std::vector<QuadInstance>& quads() const { return m_quads; }
  std::vector<QuadInstance>& quads() { return m_quads; }

 private:
  std::vector<QuadInstance> m_quads;
  std::vector<TextRun> m_texts;
  bool m_record_text = false;
  std::size_t m_map_end = 0;
};

}  // namespace atelier::render
