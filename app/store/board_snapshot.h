// Board snapshots: the whole state of a board (cards, binned cards, id/z counters, last event
// time) as JSON, so that BoardFromSnapshot(snapshot) + the events after it == the fold of all
// events from the start, exactly. The template is not in the snapshot (the session keeps it).
#pragma once
#include <nlohmann/json.hpp>

#include "core/board.h"
#include "core/error.h"

namespace atelier::store {

// {"cards": [card…], "binned": [card…], "next_id", "next_z", "last_ms", "facilitation"} with
// card = {"id", "text", "colour", "at": [x, y], "z", "votes", "created_ms", "changed_ms"} and
// facilitation = {"phase": null | {"name", "kind", "started_ms", "duration_ms", "extra_ms",
// "paused_total_ms", "paused_since_ms"}, "locked", "hidden": [card…], "renamed": {key: text},
// "undo": [step…], "redo": [step…], "last_votes": [[id, actor, t_ms]…]}, step = {"seq", "type",
// "payload"} as in an "undone" payload. A snapshot without "facilitation" (older files) reads
// as no phase, unlocked, nothing hidden or renamed, empty stacks.
nlohmann::json SnapshotToJson(const core::Board& board);

// The board the snapshot describes, drawn on tmpl; an Error (English) for a malformed snapshot.
core::Result<core::Board> BoardFromSnapshot(const nlohmann::json& snapshot, core::Template tmpl);

}  // namespace atelier::store
