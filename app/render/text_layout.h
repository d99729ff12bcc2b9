// Text for cards and map labels, without any GL: a Font loaded from a TTF file (stb_truetype)
// and LayoutText, which fits UTF-8 text in a box — wraps on spaces, shrinks step by step from a
// maximum to a minimum size, breaks a word only when it is longer than a line at the minimum
// size (and then lays out at the minimum size), and when it still does not fit
// cuts at a character boundary and ends with "…" (never cut without an ellipsis).
//
// Units: pixels, y down. Sizes are em sizes (the CSS meaning of "26 px"). A Font is cheap to
// copy (shared, immutable font data) and safe to use from several threads.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace atelier::render {

// A code point's signed-distance-field bitmap (stbtt_GetCodepointSDF), for the glyph atlas.
struct SdfBitmap {
  int width = 0, height = 0;
  float x_offset = 0, y_offset = 0;   // top-left of the bitmap from the pen on the baseline, px
  std::vector<std::uint8_t> pixels;   // width × height, 0 … 255, edge at SdfOnEdge
};

class Font {
 public:
  static core::Result<Font> Load(const std::string& path);

  bool HasGlyph(char32_t cp) const;
  // What to draw for cp: cp itself, else U+FFFD when the font has it, else U+FFFD anyway and
  // the renderer draws a hollow box (check HasGlyph(kReplacementChar)).
  char32_t Drawable(char32_t cp) const;
  float Advance(char32_t cp, float size) const;           // horizontal advance at em size
  float Kerning(char32_t left, char32_t right, float size) const;

  // Vertical metrics used for layout, as fractions of the em (not the font's hhea values:
  // Andika's are very tall, made for stacked diacritics).
  static constexpr float kAscent = 1.0f;    // baseline below the line top (covers É, Ç)
  static constexpr float kDescent = 0.3f;   // lowest ink below the baseline (g, p, ç)
  static constexpr float kLineHeight = 1.22f;

  // Bakes cp's signed distance field at em size `size` with `padding` pixels around the ink.
  // Returns an empty bitmap (width 0) for blank glyphs such as the space.
  SdfBitmap BakeSdf(char32_t cp, float size, int padding, std::uint8_t on_edge, float dist_scale) const;

  const std::string& path() const;

  // How many pixels of "pixel height" (ascent − descent, the size Dear ImGui and stb_truetype's
  // ScaleForPixelHeight take) give a 1 px em. Andika's is about 1.5: asking ImGui for 40 px
  // gives 27 px letters unless the size is multiplied by this.
  float PixelHeightPerEm() const;

 private:
  struct Impl;
  explicit Font(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}
  std::shared_ptr<const Impl> m_impl;
};

inline constexpr char32_t kReplacementChar = 0xFFFD;
inline constexpr char32_t kEllipsis = 0x2026;

struct PositionedGlyph {
  char32_t codepoint = 0;  // what to draw (a placeholder already substituted)
  float x = 0, y = 0;      // pen position on the baseline, from the box's top-left, px
  float size = 0;          // em size, px
  float advance = 0;       // px
  bool placeholder = false;  // the text's character is missing from the font
};

struct TextBox {
  float width = 0, height = 0;  // px
  float max_size = 26, min_size = 15;
  float step = 1;               // size decrement while shrinking, px
  bool centre = true;           // centre each line horizontally; false: left-aligned
  bool middle = true;           // centre the block vertically; false: at the top
};

// One laid-out line as text (for exports that keep text as text: SVG, PDF): what it says
// (spaces and the final "…" included), where it starts and its baseline, px from the box's
// top-left, and its width.
struct LineText {
  std::string text;
  float x = 0, baseline = 0, width = 0;
  bool space_after = false;  // the line ended at a space (not inside a word too long for a line)
};

struct TextLayout {
  std::vector<PositionedGlyph> glyphs;  // spaces are not listed
  std::vector<LineText> line_texts;     // one per line, top to bottom
  float size = 0;                       // chosen em size
  int lines = 0;
  bool truncated = false;               // ends with "…"
  float width = 0, height = 0;          // extent of the laid-out block, px
};

TextLayout LayoutText(const Font& font, std::string_view utf8, const TextBox& box);

// Width of a single line of text at `size` (no wrapping), px. For labels.
float MeasureLine(const Font& font, std::string_view utf8, float size);

}  // namespace atelier::render
