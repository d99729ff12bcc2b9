#include "net/catalogue.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace atelier::net {

std::string_view LanguageCode(Language l) { return l == Language::English ? "en" : "fr"; }

Language PickLanguage(std::string_view header, Language fallback) {
  // "en-GB,en;q=0.9,fr;q=0.8": entries by comma, each a tag and an optional q.
  Language best = fallback;
  double best_q = -1;
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view entry = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    std::size_t semi = entry.find(';');
    std::string_view tag = entry.substr(0, semi);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    double q = 1;
    if (semi != std::string_view::npos) {
      std::string_view params = entry.substr(semi + 1);
      std::size_t at = params.find("q=");
      if (at != std::string_view::npos) q = std::strtod(std::string(params.substr(at + 2, 5)).c_str(), nullptr);
    }
    std::string primary(tag.substr(0, tag.find('-')));
    std::transform(primary.begin(), primary.end(), primary.begin(), [](unsigned char c) { return std::tolower(c); });
    if ((primary == "fr" || primary == "en") && q > best_q) {
      best = primary == "fr" ? Language::French : Language::English;
      best_q = q;
    }
  }
  return best;
}

namespace {

// A GNU .mo file: magic, revision, count, offsets of the original and translation tables;
// each table entry is (length, offset) of a NUL-terminated string.
std::uint32_t Word(const std::vector<char>& data, std::size_t at, bool swap) {
  std::uint32_t w = 0;
  std::memcpy(&w, data.data() + at, 4);
  return swap ? __builtin_bswap32(w) : w;
}

}  // namespace

Catalogue Catalogue::Load(const std::filesystem::path& locale_dir) {
  Catalogue c;
  const std::filesystem::path file = locale_dir / "en" / "LC_MESSAGES" / "atelier.mo";
  std::ifstream in(file, std::ios::binary);
  std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 28) {
    c.m_problem = "no English catalogue at " + file.string();
    return c;
  }
  std::uint32_t magic = Word(data, 0, false);
  bool swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) {
    c.m_problem = file.string() + " is not a gettext catalogue";
    return c;
  }
  const std::uint32_t n = Word(data, 8, swap), originals = Word(data, 12, swap), translations = Word(data, 16, swap);
  auto text = [&](std::uint32_t table, std::uint32_t i, std::string& out) {
    std::size_t entry = static_cast<std::size_t>(table) + 8ull * i;
    if (entry + 8 > data.size()) return false;
    std::uint32_t len = Word(data, entry, swap), off = Word(data, entry + 4, swap);
    if (static_cast<std::size_t>(off) + len > data.size()) return false;
    out.assign(data.data() + off, len);
    return true;
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string id, str;
    if (!text(originals, i, id) || !text(translations, i, str)) {
      c.m_problem = file.string() + " is damaged";
      break;
    }
    if (id.empty() || id.find('\0') != std::string::npos || id.find('\x04') != std::string::npos) continue;
    c.m_english.emplace(std::move(id), std::move(str));  // plurals and contexts are not used here
  }
  return c;
}

std::string Catalogue::Say(Language language, std::string_view french, const std::vector<std::string>& args) const {
  std::string out(french);
  if (language == Language::English)
    if (auto it = m_english.find(out); it != m_english.end() && !it->second.empty()) out = it->second;
  int index = 1;
  for (const std::string& arg : args) {
    std::string mark = "{";
    mark += std::to_string(index++);
    mark += '}';
    for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark, at + arg.size()))
      out.replace(at, mark.size(), arg);
  }
  return out;
}

}  // namespace atelier::net
