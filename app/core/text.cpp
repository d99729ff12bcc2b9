#include "core/text.h"

namespace atelier::core {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[i]; returns its length in bytes and sets cp (U+FFFD and
// length 1 for an invalid, overlong, surrogate or truncated sequence).
std::size_t DecodeOne(std::string_view s, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    cp = kReplacement;
    return 1;
  }
  if (i + len > s.size()) {
    cp = kReplacement;
    return 1;
  }
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      cp = kReplacement;
      return 1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    cp = kReplacement;
    return 1;
  }
  return len;
}

bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029; }

}  // namespace

std::u32string DecodeUtf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp;
    i += DecodeOne(utf8, i, cp);
    out.push_back(cp);
  }
  return out;
}

std::string EncodeUtf8(char32_t cp) {
  std::string out;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t cp : code_points) out += EncodeUtf8(cp);
  return out;
}

std::string SanitizeCardText(std::string_view raw) {
  std::u32string cps = DecodeUtf8(raw);
  std::u32string kept;
  kept.reserve(cps.size());
  for (char32_t cp : cps) {
    if (cp == '\n' || cp == '\r' || cp == '\t')
      kept.push_back(' ');
    else if (!IsControl(cp))
      kept.push_back(cp);
  }
  auto is_space = [](char32_t c) { return c == ' ' || c == 0xA0 || c == 0x202F; };
  std::size_t b = 0, e = kept.size();
  while (b < e && is_space(kept[b])) ++b;
  while (e > b && is_space(kept[e - 1])) --e;
  return EncodeUtf8(std::u32string_view(kept).substr(b, e - b));
}

std::size_t CountChars(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size(); ++n) {
    char32_t cp;
    i += DecodeOne(utf8, i, cp);
  }
  return n;
}

std::string TruncateChars(std::string_view utf8, std::size_t max_chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < utf8.size() && n < max_chars; ++n) {
    char32_t cp;
    i += DecodeOne(utf8, i, cp);
  }
  return std::string(utf8.substr(0, i));
}

std::size_t PreviousCharLength(std::string_view utf8, std::size_t end) {
  if (end == 0) return 0;
  // Walk back over continuation bytes (at most 3), then check the lead byte decodes to here.
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(utf8[start]) & 0xC0) == 0x80) --start;
  char32_t cp;
  if (start + DecodeOne(utf8, start, cp) == end) return end - start;
  return 1;  // invalid: remove a single byte
}

std::string Quoted(std::string_view s) {
  std::string quoted;
  quoted.reserve(s.size() + 2);
  quoted += '"';
  quoted += s;
  quoted += '"';
  return quoted;
}

}  // namespace atelier::core
