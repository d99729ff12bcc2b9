// JSON for events and boards: the payload codec the session file and the JSON Lines export
// use (one object per event type, named by core::EventTypeName), and the board state as
// exported for people and other programs (cards with their derived zone and impact).
//
// Payloads (map points are [x, y] in map coordinates):
//   card_added    {"id", "text", "colour", "at"}
//   card_moved    {"id", "from", "to"}
//   card_edited   {"id", "old_text", "old_colour", "text", "colour"}
//   card_deleted  {"id"}
//   card_restored {"id"}
//   phase_started {"name", "kind" ("place_cards" | "discuss" | "vote"), "duration_ms" (0: no timer)}
//   phase_ended   {"name"}
//   timer_paused, timer_resumed, board_locked, board_unlocked  {}
//   timer_extended {"by_ms"}
//   card_voted, card_hidden, card_shown, card_erased  {"id"}
//   votes_reset   {"before": [[id, votes] …]}  (the counts the reset cleared)
//   label_renamed {"key", "old_text", "text"}
//   undone, redone {"seq", "type", "payload"}  (the event reversed or done again, whole)
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/board.h"
#include "core/error.h"
#include "core/event.h"

namespace atelier::store {

nlohmann::json EventDataToJson(const core::EventData& data);

// The event data of that type from its payload; an unknown type or a payload missing a field
// or holding the wrong kind of value is an Error (English, names the type and the field).
core::Result<core::EventData> EventDataFromJson(std::string_view type, const nlohmann::json& payload);

// "kiosk" / "facilitator" / "phone" → Actor; unknown names are nullopt.
std::optional<core::Actor> ActorFromName(std::string_view name);

// A whole event as one JSON object {"seq", "t_ms", "actor", "type", "payload"} (the JSON Lines
// export's event line) and back.
nlohmann::ordered_json EventToJson(const core::Event& event);
core::Result<core::Event> EventFromJson(const nlohmann::json& j);

// The board state for export, cards in id order:
// {"template": id, "title": …, "cards": [{"id", "text", "colour" (palette name),
//  "colour_name" (French name for lang "fr", else the palette name), "zone" (id or null),
//  "zone_label" (in lang, "" outside zones), "impact" (−1 … +1, 3 decimals), "x", "y", "z",
//  "votes", "created_ms", "changed_ms"}], "last_event_ms"}
nlohmann::ordered_json BoardToJsonValue(const core::Board& board, std::string_view lang);
std::string BoardToJson(const core::Board& board, std::string_view lang);  // indented 2

}  // namespace atelier::store
