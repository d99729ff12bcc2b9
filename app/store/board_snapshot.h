// Board snapshots: the whole state of a board (cards, binned cards, id/z counters, last event
// time) as JSON, so that BoardFromSnapshot(snapshot) + the events after it == the fold of all
// events from the start, exactly. The template is not in the snapshot (the session keeps it).
#pragma once
#include <nlohmann/json.hpp>

#include "core/board.h"
#include "core/error.h"

namespace atelier::store {

// {"cards": [card…], "binned": [card…], "next_id", "next_z", "last_ms"} with
// card = {"id", "text", "colour", "at": [x, y], "z", "votes", "created_ms", "changed_ms"}.
nlohmann::json SnapshotToJson(const core::Board& board);

// The board the snapshot describes, drawn on tmpl; an Error (English) for a malformed snapshot.
core::Result<core::Board> BoardFromSnapshot(const nlohmann::json& snapshot, core::Template tmpl);

}  // namespace atelier::store
