#include "platform/session_commands.h"

#include <cstdio>

#include "platform/config.h"
#include "platform/font_finder.h"
#include "platform/paths.h"
#include "replay/replay_time.h"
#include "replay/timeline.h"
#include "report/html_report.h"
#include "report/map_picture.h"
#include "report/pdf_report.h"
#include "report/session_facts.h"
#include "report/svg_map.h"
#include "report/picture_size.h"
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

// The kiosk's font (the config file's choice, else Andika, else DejaVu Sans), as the exports
// draw with it.
std::optional<std::string> KioskFont(const AppPaths& paths) {
  ConfigLoad config = LoadConfig(paths.config_file);
  auto font = FindFont(config.config.font);
  if (!font.ok()) {
    std::fprintf(stderr, "atelier: %s\n", font.error().message.c_str());
    return std::nullopt;
  }
  return font.value();
}

bool Report(const core::Status& written, const std::string& path, const std::string& what) {
  if (!written.ok()) {
    std::fprintf(stderr, "atelier: %s\n", written.error().message.c_str());
    return false;
  }
  std::fprintf(stderr, "atelier: wrote %s (%s)\n", path.c_str(), what.c_str());
  return true;
}

// --png, --svg, --pdf: the board folded from the session's events at the moment asked.
bool ExportMap(const ExportOptions& options, const store::LoadedSession& session, const replay::Timeline& timeline,
               const report::PictureSize& size, std::int64_t at_ms) {
  const core::Board board = timeline.BoardAt(at_ms);
  const AppPaths paths = FindPaths();
  auto font = KioskFont(paths);
  if (!font) return false;
  const std::string what = std::to_string(size.width) + "x" + std::to_string(size.height) + ", " +
                           std::to_string(board.cards().size()) + " cards at " + replay::FormatElapsed(at_ms);
  bool ok = true;
  if (!options.png.empty())
    ok &= Report(report::WriteMapPng(board,
                                     {.width = size.width,
                                      .height = size.height,
                                      .lang = options.lang,
                                      .font_path = *font,
                                      .shader_dir = paths.shader_dir().string()},
                                     options.png),
                 options.png, "map as PNG, " + what);
  if (!options.svg.empty())
    ok &= Report(report::WriteMapSvg(board, {.width = size.width, .height = size.height, .lang = options.lang,
                                             .font_path = *font},
                                     options.svg),
                 options.svg, "map as SVG, " + what);
  if (!options.pdf.empty()) {
    const report::SessionFacts facts = report::GatherFacts(session.meta, timeline, board, at_ms, options.lang);
    ok &= Report(report::WriteReportPdf(facts, board, {.paper = options.paper, .lang = options.lang, .font_path = *font},
                                        options.pdf),
                 options.pdf, "report as PDF, " + options.paper + ", " + std::to_string(board.cards().size()) +
                                  " cards at " + replay::FormatElapsed(at_ms));
  }
  return ok;
}

// --html: the whole session (its replay), so no --at.
bool ExportHtml(const ExportOptions& options, const store::LoadedSession& session) {
  const AppPaths paths = FindPaths();
  auto font = KioskFont(paths);
  if (!font) return false;
  const report::HtmlOptions html{.lang = options.lang, .font_path = *font, .web_dir = paths.data_dir / "assets" / "web"};
  std::string what = "report as HTML with its replay, ";
  what += std::to_string(session.board.cards().size());
  what += " cards, ";
  what += std::to_string(session.events.size());
  what += " events";
  return Report(report::WriteHtmlReport(session, html, options.html), options.html, what);
}

}  // namespace

int ExportSession(const ExportOptions& options) {
  const bool map = !options.png.empty() || !options.svg.empty() || !options.pdf.empty();
  if (options.jsonl.empty() && options.csv.empty() && options.json.empty() && options.html.empty() && !map) {
    std::fprintf(stderr, "atelier: export needs --jsonl, --csv, --json, --png, --svg, --pdf or --html\n");
    return 1;
  }
  // Arguments first: a mistake costs nothing and writes nothing.
  auto size = report::ChoosePictureSize(options.size, options.scale);
  if (!size.ok()) {
    std::fprintf(stderr, "atelier: %s\n", size.error().message.c_str());
    return 1;
  }
  std::optional<replay::TimeArg> time_arg;
  if (!options.at.empty()) {
    auto parsed = replay::ParseTimeArg(options.at);
    if (!parsed.ok()) {
      std::fprintf(stderr, "atelier: --at: %s\n", parsed.error().message.c_str());
      return 1;
    }
    time_arg = parsed.value();
  }
  if (time_arg && !map) {
    std::fprintf(stderr, "atelier: --at is for --png, --svg and --pdf\n");
    return 1;
  }
  auto session = LoadForReading(options.session);
  if (!session) return 1;
  bool ok = true;
  if (map) {
    const replay::Timeline timeline(session->meta.map_template, session->events);
    replay::ResolvedTime at =
        replay::ResolveTime(time_arg.value_or(replay::TimeArg{.end = true}), timeline.duration_ms());
    if (!at.note.empty()) std::fprintf(stderr, "atelier: note: %s\n", at.note.c_str());
    ok &= ExportMap(options, *session, timeline, size.value(), at.ms);
  }
  if (!options.html.empty()) ok &= ExportHtml(options, *session);
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
