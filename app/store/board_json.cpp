// Sections: reading helpers · event payloads · whole events · board export.
#include "store/board_json.h"

#include <cmath>

#include "store/json_values.h"

namespace atelier::store {

namespace {

using nlohmann::json;

struct Problem {
  std::string what;
};

const json& Field(const json& j, const char* key, std::string_view type) {
  if (!j.is_object() || !j.contains(key))
    throw Problem{std::string(type) + " payload has no \"" + key + "\""};
  return j[key];
}

std::int64_t ReadInt(const json& j, const char* key, std::string_view type) {
  const json& v = Field(j, key, type);
  if (!v.is_number_integer()) throw Problem{std::string(type) + " payload: \"" + key + "\" must be an integer"};
  return v.get<std::int64_t>();
}

std::string ReadText(const json& j, const char* key, std::string_view type) {
  const json& v = Field(j, key, type);
  if (!v.is_string()) throw Problem{std::string(type) + " payload: \"" + key + "\" must be a text"};
  return v.get<std::string>();
}

core::MapPoint ReadPoint(const json& j, const char* key, std::string_view type) {
  auto p = PointFromJson(Field(j, key, type));
  if (!p) throw Problem{std::string(type) + " payload: \"" + key + "\" must be [x, y]"};
  return *p;
}

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace

json EventDataToJson(const core::EventData& data) {
  return std::visit(
      Overloaded{
          [](const core::CardAdded& e) {
            return json{{"id", e.id}, {"text", e.text}, {"colour", e.colour}, {"at", PointToJson(e.at)}};
          },
          [](const core::CardMoved& e) {
            return json{{"id", e.id}, {"from", PointToJson(e.from)}, {"to", PointToJson(e.to)}};
          },
          [](const core::CardEdited& e) {
            return json{{"id", e.id},
                        {"old_text", e.old_text},
                        {"old_colour", e.old_colour},
                        {"text", e.text},
                        {"colour", e.colour}};
          },
          [](const core::CardDeleted& e) { return json{{"id", e.id}}; },
          [](const core::CardRestored& e) { return json{{"id", e.id}}; },
      },
      data);
}

core::Result<core::EventData> EventDataFromJson(std::string_view type, const json& p) {
  try {
    if (type == "card_added")
      return core::EventData{core::CardAdded{ReadInt(p, "id", type), ReadText(p, "text", type),
                                             ReadText(p, "colour", type), ReadPoint(p, "at", type)}};
    if (type == "card_moved")
      return core::EventData{
          core::CardMoved{ReadInt(p, "id", type), ReadPoint(p, "from", type), ReadPoint(p, "to", type)}};
    if (type == "card_edited")
      return core::EventData{core::CardEdited{ReadInt(p, "id", type), ReadText(p, "old_text", type),
                                              ReadText(p, "old_colour", type), ReadText(p, "text", type),
                                              ReadText(p, "colour", type)}};
    if (type == "card_deleted") return core::EventData{core::CardDeleted{ReadInt(p, "id", type)}};
    if (type == "card_restored") return core::EventData{core::CardRestored{ReadInt(p, "id", type)}};
  } catch (const Problem& e) {
    return core::Error{e.what};
  }
  return core::Error{"unknown event type \"" + std::string(type) + "\""};
}

std::optional<core::Actor> ActorFromName(std::string_view name) {
  for (core::Actor a : {core::Actor::Kiosk, core::Actor::Facilitator, core::Actor::Phone})
    if (core::ActorName(a) == name) return a;
  return std::nullopt;
}

nlohmann::ordered_json EventToJson(const core::Event& e) {
  nlohmann::ordered_json j;  // field order as documented, for people reading the file
  j["seq"] = e.seq;
  j["t_ms"] = e.t_ms;
  j["actor"] = core::ActorName(e.actor);
  j["type"] = core::EventTypeName(e.data);
  j["payload"] = EventDataToJson(e.data);
  return j;
}

core::Result<core::Event> EventFromJson(const json& j) {
  if (!j.is_object()) return core::Error{"an event must be a JSON object"};
  for (const char* key : {"seq", "t_ms"})
    if (!j.contains(key) || !j[key].is_number_integer())
      return core::Error{std::string("event has no integer \"") + key + "\""};
  if (!j.contains("actor") || !j["actor"].is_string()) return core::Error{"event has no \"actor\""};
  if (!j.contains("type") || !j["type"].is_string()) return core::Error{"event has no \"type\""};
  if (!j.contains("payload")) return core::Error{"event has no \"payload\""};
  auto actor = ActorFromName(j["actor"].get<std::string>());
  if (!actor) return core::Error{"unknown actor \"" + j["actor"].get<std::string>() + "\""};
  auto data = EventDataFromJson(j["type"].get<std::string>(), j["payload"]);
  if (!data) return data.error();
  return core::Event{.seq = j["seq"].get<std::int64_t>(),
                     .t_ms = j["t_ms"].get<std::int64_t>(),
                     .actor = *actor,
                     .data = std::move(*data)};
}

nlohmann::ordered_json BoardToJsonValue(const core::Board& board, std::string_view lang) {
  const core::Template& t = board.map_template();
  nlohmann::ordered_json out;
  out["template"] = t.id;
  out["title"] = t.title.In(lang);
  out["cards"] = nlohmann::ordered_json::array();
  for (const auto& [id, card] : board.cards()) {
    nlohmann::ordered_json c;
    c["id"] = card.id;
    c["text"] = card.text;
    c["colour"] = card.colour;
    auto colour = core::FindColour(card.colour);
    c["colour_name"] = std::string(colour && lang == "fr" ? colour->french_name : std::string_view(card.colour));
    const core::Zone* zone = board.ZoneOf(card);
    c["zone"] = zone ? nlohmann::ordered_json(zone->id) : nlohmann::ordered_json(nullptr);
    c["zone_label"] = zone ? zone->label.In(lang) : std::string();
    c["impact"] = std::round(static_cast<double>(core::ImpactAt(card.at)) * 1000.0) / 1000.0;
    c["x"] = FloatForJson(card.at.x);
    c["y"] = FloatForJson(card.at.y);
    c["z"] = card.z;
    c["votes"] = card.votes;
    c["created_ms"] = card.created_ms;
    c["changed_ms"] = card.changed_ms;
    out["cards"].push_back(std::move(c));
  }
  out["last_event_ms"] = board.last_event_ms();
  return out;
}

std::string BoardToJson(const core::Board& board, std::string_view lang) {
  return BoardToJsonValue(board, lang).dump(2);
}

}  // namespace atelier::store
