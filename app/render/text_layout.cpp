// Sections: Font (loading, metrics, SDF baking) · line breaking · LayoutText (shrink, ellipsis).
#include "render/text_layout.h"

#include <stb/stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "core/text.h"

namespace atelier::render {

// ---------------------------------------------------------------------------------------- Font

struct Font::Impl {
  std::string path;
  std::vector<unsigned char> data;
  stbtt_fontinfo info{};
  float em_scale = 0;  // font units to px for a 1 px em
  bool has_replacement = false;
};

float Font::PixelHeightPerEm() const {
  int ascent = 0, descent = 0, line_gap = 0;
  stbtt_GetFontVMetrics(&m_impl->info, &ascent, &descent, &line_gap);
  return static_cast<float>(ascent - descent) * m_impl->em_scale;
}

core::Result<Font> Font::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{"Cannot open the font file " + path + "."};
  auto impl = std::make_shared<Impl>();
  impl->path = path;
  impl->data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad() || impl->data.empty()) return core::Error{"Cannot read the font file " + path + "."};
  int offset = stbtt_GetFontOffsetForIndex(impl->data.data(), 0);
  if (offset < 0 || !stbtt_InitFont(&impl->info, impl->data.data(), offset) ||
      stbtt_FindGlyphIndex(&impl->info, 'A') == 0)
    return core::Error{"The file " + path + " is not a usable TrueType/OpenType font."};
  impl->em_scale = stbtt_ScaleForMappingEmToPixels(&impl->info, 1.0f);
  impl->has_replacement = stbtt_FindGlyphIndex(&impl->info, kReplacementChar) != 0;
  return Font(std::move(impl));
}

const std::string& Font::path() const { return m_impl->path; }

bool Font::HasGlyph(char32_t cp) const {
  return stbtt_FindGlyphIndex(&m_impl->info, static_cast<int>(cp)) != 0;
}

char32_t Font::Drawable(char32_t cp) const { return HasGlyph(cp) ? cp : kReplacementChar; }

float Font::Advance(char32_t cp, float size) const {
  int glyph = stbtt_FindGlyphIndex(&m_impl->info, static_cast<int>(cp));
  if (glyph == 0 && m_impl->has_replacement)
    glyph = stbtt_FindGlyphIndex(&m_impl->info, static_cast<int>(kReplacementChar));
  if (glyph == 0) return 0.6f * size;  // the hollow box
  int advance = 0, bearing = 0;
  stbtt_GetGlyphHMetrics(&m_impl->info, glyph, &advance, &bearing);
  return advance * m_impl->em_scale * size;
}

float Font::Kerning(char32_t left, char32_t right, float size) const {
  int k = stbtt_GetGlyphKernAdvance(&m_impl->info, stbtt_FindGlyphIndex(&m_impl->info, static_cast<int>(left)),
                                    stbtt_FindGlyphIndex(&m_impl->info, static_cast<int>(right)));
  return k * m_impl->em_scale * size;
}

SdfBitmap Font::BakeSdf(char32_t cp, float size, int padding, std::uint8_t on_edge, float dist_scale) const {
  SdfBitmap out;
  int w = 0, h = 0, xoff = 0, yoff = 0;
  unsigned char* bits = stbtt_GetCodepointSDF(&m_impl->info, m_impl->em_scale * size, static_cast<int>(cp),
                                              padding, on_edge, dist_scale, &w, &h, &xoff, &yoff);
  if (!bits) return out;
  out.width = w;
  out.height = h;
  out.x_offset = static_cast<float>(xoff);
  out.y_offset = static_cast<float>(yoff);
  out.pixels.assign(bits, bits + static_cast<std::size_t>(w) * h);
  stbtt_FreeSDF(bits, nullptr);
  return out;
}

// ------------------------------------------------------------------------------ line breaking

namespace {

bool IsBlank(char32_t cp) { return cp == U' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009; }

// One character, measured at a 1 px em (advances and kerning scale linearly with the size).
struct Item {
  char32_t cp = 0;    // as written
  char32_t draw = 0;  // what the font draws
  float advance = 0;
  float kern_before = 0;  // kerning with the previous item
  bool placeholder = false;
  bool can_break = false;  // a space where a line may end
};

// French typography: no line break just inside « » or before ! ? : ; (people type ordinary
// spaces there, not the no-break spaces the rules want).
bool GluedSpace(char32_t before, char32_t after) {
  return before == 0xAB || after == 0xBB || after == U'!' || after == U'?' || after == U':' || after == U';';
}

struct Line {
  std::size_t begin = 0, end = 0;  // [begin, end) in the items, no trailing spaces
};

float Width(const std::vector<Item>& items, std::size_t begin, std::size_t end) {
  float w = 0;
  for (std::size_t i = begin; i < end; ++i) w += items[i].advance + (i > begin ? items[i].kern_before : 0);
  return w;
}

// Greedy wrapping at unit size in a line `width` em wide. Sets broke_word when a word longer
// than the line had to be split.
std::vector<Line> Wrap(const std::vector<Item>& items, float width, bool& broke_word) {
  broke_word = false;
  std::vector<Line> lines;
  const std::size_t n = items.size();
  std::size_t i = 0;
  while (i < n) {
    while (i < n && IsBlank(items[i].cp)) ++i;  // a line never starts with a space
    if (i == n) break;
    const std::size_t start = i;
    std::size_t last_space = n;  // no break opportunity yet
    float w = 0;
    std::size_t j = start;
    Line line{start, n};
    for (; j < n; ++j) {
      float add = items[j].advance + (j > start ? items[j].kern_before : 0);
      if (items[j].can_break) {
        last_space = j;
        w += add;
        continue;
      }
      if (w + add > width) {
        if (last_space != n) {
          line.end = last_space;
          i = last_space + 1;
        } else if (j == start) {  // a single character wider than the line: it goes alone
          line.end = j + 1;
          i = j + 1;
          broke_word = true;
        } else {  // a word longer than the line: break it here
          line.end = j;
          i = j;
          broke_word = true;
        }
        break;
      }
      w += add;
    }
    if (j == n) {
      line.end = n;
      i = n;
    }
    while (line.end > line.begin && IsBlank(items[line.end - 1].cp)) --line.end;
    lines.push_back(line);
  }
  return lines;
}

float BlockHeight(int lines) {  // at unit size
  return lines <= 0 ? 0 : (lines - 1) * Font::kLineHeight + Font::kAscent + Font::kDescent;
}

}  // namespace

// -------------------------------------------------------------------------------- LayoutText

TextLayout LayoutText(const Font& font, std::string_view utf8, const TextBox& box) {
  TextLayout out;
  if (box.width <= 0 || box.height <= 0 || box.max_size <= 0) return out;
  const std::u32string cps = core::DecodeUtf8(utf8);
  std::vector<Item> items;
  items.reserve(cps.size() + 1);
  for (char32_t cp : cps) {
    Item item;
    item.cp = cp;
    item.placeholder = !IsBlank(cp) && !font.HasGlyph(cp);
    item.draw = item.placeholder ? kReplacementChar : cp;
    item.advance = font.Advance(item.draw, 1.0f);
    if (!items.empty()) item.kern_before = font.Kerning(items.back().draw, item.draw, 1.0f);
    items.push_back(item);
  }
  for (std::size_t i = 0; i < items.size(); ++i)
    items[i].can_break = items[i].cp == U' ' && !GluedSpace(i > 0 ? items[i - 1].cp : 0,
                                                            i + 1 < items.size() ? items[i + 1].cp : 0);

  const float min_size = std::min(box.min_size, box.max_size);
  const float step = box.step > 0 ? box.step : 1.0f;
  std::vector<Line> lines;
  float size = box.max_size;
  bool broke_word = false;
  auto fits_at = [&](float at, bool allow_word_breaks) {
    lines = Wrap(items, box.width / at, broke_word);
    if (broke_word && !allow_word_breaks) return false;
    for (const Line& l : lines)
      if (Width(items, l.begin, l.end) * at > box.width + 0.01f) return false;
    return BlockHeight(static_cast<int>(lines.size())) * at <= box.height + 0.01f;
  };
  // Shrinking comes before splitting a word; a word is split only when it is longer than a line
  // even at the minimum size, and then at the minimum size (a larger one would split words that
  // fit whole at the minimum: "Covoiturage" cut in two on a small card). The last attempt leaves
  // `lines` wrapped at the minimum size.
  bool fits = false;
  for (size = box.max_size;; size = std::max(min_size, size - step)) {
    if ((fits = fits_at(size, false))) break;
    if (size <= min_size) break;
  }
  if (!fits && broke_word) fits = fits_at(size, true);  // a word longer than a line at the minimum

  if (!fits) {  // keep the lines that fit at the minimum size, end the last with "…"
    out.truncated = true;
    int max_lines = 0;
    while (BlockHeight(max_lines + 1) * size <= box.height + 0.01f) ++max_lines;
    if (static_cast<int>(lines.size()) > max_lines) lines.resize(max_lines);
    Item ellipsis;
    ellipsis.cp = kEllipsis;
    ellipsis.draw = font.HasGlyph(kEllipsis) ? kEllipsis : font.Drawable(kEllipsis);
    ellipsis.advance = font.Advance(ellipsis.draw, 1.0f);
    if (lines.empty() || ellipsis.advance * size > box.width) {
      lines.clear();  // not even "…" fits: draw nothing rather than a cut text
    } else {
      Line& last = lines.back();
      // Drop characters (never bytes: items are code points) until the text plus "…" fits.
      while (last.end > last.begin &&
             (Width(items, last.begin, last.end) + ellipsis.advance) * size > box.width)
        --last.end;
      while (last.end > last.begin && IsBlank(items[last.end - 1].cp)) --last.end;
      ellipsis.kern_before = last.end > last.begin ? font.Kerning(items[last.end - 1].draw, ellipsis.draw, 1) : 0;
      // The ellipsis goes right after the kept characters: put it in the items list.
      items.insert(items.begin() + static_cast<std::ptrdiff_t>(last.end), ellipsis);
      ++last.end;
    }
  }

  out.size = size;
  out.lines = static_cast<int>(lines.size());
  out.height = BlockHeight(out.lines) * size;
  const float top = box.middle ? (box.height - out.height) / 2 : 0.0f;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const Line& line = lines[li];
    const float line_w = Width(items, line.begin, line.end) * size;
    out.width = std::max(out.width, line_w);
    float x = box.centre ? (box.width - line_w) / 2 : 0.0f;
    const float y = top + (Font::kAscent + static_cast<float>(li) * Font::kLineHeight) * size;
    std::u32string said;
    for (std::size_t i = line.begin; i < line.end; ++i) said += items[i].cp;
    const bool space_after = line.end < items.size() && IsBlank(items[line.end].cp);
    out.line_texts.push_back({core::EncodeUtf8(said), x, y, line_w, space_after});
    for (std::size_t i = line.begin; i < line.end; ++i) {
      const Item& item = items[i];
      if (i > line.begin) x += item.kern_before * size;
      if (!IsBlank(item.cp))
        out.glyphs.push_back({item.draw, x, y, size, item.advance * size, item.placeholder});
      x += item.advance * size;
    }
  }
  return out;
}

float MeasureLine(const Font& font, std::string_view utf8, float size) {
  float w = 0;
  char32_t prev = 0;
  for (char32_t cp : core::DecodeUtf8(utf8)) {
    char32_t draw = IsBlank(cp) ? cp : font.Drawable(cp);
    if (prev) w += font.Kerning(prev, draw, size);
    w += font.Advance(draw, size);
    prev = draw;
  }
  return w;
}

}  // namespace atelier::render
