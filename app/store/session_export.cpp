// Sections: JSON Lines export / import · CSV · board JSON · info · writing files.
#include "store/session_export.h"

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>

#include "core/palette.h"
#include "store/board_json.h"
#include "store/json_values.h"
#include "store/template_file.h"
#include "store/wall_time.h"

namespace atelier::store {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {
std::string Dump(const ordered_json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Duration(std::int64_t ms) {
  std::int64_t min = ms / 60000;
  if (min < 60) return std::to_string(min) + " min";
  return std::to_string(min / 60) + " h " + (min % 60 < 10 ? "0" : "") + std::to_string(min % 60);
}
}  // namespace

// ---- JSON Lines ----------------------------------------------------------------------------

ordered_json JsonLinesHeader(const SessionMeta& m) {
  ordered_json h;
  h["format"] = "atelier-session";
  h["version"] = kFormatVersion;
  h["app_version"] = m.app_version;
  h["title"] = m.title;
  h["template"] = TemplateToJsonValue(m.map_template);
  h["started_at"] = m.created_at;
  h["started_ms"] = m.created_ms;
  h["time_zone"] = m.time_zone;
  h["utc_offset_minutes"] = m.utc_offset_minutes;
  if (m.ended_ms) {
    h["ended_at"] = IsoUtc(*m.ended_ms);
    h["ended_ms"] = *m.ended_ms;
  }
  return h;
}

std::string HeaderJsonLine(const SessionMeta& meta) { return Dump(JsonLinesHeader(meta)); }
std::string EventJsonLine(const core::Event& event) { return Dump(EventToJson(event)); }

std::string ToJsonLines(const LoadedSession& s) {
  std::string out = HeaderJsonLine(s.meta) + "\n";
  for (const core::Event& e : s.events) out += EventJsonLine(e) + "\n";
  return out;
}

core::Result<LoadedSession> FromJsonLines(std::istream& in, std::string_view source_name) {
  const std::string src(source_name);
  std::string line;
  int n = 0;
  auto err = [&](const std::string& what) { return core::Error{src + ":" + std::to_string(n) + ": " + what}; };
  LoadedSession s;
  bool have_header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return err("not valid JSON");
    if (!have_header) {
      if (!j.is_object() || j.value("format", "") != "atelier-session")
        return err("not an Atelier session export (the first line must have \"format\": \"atelier-session\")");
      if (!j.contains("version") || !j["version"].is_number_integer()) return err("header has no \"version\"");
      if (j["version"].get<int>() > kFormatVersion)
        return err("written by a newer Atelier (format " + std::to_string(j["version"].get<int>()) + ")");
      if (!j.contains("template")) return err("header has no \"template\"");
      auto tmpl = TemplateFromJsonValue(j["template"], "template");
      if (!tmpl) return err(tmpl.error().message);
      if (!j.contains("started_ms") || !j["started_ms"].is_number_integer()) return err("header has no \"started_ms\"");
      s.meta.format_version = j["version"].get<int>();
      s.meta.app_version = j.value("app_version", "");
      s.meta.title = j.value("title", "");
      s.meta.map_template = std::move(*tmpl);
      s.meta.created_ms = j["started_ms"].get<std::int64_t>();
      s.meta.created_at = IsoUtc(s.meta.created_ms);
      s.meta.time_zone = j.value("time_zone", "");
      s.meta.utc_offset_minutes = j.value("utc_offset_minutes", 0);
      if (j.contains("ended_ms") && j["ended_ms"].is_number_integer()) s.meta.ended_ms = j["ended_ms"].get<std::int64_t>();
      s.board = core::Board(s.meta.map_template);
      have_header = true;
      continue;
    }
    auto e = EventFromJson(j);
    if (!e) return err(e.error().message);
    if (e->seq != static_cast<std::int64_t>(s.events.size()) + 1)
      return err("event seq " + std::to_string(e->seq) + " out of order (expected " +
                 std::to_string(s.events.size() + 1) + ")");
    s.board.Apply(*e);
    s.events.push_back(std::move(*e));
  }
  if (!have_header) return core::Error{src + ": empty file, not an Atelier session export"};
  return s;
}

core::Status ImportJsonLines(const fs::path& jsonl, const fs::path& new_session) {
  std::ifstream in(jsonl, std::ios::binary);
  if (!in) return core::Error{jsonl.string() + ": cannot read the file"};
  auto parsed = FromJsonLines(in, jsonl.string());
  if (!parsed) return parsed.error();
  std::error_code ec;
  if (fs::exists(new_session, ec)) return core::Error{new_session.string() + ": already exists, not overwritten"};
  const SessionMeta& m = parsed->meta;
  auto opened = SessionFile::Open(new_session, NewSession{.title = m.title,
                                                         .map_template = m.map_template,
                                                         .created_ms = m.created_ms,
                                                         .time_zone = m.time_zone,
                                                         .utc_offset_minutes = m.utc_offset_minutes});
  if (!opened) return core::Error{opened.message.en};
  if (auto st = opened.session->AppendBatch(parsed->events); !st) {
    opened.session.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(new_session.string() + suffix, ec);
    return core::Error{new_session.string() + ": " + st.error().message};
  }
  if (m.ended_ms)
    if (auto st = opened.session->End(*m.ended_ms); !st) return core::Error{new_session.string() + ": cannot write"};
  return core::Ok{};
}

// ---- CSV -------------------------------------------------------------------------------------

std::string CsvCell(std::string_view text, bool neutralise_formula) {
  std::string v(text);
  if (neutralise_formula && !v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ToCsv(const LoadedSession& s, std::string_view lang) {
  const bool fr = lang != "en";
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  out += fr ? "id,texte,couleur,zone,impact,x,y,votes,créée,modifiée\r\n"
            : "id,text,colour,zone,impact,x,y,votes,created,changed\r\n";
  const std::int64_t start = s.meta.created_ms;
  const int off = s.meta.utc_offset_minutes;
  for (const auto& [id, c] : s.board.cards()) {
    auto colour = core::FindColour(c.colour);
    std::string colour_name = colour && fr ? std::string(colour->french_name) : c.colour;
    const core::Zone* zone = s.board.ZoneOf(c);
    std::string row;
    row += std::to_string(c.id) + ",";
    row += CsvCell(c.text) + ",";
    row += CsvCell(colour_name) + ",";
    row += CsvCell(zone ? zone->label.In(lang) : std::string()) + ",";
    double impact = std::round(static_cast<double>(core::ImpactAt(c.at)) * 100.0) / 100.0;
    row += Fixed(impact == 0 ? 0.0 : impact, 2) + ",";
    row += Fixed(c.at.x, 4) + "," + Fixed(c.at.y, 4) + ",";
    row += std::to_string(c.votes) + ",";
    row += IsoLocal(start + c.created_ms, off) + ",";
    row += IsoLocal(start + c.changed_ms, off) + "\r\n";
    out += row;
  }
  return out;
}

// ---- board JSON ------------------------------------------------------------------------------

std::string ToBoardJson(const LoadedSession& s, std::string_view lang) {
  ordered_json j;
  j["session"] = s.meta.title;
  j["started_at"] = s.meta.created_at;
  ordered_json board = BoardToJsonValue(s.board, lang);
  for (auto& [key, value] : board.items()) j[key] = value;
  for (auto& card : j["cards"]) {
    card["created_at"] = IsoLocal(s.meta.created_ms + card["created_ms"].get<std::int64_t>(), s.meta.utc_offset_minutes);
    card["changed_at"] = IsoLocal(s.meta.created_ms + card["changed_ms"].get<std::int64_t>(), s.meta.utc_offset_minutes);
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace);
}

// ---- info ------------------------------------------------------------------------------------

ordered_json InfoJson(const LoadedSession& s) {
  const SessionMeta& m = s.meta;
  ordered_json j;
  j["title"] = m.title;
  j["template"] = m.map_template.id;
  j["template_title"] = m.map_template.title.fr;
  j["started_at"] = IsoLocal(m.created_ms, m.utc_offset_minutes);
  j["time_zone"] = m.time_zone;
  const std::int64_t duration = s.events.empty() ? 0 : s.events.back().t_ms;
  j["duration_ms"] = duration;
  j["ended"] = m.ended_ms.has_value();
  if (m.ended_ms) j["ended_at"] = IsoLocal(*m.ended_ms, m.utc_offset_minutes);
  j["events"] = s.events.size();
  j["cards"] = s.board.cards().size();
  ordered_json zones = ordered_json::array();
  std::map<std::string, int> count;
  int outside = 0;
  for (const auto& [id, c] : s.board.cards()) {
    if (const core::Zone* z = s.board.ZoneOf(c)) ++count[z->id];
    else ++outside;
  }
  for (const core::Zone& z : m.map_template.zones)
    zones.push_back(ordered_json{{"id", z.id}, {"label", z.label.fr}, {"cards", count[z.id]}});
  j["cards_per_zone"] = zones;
  j["cards_outside_zones"] = outside;
  j["format_version"] = m.format_version;
  j["app_version"] = m.app_version;
  return j;
}

std::string InfoText(const LoadedSession& s) {
  ordered_json j = InfoJson(s);
  std::string out;
  out += "title: " + s.meta.title + "\n";
  out += "template: " + s.meta.map_template.id + " (" + s.meta.map_template.title.In("en") + ")\n";
  out += "started: " + j["started_at"].get<std::string>() + (s.meta.time_zone.empty() ? "" : " " + s.meta.time_zone) + "\n";
  out += "duration: " + Duration(j["duration_ms"].get<std::int64_t>()) + "\n";
  out += std::string("ended: ") + (s.meta.ended_ms ? j["ended_at"].get<std::string>() : "no") + "\n";
  out += "events: " + std::to_string(s.events.size()) + "\n";
  out += "cards: " + std::to_string(s.board.cards().size()) + "\n";
  for (std::size_t i = 0; i < s.meta.map_template.zones.size(); ++i)
    out += "  " + s.meta.map_template.zones[i].label.In("en") + ": " +
           std::to_string(j["cards_per_zone"][i]["cards"].get<int>()) + "\n";
  if (!s.meta.map_template.zones.empty() || j["cards_outside_zones"].get<int>() > 0)
    out += "  (outside zones): " + std::to_string(j["cards_outside_zones"].get<int>()) + "\n";
  out += "format version: " + std::to_string(s.meta.format_version) + "\n";
  return out;
}

// ---- writing files ---------------------------------------------------------------------------

core::Status WriteTextFile(const fs::path& path, std::string_view text) {
  const std::string tmp = path.string() + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return core::Error{path.string() + ": cannot write (" + std::strerror(errno) + ")"};
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return core::Error{path.string() + ": cannot write (" + why + ")"};
    }
    done += static_cast<std::size_t>(n);
  }
  bool ok = ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return core::Error{path.string() + ": cannot write (" + why + ")"};
  }
  return core::Ok{};
}

}  // namespace atelier::store
