// Map templates as JSON files (assets/templates/*.json, format in docs/templates.md): loading
// with errors that name the file and what is wrong, and writing (the session file keeps the
// whole template it was started with). Error messages are English (they are about a file a
// facilitator or developer wrote); the UI wraps them in a French sentence.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/template.h"

namespace atelier::store {

// Reads and parses a template file. Errors: "PATH: cannot read the file", "PATH:3:14: JSON
// syntax error: …", "PATH: zone 3 has no \"area\"" …
core::Result<core::Template> LoadTemplate(const std::filesystem::path& path);

// Parses template JSON text; source_name prefixes every error message (usually the path).
core::Result<core::Template> ParseTemplate(std::string_view json, std::string_view source_name);

// Same, from an already parsed JSON value (a template embedded in a session file or export).
core::Result<core::Template> TemplateFromJsonValue(const nlohmann::json& j, std::string_view source_name);

// "usages-impacts" → templates_dir/usages-impacts.json; anything containing '/' or ending in
// ".json" is taken as a path as is. Does not check that the file exists.
std::filesystem::path FindTemplate(std::string_view name_or_path, const std::filesystem::path& templates_dir);

// The template as JSON in the documented shape; ParseTemplate(TemplateToJson(t)) == t.
std::string TemplateToJson(const core::Template& tmpl);
nlohmann::ordered_json TemplateToJsonValue(const core::Template& tmpl);

}  // namespace atelier::store
