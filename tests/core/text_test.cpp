// Card text rules and the kiosk's text editing: characters, never bytes.
#include <gtest/gtest.h>

#include "core/palette.h"
#include "core/text.h"
#include "core/text_edit.h"

namespace atelier::core {
namespace {

TEST(Text, SanitizeTrimsAndDropsControls) {
  EXPECT_EQ(SanitizeCardText("  Café\tassociatif\n "), "Café associatif");
  EXPECT_EQ(SanitizeCardText(std::string("a\x01" "b\x7f" "c", 5)), "abc");
  EXPECT_EQ(SanitizeCardText("\xC2\xA0x\xC2\xA0"), "x");  // no-break spaces trimmed too
}

TEST(Text, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(SanitizeCardText("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(SanitizeCardText("\xC3"), "\xEF\xBF\xBD");            // truncated é
  EXPECT_EQ(SanitizeCardText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(SanitizeCardText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(Text, CountsCharactersNotBytes) {
  EXPECT_EQ(CountChars("Café associatif — « Œuvre » n°2"), 31u);
  EXPECT_EQ(CountChars("😀"), 1u);
  EXPECT_EQ(CountChars(""), 0u);
}

TEST(Text, TruncateNeverCutsACharacter) {
  EXPECT_EQ(TruncateChars("éèê", 2), "éè");
  EXPECT_EQ(TruncateChars("ab", 5), "ab");
}

TEST(Text, Utf8RoundTrip) {
  std::string s = "Œuvre « à » ’ … — € 😀";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(s)), s);
}

TEST(TextEdit, BackspaceDeletesAWholeCharacter) {
  TextEdit e;
  e.Insert("Café");
  e.Backspace();
  EXPECT_EQ(e.text(), "Caf");
  e.Insert("é😀Œ");
  e.Backspace();
  EXPECT_EQ(e.text(), "Café😀");
  e.Backspace();
  EXPECT_EQ(e.text(), "Café");
  for (int i = 0; i < 10; ++i) e.Backspace();
  EXPECT_EQ(e.text(), "");
  EXPECT_EQ(e.caret(), 0u);
}

TEST(TextEdit, CaretMovesByCharacters) {
  TextEdit e("éa");
  e.Left();
  e.Left();
  EXPECT_EQ(e.caret(), 0u);
  e.Right();
  EXPECT_EQ(e.caret(), 2u);  // after the two bytes of é
  e.Insert("x");
  EXPECT_EQ(e.text(), "éxa");
  e.Delete();
  EXPECT_EQ(e.text(), "éx");
}

TEST(TextEdit, HugePasteIsCutAtTheLimit) {
  TextEdit e;
  std::string paste(10000, 'z');
  EXPECT_FALSE(e.Insert(paste));
  EXPECT_EQ(e.chars(), kMaxCardChars);
  EXPECT_FALSE(e.Insert("é"));
  EXPECT_EQ(e.chars(), kMaxCardChars);
}

TEST(TextEdit, TypedSpacesStayAndControlsDoNot) {
  TextEdit e;
  e.Insert("a ");
  e.Insert("\x1b");
  EXPECT_EQ(e.text(), "a ");
}

TEST(Palette, EveryColourIsNamedAndReadable) {
  EXPECT_GE(kPalette.size(), 6u);
  EXPECT_LE(kPalette.size(), 8u);
  for (const CardColour& c : kPalette) {
    EXPECT_FALSE(c.name.empty());
    EXPECT_TRUE(FindColour(c.name).has_value());
    EXPECT_GE(ContrastRatio(kInk, c.paper), 4.5) << c.name;  // WCAG AA for normal text
  }
  EXPECT_FALSE(FindColour("fuchsia").has_value());
}

}  // namespace
}  // namespace atelier::core
