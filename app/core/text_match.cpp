#include "core/text_match.h"

#include "core/text.h"

namespace atelier::core {

namespace {

// The unaccented, lower-case spelling of a Latin-1 or Latin Extended-A letter; empty when c is
// none of them.
std::string_view Plain(char32_t c) {
  // U+00C0 … U+00FF, one entry each ("" for the signs × and ÷, kept as they are).
  static const char* const kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  //
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
  if (c >= 0xC0 && c <= 0xFF) {
    return kLatin1[c - 0xC0];
  }
  // U+0100 … U+017F: pairs of upper and lower case, mostly; the base letters in order.
  static const char kExtendedA[] =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkkllllllllllnnnnnnnnoooooo"
      "rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  static const char* const kLigatures[] = {"ij", "ij", "oe", "oe"};  // U+0132, U+0133, U+0152, U+0153
  if (c == 0x132 || c == 0x133) return kLigatures[c - 0x132];
  if (c == 0x152 || c == 0x153) return kLigatures[2 + (c - 0x152)];
  if (c >= 0x100 && c <= 0x17F) {
    // Skip the two ligature pairs and ŉ (U+0149), which the table leaves out.
    std::size_t i = c - 0x100;
    if (c > 0x133) i -= 2;
    if (c > 0x149) i -= 1;
    if (c > 0x153) i -= 2;
    return std::string_view(kExtendedA + i, 1);
  }
  return {};
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F; }

}  // namespace

std::string MatchKey(std::string_view utf8) {
  std::string out;
  bool space = false;
  for (char32_t c : DecodeUtf8(utf8)) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (const std::string_view plain = Plain(c); !plain.empty()) {
      out += plain;
    } else {
      out += EncodeUtf8(c);
    }
  }
  return out;
}

}  // namespace atelier::core
