// Writing the kiosk's settings file (atelier.conf, read by config.h) when the facilitator
// changes a setting on the panel. Only the keys asked for change: the person's comments, blank
// lines, other keys and even lines Atelier does not understand stay as they were, byte for byte.
// The file is replaced atomically (temporary file in the same folder, fsync, rename), so a
// pulled plug leaves the old file or the new one, never half of one.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace atelier::platform {

// key → new value; no value: the key's lines are removed (back to the default).
using ConfigChanges = std::vector<std::pair<std::string, std::optional<std::string>>>;

// The text with the changes made. Every active `key = …` line of a changed key is rewritten as
// `key = value` (its indentation kept); a key not in the text is appended at the end; commented
// lines (`# key = …`) are left alone. A key must be a plain word and a value one line: anything
// else is refused (English message: a programming error, not the facilitator's).
core::Result<std::string> UpdateConfigText(const std::string& text, const ConfigChanges& changes);

// Reads file (missing: empty), applies the changes, writes it back atomically (creating its
// folder when needed). A symbolic link is followed: the file it points to is replaced. On
// failure (read-only or full folder …) the file is unchanged, no temporary file is left, and
// the error's message is French, fit to show on the kiosk.
core::Status SaveConfigChanges(const std::filesystem::path& file, const ConfigChanges& changes);

// "1.1", "0.85", "2": a float as atelier.conf writes it (dot decimal, at most two decimals).
std::string FormatConfigNumber(float value);

}  // namespace atelier::platform
