#include "store/board_snapshot.h"

#include "store/json_values.h"

namespace atelier::store {

namespace {

using nlohmann::json;

struct Problem {
  std::string what;
};

json CardToJson(const core::Card& c) {
  return json{{"id", c.id},       {"text", c.text},   {"colour", c.colour},         {"at", PointToJson(c.at)},
              {"z", c.z},         {"votes", c.votes}, {"created_ms", c.created_ms}, {"changed_ms", c.changed_ms}};
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

}  // namespace

json SnapshotToJson(const core::Board& board) {
  json cards = json::array(), binned = json::array();
  for (const auto& [id, c] : board.cards()) cards.push_back(CardToJson(c));
  for (const auto& [id, c] : board.binned()) binned.push_back(CardToJson(c));
  return json{{"cards", std::move(cards)},
              {"binned", std::move(binned)},
              {"next_id", board.next_id()},
              {"next_z", board.next_z()},
              {"last_ms", board.last_event_ms()}};
}

core::Result<core::Board> BoardFromSnapshot(const json& j, core::Template tmpl) {
  try {
    if (!j.is_object()) throw Problem{"snapshot: not a JSON object"};
    auto cards = CardsFromJson(j, "cards");
    auto binned = CardsFromJson(j, "binned");
    return core::Board::Restore(std::move(tmpl), std::move(cards), std::move(binned), Int(j, "next_id"),
                                Int(j, "next_z"), Int(j, "last_ms"));
  } catch (const Problem& p) {
    return core::Error{p.what};
  }
}

}  // namespace atelier::store
