// Text layout with a real font (Andika, ATELIER_TEST_FONT): wrapping, shrinking, ellipsis,
// French glyph coverage and placeholders for characters the font lacks.
#include "render/text_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/card_size.h"
#include "core/text.h"

namespace atelier::render {
namespace {

const Font& TestFont() {
  static const Font font = [] {
    auto loaded = Font::Load(ATELIER_TEST_FONT);
    if (!loaded) ADD_FAILURE() << loaded.error().message;
    return *loaded;
  }();
  return font;
}

// The card's text box at 1080p: 165×151 px card, 9 px padding.
constexpr TextBox kCardBox{.width = 147, .height = 133, .max_size = 26, .min_size = 15};

std::set<float> LineBaselines(const TextLayout& layout) {
  std::set<float> ys;
  for (const PositionedGlyph& g : layout.glyphs) ys.insert(g.y);
  return ys;
}

void ExpectInsideBox(const TextLayout& layout, const TextBox& box) {
  for (const PositionedGlyph& g : layout.glyphs) {
    EXPECT_GE(g.x, -0.01f);
    EXPECT_LE(g.x + g.advance, box.width + 0.01f) << "glyph U+" << std::hex << static_cast<int>(g.codepoint);
    EXPECT_GE(g.y - Font::kAscent * g.size, -0.01f);
    EXPECT_LE(g.y + Font::kDescent * g.size, box.height + 0.01f);
  }
}

std::string Drawn(const TextLayout& layout) {
  std::u32string cps;
  for (const PositionedGlyph& g : layout.glyphs) cps.push_back(g.codepoint);
  return core::EncodeUtf8(cps);
}

TEST(TextLayout, ShortTextStaysAtMaxSizeOnOneLine) {
  TextLayout layout = LayoutText(TestFont(), "HelloAsso", kCardBox);
  EXPECT_FLOAT_EQ(layout.size, 26);
  EXPECT_EQ(layout.lines, 1);
  EXPECT_FALSE(layout.truncated);
  ASSERT_EQ(layout.glyphs.size(), 9u);
  EXPECT_EQ(Drawn(layout), "HelloAsso");
  EXPECT_EQ(LineBaselines(layout).size(), 1u);
  // Centred: the same margin on both sides, and the block centred vertically.
  const PositionedGlyph& last = layout.glyphs.back();
  EXPECT_NEAR(layout.glyphs.front().x, kCardBox.width - (last.x + last.advance), 0.5f);
  EXPECT_NEAR(layout.glyphs.front().y - 26 * Font::kAscent, (kCardBox.height - layout.height) / 2, 0.01f);
  ExpectInsideBox(layout, kCardBox);
}

TEST(TextLayout, LongTextWrapsOnSpaces) {
  TextLayout layout = LayoutText(TestFont(), "Trop de groupes WhatsApp", kCardBox);
  EXPECT_FALSE(layout.truncated);
  EXPECT_GE(layout.lines, 2);
  EXPECT_EQ(static_cast<int>(LineBaselines(layout).size()), layout.lines);
  EXPECT_EQ(Drawn(layout), "TropdegroupesWhatsApp");  // every letter kept, spaces not drawn
  // Words are never split when they fit: each line starts with the first letter of a word.
  std::set<char32_t> line_starts;
  float previous_y = -1;
  for (const PositionedGlyph& g : layout.glyphs)
    if (g.y != previous_y) line_starts.insert(g.codepoint), previous_y = g.y;
  for (char32_t c : line_starts) EXPECT_TRUE(c == 'T' || c == 'd' || c == 'g' || c == 'W') << static_cast<int>(c);
  ExpectInsideBox(layout, kCardBox);
}

TEST(TextLayout, TwoHundredCharactersShrink) {
  const std::string text =
      "Le tableur des adhésions, mis à jour chaque semaine par le bureau, avec les cotisations, les reçus, "
      "les relances et les coordonnées de tous : il est indispensable mais fragile et personne ne sait qui.";
  ASSERT_EQ(core::CountChars(text), 200u);
  const TextBox wide{.width = 300, .height = 260, .max_size = 26, .min_size = 15};
  TextLayout layout = LayoutText(TestFont(), text, wide);
  EXPECT_LT(layout.size, 26);
  EXPECT_GE(layout.size, 15);
  EXPECT_FALSE(layout.truncated);
  EXPECT_GT(layout.lines, 4);
  EXPECT_EQ(layout.glyphs.size(), 200u - std::count(text.begin(), text.end(), ' '));
  ExpectInsideBox(layout, wide);
  // The largest size that fits was chosen: one step bigger no longer fits without shrinking.
  TextBox bigger = wide;
  bigger.min_size = bigger.max_size = layout.size + 1;
  EXPECT_TRUE(LayoutText(TestFont(), text, bigger).truncated);
}

TEST(TextLayout, UnbreakableTextEndsWithEllipsisInsideTheBox) {
  const std::string text(400, 'W');
  TextLayout layout = LayoutText(TestFont(), text, kCardBox);
  EXPECT_TRUE(layout.truncated);
  EXPECT_FLOAT_EQ(layout.size, 15);
  ASSERT_FALSE(layout.glyphs.empty());
  EXPECT_EQ(layout.glyphs.back().codepoint, kEllipsis);
  EXPECT_LT(layout.glyphs.size(), 400u);
  // The ellipsis is on the last line, after the other glyphs of that line.
  const PositionedGlyph& ellipsis = layout.glyphs.back();
  for (const PositionedGlyph& g : layout.glyphs) EXPECT_LE(g.y, ellipsis.y);
  ExpectInsideBox(layout, kCardBox);
}

TEST(TextLayout, TruncationCutsWholeCharactersNeverBytes) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "é";  // two bytes each, no spaces
  TextLayout layout = LayoutText(TestFont(), text, kCardBox);
  ASSERT_TRUE(layout.truncated);
  for (std::size_t i = 0; i + 1 < layout.glyphs.size(); ++i) EXPECT_EQ(layout.glyphs[i].codepoint, U'é');
  EXPECT_EQ(layout.glyphs.back().codepoint, kEllipsis);
  ExpectInsideBox(layout, kCardBox);
}

TEST(TextLayout, ShrinksRatherThanSplitAWord) {
  // At 26 px "d'information" is wider than the card's line; at a smaller size it fits whole.
  ASSERT_GT(MeasureLine(TestFont(), "d'information", 26), kCardBox.width);
  TextLayout layout = LayoutText(TestFont(), "Lettre d'information aux adhérents", kCardBox);
  EXPECT_FALSE(layout.truncated);
  EXPECT_LT(layout.size, 26);
  EXPECT_LE(MeasureLine(TestFont(), "d'information", layout.size), kCardBox.width);
  // Every line break falls on a space: the glyphs of each line are whole words.
  std::string lines;
  float y = layout.glyphs.front().y;
  for (const PositionedGlyph& g : layout.glyphs) {
    if (g.y != y) lines += '|', y = g.y;
    lines += core::EncodeUtf8(g.codepoint);
  }
  for (const char* word : {"Lettre", "d'information", "aux", "adhérents"})
    EXPECT_NE(lines.find(word), std::string::npos) << lines;
  ExpectInsideBox(layout, kCardBox);
}

TEST(TextLayout, LongWordAfterShortWordBreaksInsideTheWord) {
  const TextBox narrow{.width = 80, .height = 400, .max_size = 20, .min_size = 20};
  TextLayout layout = LayoutText(TestFont(), "a anticonstitutionnellement", narrow);
  EXPECT_FALSE(layout.truncated);
  EXPECT_GE(layout.lines, 3);  // "a", then the long word over two or more lines
  EXPECT_EQ(Drawn(layout), "aanticonstitutionnellement");
  ExpectInsideBox(layout, narrow);
}

// The text box of the smallest fixed card size ("Petites", about 64 × 58 px at 1080p), with
// the painter's padding (9 px, scaled with the card, never under 35 %).
TextBox SmallCardBox() {
  const core::CardSize size = core::ScaledCardSize(*core::CardSizeChoiceScale(core::CardSizeChoice::Small));
  const float pad = 9 * std::max(size.h / core::kFullCardSize.h, 0.35f);
  return {.width = size.w * 1920 - 2 * pad, .height = size.h * 1080 - 2 * pad, .max_size = 26, .min_size = 15};
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// On small cards a word that fits a line at the minimum size is never cut: the text shrinks
// and wraps between words first. Only a word too long for a line even at 15 px is cut, and
// then at 15 px (cutting at a larger size would cut the others too).
TEST(TextLayout, OnSmallCardsOnlyWordsTooLongAtTheMinimumAreCut) {
  const TextBox box = SmallCardBox();
  ASSERT_GT(box.width, 40);
  ASSERT_LT(box.width, 70);
  int wrapped = 0, cut = 0;
  for (const char* text : {"Vélo", "Covoiturage", "Mairie du village", "Prêt de vélos", "Lien avec la mairie",
                           "Lettre d'information aux adhérents", "Sortie au musée", "Anticonstitutionnellement oui",
                           "Un bus le soir", "Atelier réparation"}) {
    const TextLayout layout = LayoutText(TestFont(), text, box);
    ExpectInsideBox(layout, box);
    EXPECT_GE(layout.size, 15) << text;
    if (layout.truncated) continue;  // the words after the ellipsis are not shown at all
    bool too_long = false;
    for (const std::string& word : Words(text)) {
      if (MeasureLine(TestFont(), word, 15) > box.width) {
        too_long = true;
        continue;
      }
      // Whole on one line.
      const bool whole = std::any_of(layout.line_texts.begin(), layout.line_texts.end(), [&](const LineText& l) {
        const std::vector<std::string> tokens = Words(l.text);
        return std::find(tokens.begin(), tokens.end(), word) != tokens.end();
      });
      EXPECT_TRUE(whole) << text << ": \"" << word << "\" was cut";
    }
    if (too_long) {
      ++cut;
      EXPECT_FLOAT_EQ(layout.size, 15) << text;
    } else {
      for (std::size_t i = 0; i + 1 < layout.line_texts.size(); ++i)
        EXPECT_TRUE(layout.line_texts[i].space_after) << text << ": line " << i << " ends inside a word";
    }
    if (layout.lines > 1) ++wrapped;
  }
  EXPECT_GT(wrapped, 2);  // the property was tried on wrapped texts
  EXPECT_GT(cut, 0);      // and on a word too long for the card
}

TEST(TextLayout, AWordTooLongAtTheMinimumIsCutAtTheMinimumAndTheOthersStayWhole) {
  const TextBox box = SmallCardBox();
  const std::string text = "Anticonstitutionnellement oui";
  ASSERT_GT(MeasureLine(TestFont(), "Anticonstitutionnellement", 15), box.width);
  const TextLayout layout = LayoutText(TestFont(), text, {.width = box.width, .height = 400, .max_size = 26,
                                                          .min_size = 15});
  EXPECT_FALSE(layout.truncated);
  EXPECT_FLOAT_EQ(layout.size, 15);
  ASSERT_FALSE(layout.line_texts.empty());
  EXPECT_EQ(Words(layout.line_texts.back().text).back(), "oui");  // maybe after the long word's end
  EXPECT_EQ(Drawn(layout), "Anticonstitutionnellementoui");
}

TEST(TextLayout, NoBreakInsideFrenchQuotes) {
  // Room for "Vive le «" on the first line, but the rule keeps « with its word.
  const Font& font = TestFont();
  const float width = MeasureLine(font, "« Wi-Fi » !", 20) + 2;
  ASSERT_LT(MeasureLine(font, "Vive le «", 20), width);
  ASSERT_GT(MeasureLine(font, "Vive le « Wi-Fi", 20), width);
  TextLayout layout = LayoutText(font, "Vive le « Wi-Fi » !", {.width = width, .height = 400, .max_size = 20, .min_size = 20});
  std::vector<std::u32string> lines;
  float y = -1;
  for (const PositionedGlyph& g : layout.glyphs) {
    if (g.y != y) lines.emplace_back(), y = g.y;
    lines.back().push_back(g.codepoint);
  }
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(core::EncodeUtf8(lines[0]), "Vivele");
  EXPECT_EQ(core::EncodeUtf8(lines[1]), "«Wi-Fi»!");
}

TEST(TextLayout, FrenchCharactersHaveRealGlyphs) {
  const std::string text = "« » œ Œ ’ — … é è ê ë à â ç ù û ü î ï ô Ÿ € – “ ”";
  TextLayout layout = LayoutText(TestFont(), text, {.width = 2000, .height = 200, .max_size = 26, .min_size = 26});
  ASSERT_FALSE(layout.glyphs.empty());
  for (const PositionedGlyph& g : layout.glyphs) {
    EXPECT_FALSE(g.placeholder) << "U+" << std::hex << static_cast<int>(g.codepoint);
    EXPECT_NE(g.codepoint, kReplacementChar);
    EXPECT_GT(g.advance, 0);
  }
  for (char32_t cp : core::DecodeUtf8(text)) {
    if (cp == ' ') continue;
    EXPECT_TRUE(TestFont().HasGlyph(cp)) << "U+" << std::hex << static_cast<int>(cp);
  }
}

TEST(TextLayout, MissingCharactersGetThePlaceholder) {
  TextLayout layout = LayoutText(TestFont(), "Facebook 😀", kCardBox);
  ASSERT_FALSE(layout.glyphs.empty());
  const PositionedGlyph& emoji = layout.glyphs.back();
  EXPECT_TRUE(emoji.placeholder);
  EXPECT_EQ(emoji.codepoint, kReplacementChar);
  EXPECT_TRUE(TestFont().HasGlyph(kReplacementChar));
  EXPECT_GT(emoji.advance, 0);
  for (std::size_t i = 0; i + 1 < layout.glyphs.size(); ++i) EXPECT_FALSE(layout.glyphs[i].placeholder);
  ExpectInsideBox(layout, kCardBox);
}

TEST(TextLayout, InvalidUtf8AndEmptyTextAreHarmless) {
  EXPECT_TRUE(LayoutText(TestFont(), "", kCardBox).glyphs.empty());
  EXPECT_TRUE(LayoutText(TestFont(), "   ", kCardBox).glyphs.empty());
  TextLayout bad = LayoutText(TestFont(), std::string("ab\xff\xc3", 4), kCardBox);
  EXPECT_EQ(bad.glyphs.size(), 4u);
  EXPECT_TRUE(LayoutText(TestFont(), "Bonjour", {.width = 0, .height = 10}).glyphs.empty());
}

TEST(TextLayout, BoxTooSmallForAnyLineDrawsNothingRatherThanACut) {
  TextLayout layout = LayoutText(TestFont(), "Bonjour", {.width = 100, .height = 5, .max_size = 26, .min_size = 15});
  EXPECT_TRUE(layout.glyphs.empty());
  EXPECT_TRUE(layout.truncated);
}

TEST(TextLayout, MeasureLineGrowsWithSize) {
  float small = MeasureLine(TestFont(), "Usages", 20), big = MeasureLine(TestFont(), "Usages", 40);
  EXPECT_GT(small, 20);
  EXPECT_NEAR(big, 2 * small, 0.01f);
}

TEST(Font, InvalidPathGivesAnError) {
  auto missing = Font::Load("/nonexistent/font.ttf");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/font.ttf"), std::string::npos);
  auto not_a_font = Font::Load(ATELIER_SOURCE_DIR "/CMakeLists.txt");
  ASSERT_FALSE(not_a_font.ok());
  EXPECT_NE(not_a_font.error().message.find("not a usable"), std::string::npos);
}

TEST(Font, BakesSignedDistanceFields) {
  SdfBitmap a = TestFont().BakeSdf('A', 48, 6, 128, 128.0f / 6);
  ASSERT_GT(a.width, 12);
  ASSERT_GT(a.height, 12);
  EXPECT_LT(a.y_offset, 0);  // above the baseline
  EXPECT_EQ(a.pixels.size(), static_cast<std::size_t>(a.width) * a.height);
  EXPECT_LT(a.pixels.front(), 128);  // the corner is outside the ink
  EXPECT_GT(*std::max_element(a.pixels.begin(), a.pixels.end()), 128);
  EXPECT_EQ(TestFont().BakeSdf(' ', 48, 6, 128, 128.0f / 6).width, 0);
}

}  // namespace
}  // namespace atelier::render
