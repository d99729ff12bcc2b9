#include "store/sessions_dir.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/text.h"
#include "store/session_file.h"
#include "store/wall_time.h"

namespace atelier::store {

namespace fs = std::filesystem;

fs::path DataDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "atelier";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local/share/atelier";
}

fs::path DefaultSessionsDir() { return DataDir() / "sessions"; }

namespace {

// ASCII for the Latin letters French (and its neighbours) use; nullptr: a separator.
const char* Ascii(char32_t c) {
  if (c < 0x80) return nullptr;
  struct Map {
    std::u32string_view from;
    const char* to;
  };
  static constexpr Map kMaps[] = {
      {U"àáâãäåāÀÁÂÃÄÅĀ", "a"}, {U"çćčÇĆČ", "c"}, {U"èéêëēęěÈÉÊËĒĘĚ", "e"}, {U"ìíîïīÌÍÎÏĪ", "i"},
      {U"ñńňÑŃŇ", "n"},         {U"òóôõöøōÒÓÔÕÖØŌ", "o"}, {U"ùúûüūůÙÚÛÜŪŮ", "u"}, {U"ýÿÝŸ", "y"},
      {U"œŒ", "oe"},            {U"æÆ", "ae"},   {U"ß", "ss"},       {U"šśŠŚ", "s"},    {U"žźżŽŹŻ", "z"},
      {U"łŁ", "l"},             {U"ďĎ", "d"},    {U"řŘ", "r"},       {U"ťŤ", "t"},      {U"ğĞ", "g"},
  };
  for (const Map& m : kMaps)
    if (m.from.find(c) != std::u32string_view::npos) return m.to;
  return nullptr;
}

}  // namespace

std::string Slugify(std::string_view title) {
  std::string out;
  bool sep = false;
  for (char32_t c : core::DecodeUtf8(title)) {
    std::string piece;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) piece = static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') piece = static_cast<char>(c - 'A' + 'a');
    else if (const char* a = Ascii(c)) piece = a;
    if (piece.empty()) {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out += '-';
    sep = false;
    out += piece;
  }
  if (out.size() > 60) {
    out.resize(60);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out.empty() ? "session" : out;
}

std::string SessionFileName(std::string_view title, std::int64_t epoch_ms, int utc_offset_minutes) {
  std::string local = IsoLocal(epoch_ms, utc_offset_minutes);  // 2026-11-16T14:05:03+01:00
  std::string stamp = local.substr(0, 10) + "_" + local.substr(11, 2) + "-" + local.substr(14, 2);
  return stamp + "_" + Slugify(title) + kSessionExtension;
}

fs::path NewSessionPath(const fs::path& dir, std::string_view title, std::int64_t epoch_ms, int utc_offset_minutes) {
  std::string name = SessionFileName(title, epoch_ms, utc_offset_minutes);
  std::string stem = name.substr(0, name.size() - std::string_view(kSessionExtension).size());
  fs::path p = dir / name;
  std::error_code ec;
  for (int n = 2; fs::exists(p, ec); ++n) p = dir / (stem + "-" + std::to_string(n) + kSessionExtension);
  return p;
}

std::vector<SessionSummary> ListSessions(const fs::path& dir) {
  std::vector<SessionSummary> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec) || entry.path().extension() != kSessionExtension) continue;
    auto opened = SessionFile::OpenReadOnly(entry.path());
    if (!opened) continue;
    const SessionFile& s = *opened.session;
    out.push_back(SessionSummary{.path = entry.path(),
                                 .title = s.meta().title,
                                 .template_id = s.meta().map_template.id,
                                 .created_ms = s.meta().created_ms,
                                 .utc_offset_minutes = s.meta().utc_offset_minutes,
                                 .duration_ms = s.board().last_event_ms(),
                                 .events = s.next_seq() - 1,
                                 .cards = static_cast<int>(s.board().cards().size()),
                                 .ended = s.meta().ended_ms.has_value()});
  }
  std::sort(out.begin(), out.end(), [](const SessionSummary& a, const SessionSummary& b) {
    return a.created_ms != b.created_ms ? a.created_ms > b.created_ms : a.path > b.path;
  });
  return out;
}

std::optional<fs::path> LastUnendedSession(const fs::path& dir) {
  auto all = ListSessions(dir);
  if (all.empty() || all.front().ended) return std::nullopt;
  return all.front().path;
}

}  // namespace atelier::store
