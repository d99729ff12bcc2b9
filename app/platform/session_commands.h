// The command-line tools on session files: export (JSON Lines, CSV, board JSON), import (JSON
// Lines into a new session) and info. Messages are English (the CLI's language); a file that
// cannot be read gives exit code 1 and one clear line on stderr, and is never modified.
#pragma once
#include <string>

namespace atelier::platform {

struct ExportOptions {
  std::string session;
  std::string jsonl, csv, json;  // any of them; at least one
  std::string lang = "fr";       // colour and zone names in the CSV and JSON
};
int ExportSession(const ExportOptions& options);

int ImportSession(const std::string& jsonl, const std::string& new_session);

int PrintSessionInfo(const std::string& session, bool as_json);

}  // namespace atelier::platform
