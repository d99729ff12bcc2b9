// UTF-8 text rules for cards: what a card may hold and how its length is counted. Lengths are
// in characters (Unicode code points), never bytes, so "é" counts once.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace atelier::core {

inline constexpr std::size_t kMaxCardChars = 200;

// Replaces invalid UTF-8 sequences with U+FFFD, turns newlines and tabs into spaces, drops
// other control characters, collapses nothing else, and trims spaces at both ends.
std::string SanitizeCardText(std::string_view raw);

// Number of code points in valid UTF-8 (an invalid byte counts as one).
std::size_t CountChars(std::string_view utf8);

// The first max_chars code points of utf8 (never cuts inside a character).
std::string TruncateChars(std::string_view utf8, std::size_t max_chars);

// Decodes utf8 into code points, invalid bytes becoming U+FFFD.
std::u32string DecodeUtf8(std::string_view utf8);
std::string EncodeUtf8(char32_t code_point);
std::string EncodeUtf8(std::u32string_view code_points);

// s between double quotes, for messages that name a value ("…"). Appended piece by piece:
// GCC 12 at -O3 wrongly reports -Wrestrict on `"\"" + std::string` (GCC bug 105329).
std::string Quoted(std::string_view s);

// Byte length of the code point that ends at byte index end (0 when end == 0).
std::size_t PreviousCharLength(std::string_view utf8, std::size_t end);

}  // namespace atelier::core
