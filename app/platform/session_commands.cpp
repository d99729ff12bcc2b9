#include "platform/session_commands.h"

#include <cstdio>

#include "store/session_export.h"
#include "store/session_file.h"

namespace atelier::platform {

namespace {

// Opens a session without ever writing to it; prints why not on failure.
std::optional<store::LoadedSession> LoadForReading(const std::string& path) {
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(path);
  if (!opened) {
    std::fprintf(stderr, "atelier: %s\n", opened.message.en.c_str());
    return std::nullopt;
  }
  if (!opened.message.empty()) std::fprintf(stderr, "atelier: note: %s\n", opened.message.en.c_str());
  auto loaded = opened.session->Load();
  if (!loaded.ok()) {
    std::fprintf(stderr, "atelier: %s: %s\n", path.c_str(), loaded.error().message.c_str());
    return std::nullopt;
  }
  return std::move(loaded.value());
}

bool Write(const std::string& path, const std::string& text, const char* what) {
  core::Status written = store::WriteTextFile(path, text);
  if (!written.ok()) {
    std::fprintf(stderr, "atelier: cannot write %s: %s\n", path.c_str(), written.error().message.c_str());
    return false;
  }
  std::fprintf(stderr, "atelier: wrote %s (%s)\n", path.c_str(), what);
  return true;
}

}  // namespace

int ExportSession(const ExportOptions& options) {
  if (options.jsonl.empty() && options.csv.empty() && options.json.empty()) {
    std::fprintf(stderr, "atelier: export needs --jsonl, --csv or --json\n");
    return 1;
  }
  auto session = LoadForReading(options.session);
  if (!session) return 1;
  bool ok = true;
  if (!options.jsonl.empty()) ok &= Write(options.jsonl, store::ToJsonLines(*session), "events as JSON Lines");
  if (!options.csv.empty()) ok &= Write(options.csv, store::ToCsv(*session, options.lang), "cards as CSV");
  if (!options.json.empty()) ok &= Write(options.json, store::ToBoardJson(*session, options.lang), "board as JSON");
  return ok ? 0 : 1;
}

int ImportSession(const std::string& jsonl, const std::string& new_session) {
  core::Status imported = store::ImportJsonLines(jsonl, new_session);
  if (!imported.ok()) {
    std::fprintf(stderr, "atelier: %s\n", imported.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "atelier: imported %s into %s\n", jsonl.c_str(), new_session.c_str());
  return 0;
}

int PrintSessionInfo(const std::string& path, bool as_json) {
  auto session = LoadForReading(path);
  if (!session) return 1;
  std::string text = as_json ? store::InfoJson(*session).dump(2) + "\n" : store::InfoText(*session);
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace atelier::platform
