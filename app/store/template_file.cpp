// Sections: reading helpers (labels, colours, areas) · ParseTemplate · writing · FindTemplate.
#include "store/template_file.h"

#include <fstream>
#include <set>
#include <sstream>

#include "core/text.h"
#include "store/json_values.h"

namespace atelier::store {

namespace {

using nlohmann::json;

// Thrown inside this file only; becomes an Error with the source name in front.
struct Problem {
  std::string what;
};

using core::Quoted;

void CheckKeys(const json& obj, std::initializer_list<std::string_view> allowed, const std::string& where) {
  for (const auto& [key, value] : obj.items()) {
    bool known = key == "comment";  // free notes for the template's author
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) throw Problem{where + " has an unknown key " + Quoted(key)};
  }
}

core::Label ReadLabel(const json& j, const std::string& what) {
  if (j.is_string()) return core::Label{j.get<std::string>(), ""};
  if (j.is_object()) {
    CheckKeys(j, {"fr", "en"}, what);
    if (!j.contains("fr") || !j["fr"].is_string()) throw Problem{what + " has no French text (\"fr\")"};
    core::Label label{j["fr"].get<std::string>(), ""};
    if (j.contains("en")) {
      if (!j["en"].is_string()) throw Problem{what + ": \"en\" must be a text"};
      label.en = j["en"].get<std::string>();
    }
    return label;
  }
  throw Problem{what + " must be a text or {\"fr\": \"…\", \"en\": \"…\"}"};
}

core::Rgb ReadColour(const json& j, const std::string& what) {
  if (j.is_string())
    if (auto c = RgbFromHex(j.get<std::string>())) return *c;
  throw Problem{what + " must be a colour written \"#rrggbb\", not " + j.dump()};
}

core::Axis ReadAxis(const json& j, const std::string& name) {
  const std::string where = "the " + Quoted(name) + " axis";
  if (!j.is_object()) throw Problem{where + " must be an object with \"title\", \"low\" and \"high\""};
  CheckKeys(j, {"title", "low", "high"}, where);
  core::Axis axis;
  if (j.contains("title")) axis.title = ReadLabel(j["title"], where + " title");
  if (j.contains("low")) axis.low = ReadLabel(j["low"], where + " \"low\" end");
  if (j.contains("high")) axis.high = ReadLabel(j["high"], where + " \"high\" end");
  return axis;
}

core::Rect ReadArea(const json& j, const std::string& zone) {
  const std::string msg = zone + ": \"area\" must be [x, y, width, height] with numbers from 0 to 1";
  if (!j.is_array() || j.size() != 4) throw Problem{msg};
  float v[4];
  for (int i = 0; i < 4; ++i) {
    if (!j[i].is_number()) throw Problem{msg};
    double d = j[i].get<double>();
    if (!(d >= 0.0 && d <= 1.0)) throw Problem{msg};
    v[i] = static_cast<float>(d);
  }
  core::Rect r{v[0], v[1], v[2], v[3]};
  if (r.w <= 0 || r.h <= 0) throw Problem{zone + ": \"area\" has no width or no height"};
  constexpr float kSlack = 1e-4f;
  if (r.x + r.w > 1 + kSlack || r.y + r.h > 1 + kSlack) throw Problem{zone + ": \"area\" goes past the edge of the map"};
  return r;
}

core::Background ReadBackground(const json& j) {
  if (j == "grid") return core::Background::Grid;
  if (j == "dots") return core::Background::Dots;
  if (j == "plain") return core::Background::Plain;
  throw Problem{"\"background\" must be \"grid\", \"dots\" or \"plain\", not " + j.dump()};
}

core::Template ReadTemplate(const json& j) {
  if (!j.is_object()) throw Problem{"a template must be a JSON object { … }"};
  CheckKeys(j, {"$schema", "format", "id", "title", "horizontal", "vertical", "zones", "background", "paper"},
            "the template");
  core::Template t;
  if (!j.contains("id")) throw Problem{"the template has no \"id\""};
  if (!j["id"].is_string() || j["id"].get<std::string>().empty()) throw Problem{"\"id\" must be a non-empty text"};
  t.id = j["id"].get<std::string>();
  if (!j.contains("title")) throw Problem{"the template has no \"title\""};
  t.title = ReadLabel(j["title"], "the title");
  if (j.contains("horizontal")) t.horizontal = ReadAxis(j["horizontal"], "horizontal");
  if (j.contains("vertical")) t.vertical = ReadAxis(j["vertical"], "vertical");
  if (j.contains("background")) t.background = ReadBackground(j["background"]);
  if (j.contains("paper")) t.paper = ReadColour(j["paper"], "\"paper\"");
  if (j.contains("zones")) {
    if (!j["zones"].is_array()) throw Problem{"\"zones\" must be a list [ … ]"};
    std::set<std::string> ids;
    int n = 0;
    for (const json& z : j["zones"]) {
      const std::string where = "zone " + std::to_string(++n);
      if (!z.is_object()) throw Problem{where + " must be an object { … }"};
      CheckKeys(z, {"id", "label", "area", "tint"}, where);
      core::Zone zone;
      if (!z.contains("id")) throw Problem{where + " has no \"id\""};
      if (!z["id"].is_string() || z["id"].get<std::string>().empty())
        throw Problem{where + ": \"id\" must be a non-empty text"};
      zone.id = z["id"].get<std::string>();
      if (!ids.insert(zone.id).second) throw Problem{where + ": the id " + Quoted(zone.id) + " is used twice"};
      if (!z.contains("label")) throw Problem{where + " has no \"label\""};
      zone.label = ReadLabel(z["label"], where + " label");
      if (!z.contains("area")) throw Problem{where + " has no \"area\""};
      zone.area = ReadArea(z["area"], where);
      zone.tint = z.contains("tint") ? ReadColour(z["tint"], where + " \"tint\"") : core::Rgb{0xff, 0xff, 0xff};
      t.zones.push_back(std::move(zone));
    }
  }
  return t;
}

// "line L, column C: message" from nlohmann's "[json.exception.parse_error.101] parse error at
// line L, column C: message".
std::string SyntaxMessage(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  const std::string marker = "parse error at line ";
  auto at = what.find(marker);
  if (at == std::string::npos) return "JSON syntax error: " + what;
  std::string rest = what.substr(at + marker.size());  // "L, column C: message"
  auto comma = rest.find(", column ");
  auto colon = rest.find(": ");
  if (comma == std::string::npos || colon == std::string::npos) return "JSON syntax error: " + what;
  std::string line = rest.substr(0, comma);
  std::string column = rest.substr(comma + 9, colon - comma - 9);
  return line + ":" + column + ": JSON syntax error: " + rest.substr(colon + 2);
}

json LabelToJson(const core::Label& l) {
  if (l.en.empty()) return l.fr;
  return json{{"fr", l.fr}, {"en", l.en}};
}

nlohmann::ordered_json AxisToJson(const core::Axis& a) {
  nlohmann::ordered_json j;
  j["title"] = LabelToJson(a.title);
  j["low"] = LabelToJson(a.low);
  j["high"] = LabelToJson(a.high);
  return j;
}

std::string_view BackgroundName(core::Background b) {
  switch (b) {
    case core::Background::Plain: return "plain";
    case core::Background::Dots: return "dots";
    case core::Background::Grid: return "grid";
  }
  return "grid";
}

}  // namespace

core::Result<core::Template> TemplateFromJsonValue(const nlohmann::json& j, std::string_view source_name) {
  try {
    return ReadTemplate(j);
  } catch (const Problem& p) {
    return core::Error{std::string(source_name) + ": " + p.what};
  } catch (const nlohmann::json::exception& e) {  // not expected: every access is checked first
    return core::Error{std::string(source_name) + ": " + e.what()};
  }
}

core::Result<core::Template> ParseTemplate(std::string_view text, std::string_view source_name) {
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
      return core::Error{std::string(source_name) + ": the file is empty"};
    std::string msg = SyntaxMessage(e);
    // "L:C: …" reads as source:L:C: like a compiler's message.
    return core::Error{std::string(source_name) + ":" + msg};
  }
  return TemplateFromJsonValue(j, source_name);
}

core::Result<core::Template> LoadTemplate(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return core::Error{path.string() + ": no such template file"};
    return core::Error{path.string() + ": cannot read the file"};
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseTemplate(buf.str(), path.string());
}

std::filesystem::path FindTemplate(std::string_view name_or_path, const std::filesystem::path& templates_dir) {
  std::string s(name_or_path);
  bool is_path = s.find('/') != std::string::npos || (s.size() >= 5 && s.ends_with(".json"));
  if (is_path) return std::filesystem::path(s);
  return templates_dir / (s + ".json");
}

nlohmann::ordered_json TemplateToJsonValue(const core::Template& t) {
  nlohmann::ordered_json j;
  j["id"] = t.id;
  j["title"] = LabelToJson(t.title);
  j["horizontal"] = AxisToJson(t.horizontal);
  j["vertical"] = AxisToJson(t.vertical);
  j["background"] = BackgroundName(t.background);
  j["paper"] = RgbToHex(t.paper);
  j["zones"] = nlohmann::ordered_json::array();
  for (const core::Zone& z : t.zones) {
    nlohmann::ordered_json zj;
    zj["id"] = z.id;
    zj["label"] = LabelToJson(z.label);
    zj["area"] = {FloatForJson(z.area.x), FloatForJson(z.area.y), FloatForJson(z.area.w), FloatForJson(z.area.h)};
    zj["tint"] = RgbToHex(z.tint);
    j["zones"].push_back(std::move(zj));
  }
  return j;
}

std::string TemplateToJson(const core::Template& t) { return TemplateToJsonValue(t).dump(2); }

}  // namespace atelier::store
