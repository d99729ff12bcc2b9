// Sections: reading helpers · event payloads · whole events · board export.
#include "store/board_json.h"

#include <cmath>

#include "core/pile.h"
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

}  // namespace

json EventDataToJson(const core::EventData& data) {
  return std::visit(
      [](const auto& e) -> json {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, core::CardAdded>) {
          json j{{"id", e.id}, {"text", e.text}, {"colour", e.colour}, {"at", PointToJson(e.at)}};
          if (!e.phone.empty()) j["phone"] = e.phone;  // sent from a phone (docs/phones.md)
          if (e.inbox != 0) j["inbox"] = e.inbox;  // accepted from the phones' inbox
          if (!e.phone_text.empty()) j["phone_text"] = e.phone_text;  // edited before: what the phone wrote
          return j;
        } else if constexpr (std::is_same_v<E, core::InboxReceived>) {
          json j{{"inbox", e.inbox}, {"text", e.text}, {"colour", e.colour}, {"phone", e.phone}, {"key", e.key}};
          if (!e.zone.empty()) j["zone"] = e.zone;
          return j;
        } else if constexpr (std::is_same_v<E, core::InboxRefused>) {
          return json{{"inbox", e.inbox}};
        } else if constexpr (std::is_same_v<E, core::CardMoved>) {
          return json{{"id", e.id}, {"from", PointToJson(e.from)}, {"to", PointToJson(e.to)}};
        } else if constexpr (std::is_same_v<E, core::CardEdited>) {
          return json{{"id", e.id},
                      {"old_text", e.old_text},
                      {"old_colour", e.old_colour},
                      {"text", e.text},
                      {"colour", e.colour}};
        } else if constexpr (std::is_same_v<E, core::PhaseStarted>) {
          return json{{"name", e.name}, {"kind", core::PhaseKindName(e.kind)}, {"duration_ms", e.duration_ms}};
        } else if constexpr (std::is_same_v<E, core::PhaseEnded>) {
          return json{{"name", e.name}};
        } else if constexpr (std::is_same_v<E, core::TimerExtended>) {
          return json{{"by_ms", e.by_ms}};
        } else if constexpr (std::is_same_v<E, core::VotesReset>) {
          json before = json::array();
          for (const auto& [id, votes] : e.before) before.push_back(json::array({id, votes}));
          return json{{"before", std::move(before)}};
        } else if constexpr (std::is_same_v<E, core::LabelRenamed>) {
          return json{{"key", e.key}, {"old_text", e.old_text}, {"text", e.text}};
        } else if constexpr (std::is_same_v<E, core::CardsArranged>) {
          json moves = json::array();
          for (const core::CardMoved& m : e.moves)
            moves.push_back(json{{"id", m.id}, {"from", PointToJson(m.from)}, {"to", PointToJson(m.to)}});
          return json{{"moves", std::move(moves)}};
        } else if constexpr (std::is_same_v<E, core::CardSizeSet>) {
          return json{{"before", core::CardSizeChoiceName(e.before)}, {"size", core::CardSizeChoiceName(e.size)}};
        } else if constexpr (std::is_same_v<E, core::CardsPiled>) {
          json moves = json::array(), piles = json::array(), before = json::array();
          for (const core::CardMoved& m : e.moves)
            moves.push_back(json{{"id", m.id}, {"from", PointToJson(m.from)}, {"to", PointToJson(m.to)}});
          for (const core::Pile& p : e.piles) piles.push_back(json{{"id", p.id}, {"cards", p.cards}});
          for (const auto& [id, pile] : e.before) before.push_back(json::array({id, pile}));
          return json{{"moves", std::move(moves)}, {"piles", std::move(piles)}, {"before", std::move(before)}};
        } else if constexpr (std::is_same_v<E, core::PileSpread>) {
          json moves = json::array();
          for (const core::CardMoved& m : e.moves)
            moves.push_back(json{{"id", m.id}, {"from", PointToJson(m.from)}, {"to", PointToJson(m.to)}});
          return json{{"pile", e.pile}, {"moves", std::move(moves)}};
        } else if constexpr (std::is_same_v<E, core::ActionUndone> || std::is_same_v<E, core::ActionRedone>) {
          const core::EventData what = core::ToEventData(e.what);
          return json{{"seq", e.seq}, {"type", core::EventTypeName(what)}, {"payload", EventDataToJson(what)}};
        } else if constexpr (requires { e.id; }) {  // card_deleted, card_restored, card_voted, hidden, shown, erased
          return json{{"id", e.id}};
        } else {  // timer_paused, timer_resumed, board_locked, board_unlocked
          return json::object();
        }
      },
      data);
}

namespace {

core::PhaseKind ReadKind(const json& p, std::string_view type) {
  const std::string name = ReadText(p, "kind", type);
  for (core::PhaseKind k : {core::PhaseKind::PlaceCards, core::PhaseKind::Discuss, core::PhaseKind::Vote})
    if (core::PhaseKindName(k) == name) return k;
  throw Problem{std::string(type) + " payload: unknown \"kind\" \"" + name + "\""};
}

std::vector<std::pair<core::CardId, int>> ReadCounts(const json& p, std::string_view type) {
  const json& list = Field(p, "before", type);
  if (!list.is_array()) throw Problem{std::string(type) + " payload: \"before\" must be a list"};
  std::vector<std::pair<core::CardId, int>> out;
  for (const json& pair : list) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !pair[1].is_number_integer())
      throw Problem{std::string(type) + " payload: \"before\" holds [card id, votes] pairs"};
    out.emplace_back(pair[0].get<core::CardId>(), pair[1].get<int>());
  }
  return out;
}

core::CardSizeChoice ReadSizeChoice(const json& p, const char* key, std::string_view type) {
  const std::string name = ReadText(p, key, type);
  if (auto c = core::CardSizeChoiceFromName(name)) return *c;
  throw Problem{std::string(type) + " payload: unknown \"" + key + "\" \"" + name + "\""};
}

std::vector<core::CardMoved> ReadMoves(const json& p, std::string_view type) {
  const json& list = Field(p, "moves", type);
  if (!list.is_array()) throw Problem{std::string(type) + " payload: \"moves\" must be a list"};
  std::vector<core::CardMoved> out;
  out.reserve(list.size());
  for (const json& m : list)
    out.push_back({ReadInt(m, "id", type), ReadPoint(m, "from", type), ReadPoint(m, "to", type)});
  return out;
}

std::vector<core::Pile> ReadPiles(const json& p, std::string_view type) {
  const json& list = Field(p, "piles", type);
  if (!list.is_array()) throw Problem{std::string(type) + " payload: \"piles\" must be a list"};
  std::vector<core::Pile> out;
  for (const json& pile : list) {
    core::Pile one{ReadInt(pile, "id", type), {}};
    const json& cards = Field(pile, "cards", type);
    if (!cards.is_array()) throw Problem{std::string(type) + " payload: a pile's \"cards\" must be a list"};
    for (const json& id : cards) {
      if (!id.is_number_integer()) throw Problem{std::string(type) + " payload: a pile holds card ids"};
      one.cards.push_back(id.get<core::CardId>());
    }
    out.push_back(std::move(one));
  }
  return out;
}

std::vector<std::pair<core::CardId, core::CardId>> ReadPileBefore(const json& p, std::string_view type) {
  const json& list = Field(p, "before", type);
  if (!list.is_array()) throw Problem{std::string(type) + " payload: \"before\" must be a list"};
  std::vector<std::pair<core::CardId, core::CardId>> out;
  for (const json& pair : list) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !pair[1].is_number_integer())
      throw Problem{std::string(type) + " payload: \"before\" holds [card id, pile id] pairs"};
    out.emplace_back(pair[0].get<core::CardId>(), pair[1].get<core::CardId>());
  }
  return out;
}

// The event an undo or redo reverses; only undoable types are accepted there.
std::pair<std::int64_t, core::Undoable> ReadReversed(const json& p, std::string_view type) {
  const std::int64_t seq = ReadInt(p, "seq", type);
  const std::string inner = ReadText(p, "type", type);
  auto data = EventDataFromJson(inner, Field(p, "payload", type));
  if (!data) throw Problem{std::string(type) + ": " + data.error().message};
  std::optional<core::Undoable> what;
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_constructible_v<core::Undoable, E> &&
                      !std::is_same_v<E, core::ActionUndone> && !std::is_same_v<E, core::ActionRedone>)
          what = core::Undoable{e};
      },
      *data);
  if (!what) throw Problem{std::string(type) + " payload: \"" + inner + "\" cannot be undone"};
  return {seq, std::move(*what)};
}

}  // namespace

core::Result<core::EventData> EventDataFromJson(std::string_view type, const json& p) {
  using namespace core;
  try {
    if (type == "card_added")
      return EventData{CardAdded{ReadInt(p, "id", type), ReadText(p, "text", type), ReadText(p, "colour", type),
                                 ReadPoint(p, "at", type), p.contains("phone") ? ReadText(p, "phone", type) : "",
                                 p.contains("inbox") ? ReadInt(p, "inbox", type) : 0,
                                 p.contains("phone_text") ? ReadText(p, "phone_text", type) : ""}};
    if (type == "inbox_received")
      return EventData{InboxReceived{ReadInt(p, "inbox", type), ReadText(p, "text", type), ReadText(p, "colour", type),
                                     p.contains("zone") ? ReadText(p, "zone", type) : "", ReadText(p, "phone", type),
                                     ReadText(p, "key", type)}};
    if (type == "inbox_refused") return EventData{InboxRefused{ReadInt(p, "inbox", type)}};
    if (type == "card_moved")
      return EventData{CardMoved{ReadInt(p, "id", type), ReadPoint(p, "from", type), ReadPoint(p, "to", type)}};
    if (type == "card_edited")
      return EventData{CardEdited{ReadInt(p, "id", type), ReadText(p, "old_text", type),
                                  ReadText(p, "old_colour", type), ReadText(p, "text", type),
                                  ReadText(p, "colour", type)}};
    if (type == "card_deleted") return EventData{CardDeleted{ReadInt(p, "id", type)}};
    if (type == "card_restored") return EventData{CardRestored{ReadInt(p, "id", type)}};
    if (type == "phase_started")
      return EventData{PhaseStarted{ReadText(p, "name", type), ReadKind(p, type), ReadInt(p, "duration_ms", type)}};
    if (type == "phase_ended") return EventData{PhaseEnded{ReadText(p, "name", type)}};
    if (type == "timer_extended") return EventData{TimerExtended{ReadInt(p, "by_ms", type)}};
    if (type == "card_voted") return EventData{CardVoted{ReadInt(p, "id", type)}};
    if (type == "votes_reset") return EventData{VotesReset{ReadCounts(p, type)}};
    if (type == "card_hidden") return EventData{CardHidden{ReadInt(p, "id", type)}};
    if (type == "card_shown") return EventData{CardShown{ReadInt(p, "id", type)}};
    if (type == "card_erased") return EventData{CardErased{ReadInt(p, "id", type)}};
    if (type == "label_renamed")
      return EventData{LabelRenamed{ReadText(p, "key", type), ReadText(p, "old_text", type), ReadText(p, "text", type)}};
    if (type == "cards_arranged") return EventData{CardsArranged{ReadMoves(p, type)}};
    if (type == "card_size_set")
      return EventData{CardSizeSet{ReadSizeChoice(p, "before", type), ReadSizeChoice(p, "size", type)}};
    if (type == "cards_piled")
      return EventData{CardsPiled{ReadMoves(p, type), ReadPiles(p, type), ReadPileBefore(p, type)}};
    if (type == "pile_spread") return EventData{PileSpread{ReadInt(p, "pile", type), ReadMoves(p, type)}};
    if (type == "undone" || type == "redone") {
      auto [seq, what] = ReadReversed(p, type);
      if (type == "undone") return EventData{ActionUndone{seq, std::move(what)}};
      return EventData{ActionRedone{seq, std::move(what)}};
    }
    // Payload-less events: still an object, so a damaged line is told apart.
    if (type == "timer_paused" || type == "timer_resumed" || type == "board_locked" || type == "board_unlocked") {
      if (!p.is_object()) throw Problem{std::string(type) + " payload must be an object"};
      if (type == "timer_paused") return EventData{TimerPaused{}};
      if (type == "timer_resumed") return EventData{TimerResumed{}};
      if (type == "board_locked") return EventData{BoardLocked{}};
      return EventData{BoardUnlocked{}};
    }
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
  const std::map<core::CardId, int> piles = core::PileCounts(board.cards());
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
    const core::Rect bounds = board.CardBounds(card);  // the card's rectangle: x, y is its centre
    c["w"] = FloatForJson(bounds.w);
    c["h"] = FloatForJson(bounds.h);
    // The pile it lies in ("Regrouper les doublons", core/pile.h); a lone card: null.
    const bool piled = card.pile != 0 && piles.at(card.pile) >= 2;
    c["pile"] = piled ? nlohmann::ordered_json(card.pile) : nlohmann::ordered_json(nullptr);
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
