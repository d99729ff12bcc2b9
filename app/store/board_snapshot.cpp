#include "store/board_snapshot.h"

#include "store/board_json.h"
#include "store/json_values.h"

namespace atelier::store {

namespace {

using nlohmann::json;

struct Problem {
  std::string what;
};

json CardToJson(const core::Card& c) {
  json j{{"id", c.id},       {"text", c.text},   {"colour", c.colour},         {"at", PointToJson(c.at)},
              {"z", c.z},         {"votes", c.votes}, {"created_ms", c.created_ms}, {"changed_ms", c.changed_ms}};
  if (c.pile != 0) j["pile"] = c.pile;  // core/pile.h; absent in snapshots older than piles
  return j;
}

std::int64_t Int(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number_integer())
    throw Problem{std::string("snapshot: missing or bad \"") + key + "\""};
  return j[key].get<std::int64_t>();
}

core::Card CardFromJson(const json& j) {
  core::Card c;
  c.id = Int(j, "id");
  if (!j.contains("text") || !j["text"].is_string() || !j.contains("colour") || !j["colour"].is_string())
    throw Problem{"snapshot: card " + std::to_string(c.id) + " has no text or colour"};
  c.text = j["text"].get<std::string>();
  c.colour = j["colour"].get<std::string>();
  auto at = j.contains("at") ? PointFromJson(j["at"]) : std::nullopt;
  if (!at) throw Problem{"snapshot: card " + std::to_string(c.id) + " has no position"};
  c.at = *at;
  c.z = Int(j, "z");
  c.votes = static_cast<int>(Int(j, "votes"));
  c.created_ms = Int(j, "created_ms");
  c.changed_ms = Int(j, "changed_ms");
  if (j.contains("pile")) c.pile = Int(j, "pile");
  return c;
}

std::map<core::CardId, core::Card> CardsFromJson(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_array()) throw Problem{std::string("snapshot: missing \"") + key + "\""};
  std::map<core::CardId, core::Card> out;
  for (const json& c : j[key]) {
    core::Card card = CardFromJson(c);
    out[card.id] = std::move(card);
  }
  return out;
}

json FacilitationToJson(const core::Facilitation& f) {
  json out = json::object();
  if (f.phase) {
    const core::PhaseState& p = *f.phase;
    out["phase"] = json{{"name", p.name},
                        {"kind", core::PhaseKindName(p.kind)},
                        {"started_ms", p.started_ms},
                        {"duration_ms", p.duration_ms},
                        {"extra_ms", p.extra_ms},
                        {"paused_total_ms", p.paused_total_ms},
                        {"paused_since_ms", p.paused_since_ms ? json(*p.paused_since_ms) : json(nullptr)}};
  }
  out["locked"] = f.locked;
  out["card_size"] = core::CardSizeChoiceName(f.card_size);
  out["hidden"] = json::array();
  for (const auto& [id, c] : f.hidden) out["hidden"].push_back(CardToJson(c));
  out["renamed"] = json::object();
  for (const auto& [key, text] : f.renamed) out["renamed"][key] = text;
  for (const char* key : {"undo", "redo"}) {
    json steps = json::array();
    for (const core::UndoStep& step : std::string_view(key) == "undo" ? f.undo : f.redo)
      steps.push_back(EventDataToJson(core::ActionUndone{step.seq, step.what}));  // {"seq", "type", "payload"}
    out[key] = std::move(steps);
  }
  out["inbox"] = json::array();
  for (const auto& [id, c] : f.inbox) {
    json entry = EventDataToJson(core::InboxReceived{c.id, c.text, c.colour, c.zone, c.phone, c.key});
    entry["received_ms"] = c.received_ms;
    entry["state"] = core::InboxStateName(c.state);
    if (c.card != 0) entry["card"] = c.card;
    out["inbox"].push_back(std::move(entry));
  }
  out["last_votes"] = json::array();
  for (const auto& [who, t] : f.last_vote_ms)
    out["last_votes"].push_back(json::array({who.first, core::ActorName(who.second), t}));
  return out;
}

core::Facilitation FacilitationFromJson(const json& j) {
  core::Facilitation f;
  if (!j.is_object()) throw Problem{"snapshot: \"facilitation\" is not an object"};
  if (j.contains("phase") && !j["phase"].is_null()) {
    const json& p = j["phase"];
    auto started = EventDataFromJson("phase_started", p);  // reads name, kind, duration_ms
    if (!started) throw Problem{"snapshot: " + started.error().message};
    const auto& s = std::get<core::PhaseStarted>(*started);
    core::PhaseState phase{.name = s.name,
                           .kind = s.kind,
                           .started_ms = Int(p, "started_ms"),
                           .duration_ms = s.duration_ms,
                           .extra_ms = Int(p, "extra_ms"),
                           .paused_total_ms = Int(p, "paused_total_ms")};
    if (p.contains("paused_since_ms") && !p["paused_since_ms"].is_null()) phase.paused_since_ms = Int(p, "paused_since_ms");
    f.phase = std::move(phase);
  }
  f.locked = j.value("locked", false);
  if (j.contains("card_size")) {  // snapshots before "Taille des cartes" have none: automatic
    const auto size = j["card_size"].is_string() ? core::CardSizeChoiceFromName(j["card_size"].get<std::string>())
                                                 : std::nullopt;
    if (!size) throw Problem{"snapshot: unknown \"card_size\""};
    f.card_size = *size;
  }
  f.hidden = CardsFromJson(j, "hidden");
  if (j.contains("renamed") && j["renamed"].is_object())
    for (const auto& [key, text] : j["renamed"].items())
      if (text.is_string()) f.renamed[key] = text.get<std::string>();
  for (const char* key : {"undo", "redo"}) {
    if (!j.contains(key) || !j[key].is_array()) throw Problem{std::string("snapshot: missing \"") + key + "\""};
    for (const json& step : j[key]) {
      auto data = EventDataFromJson("undone", step);
      if (!data) throw Problem{"snapshot: " + data.error().message};
      const auto& undone = std::get<core::ActionUndone>(*data);
      (std::string_view(key) == "undo" ? f.undo : f.redo).push_back({undone.seq, undone.what});
    }
  }
  if (j.contains("inbox") && j["inbox"].is_array())  // snapshots before the inbox have none
    for (const json& entry : j["inbox"]) {
      auto data = EventDataFromJson("inbox_received", entry);
      if (!data) throw Problem{"snapshot: " + data.error().message};
      const auto& r = std::get<core::InboxReceived>(*data);
      core::InboxCard card{.id = r.inbox, .text = r.text, .colour = r.colour, .zone = r.zone, .phone = r.phone,
                           .key = r.key, .received_ms = Int(entry, "received_ms")};
      const std::string state = entry.value("state", "");
      bool known = false;
      for (auto s : {core::InboxCard::State::Waiting, core::InboxCard::State::Accepted, core::InboxCard::State::Refused})
        if (core::InboxStateName(s) == state) card.state = s, known = true;
      if (!known) throw Problem{"snapshot: inbox card with unknown state \"" + state + "\""};
      if (entry.contains("card")) card.card = Int(entry, "card");
      f.inbox[card.id] = std::move(card);
    }
  if (j.contains("last_votes") && j["last_votes"].is_array())
    for (const json& v : j["last_votes"]) {
      if (!v.is_array() || v.size() != 3 || !v[0].is_number_integer() || !v[1].is_string() ||
          !v[2].is_number_integer())
        throw Problem{"snapshot: bad \"last_votes\" entry"};
      auto actor = ActorFromName(v[1].get<std::string>());
      if (actor) f.last_vote_ms[{v[0].get<core::CardId>(), *actor}] = v[2].get<std::int64_t>();
    }
  return f;
}

}  // namespace

json SnapshotToJson(const core::Board& board) {
  json cards = json::array(), binned = json::array();
  for (const auto& [id, c] : board.cards()) cards.push_back(CardToJson(c));
  for (const auto& [id, c] : board.binned()) binned.push_back(CardToJson(c));
  return json{{"cards", std::move(cards)},
              {"binned", std::move(binned)},
              {"next_id", board.next_id()},
              {"next_z", board.next_z()},
              {"last_ms", board.last_event_ms()},
              {"facilitation", FacilitationToJson(board.facilitation())}};
}

core::Result<core::Board> BoardFromSnapshot(const json& j, core::Template tmpl) {
  try {
    if (!j.is_object()) throw Problem{"snapshot: not a JSON object"};
    auto cards = CardsFromJson(j, "cards");
    auto binned = CardsFromJson(j, "binned");
    // Snapshots written before the facilitator's panel have no "facilitation": the defaults.
    core::Facilitation facilitation = j.contains("facilitation") ? FacilitationFromJson(j["facilitation"])
                                                                   : core::Facilitation{};
    return core::Board::Restore(std::move(tmpl), std::move(cards), std::move(binned), Int(j, "next_id"),
                                Int(j, "next_z"), Int(j, "last_ms"), std::move(facilitation));
  } catch (const Problem& p) {
    return core::Error{p.what};
  }
}

}  // namespace atelier::store
