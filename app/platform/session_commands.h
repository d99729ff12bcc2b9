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
  // The map and the report (docs/exports.md), drawn from the board folded at `at`.
  std::string png, svg, pdf;
  std::string size;               // PNG/SVG size "WxH"; empty: 1920x1080 (or scale)
  double scale = 0;               // K × 1920x1080
  std::string at;                 // a moment, as `replay --at`; empty: the end
  std::string paper = "a4";       // PDF: a4 or a3
  std::string html;               // the offline HTML report with its replay player (report/html_report.h)
};
int ExportSession(const ExportOptions& options);

int ImportSession(const std::string& jsonl, const std::string& new_session);

int PrintSessionInfo(const std::string& session, bool as_json);

}  // namespace atelier::platform
