// Exports of a session (formats in docs/session-format.md) and the JSON Lines import. Library
// functions for `atelier export / import / info` and the kiosk's sessions screen; they take a
// LoadedSession (SessionFile::OpenReadOnly(path).session->Load()) and return text, so the
// caller decides where it goes (WriteTextFile). Errors are English (CLI); the kiosk wraps them.
#pragma once
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/session_file.h"

namespace atelier::store {

// JSON Lines: a header line {"format": "atelier-session", "version", "app_version", "title",
// "template", "started_at", "started_ms", "time_zone", "utc_offset_minutes"[, "ended_at",
// "ended_ms"]} then one line per event {"seq", "t_ms", "actor", "type", "payload"}.
std::string ToJsonLines(const LoadedSession& session);
// Its lines one by one, without the newline (also the live event stream's, net/event_feed.h).
nlohmann::ordered_json JsonLinesHeader(const SessionMeta& meta);
std::string HeaderJsonLine(const SessionMeta& meta);
std::string EventJsonLine(const core::Event& event);
// Parses it back (source_name prefixes errors, with the line number).
core::Result<LoadedSession> FromJsonLines(std::istream& in, std::string_view source_name);
// Rebuilds a session file from a JSON Lines export; refuses to overwrite an existing file.
// The new file holds the same metadata (app_version aside), events and board.
core::Status ImportJsonLines(const std::filesystem::path& jsonl, const std::filesystem::path& new_session);

// The cards still on the board, one row each: id, text, colour (French name for "fr"), zone,
// impact, x, y, votes, created, changed (local ISO 8601). UTF-8 with BOM, CRLF, RFC 4180
// quoting; text cells starting with = + - @ tab or CR get a leading apostrophe.
std::string ToCsv(const LoadedSession& session, std::string_view lang = "fr");
// One CSV cell, quoted and neutralised as above (exposed for tests).
std::string CsvCell(std::string_view text, bool neutralise_formula = true);

// The board state: store/board_json.h's BoardToJson plus the session's title and start.
std::string ToBoardJson(const LoadedSession& session, std::string_view lang = "fr");

// `atelier info`: title, template, start, duration, events, cards, cards per zone, format.
nlohmann::ordered_json InfoJson(const LoadedSession& session);
std::string InfoText(const LoadedSession& session);  // English, one "key: value" per line

// Writes text to path atomically (temporary file, fsync, rename).
core::Status WriteTextFile(const std::filesystem::path& path, std::string_view text);

}  // namespace atelier::store
