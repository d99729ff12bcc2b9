#include "platform/compare_command.h"

#include <cstdio>
#include <filesystem>

#include "platform/config.h"
#include "platform/font_finder.h"
#include "platform/paths.h"
#include "replay/timeline.h"
#include "report/compare_html.h"
#include "report/compare_pdf.h"
#include "report/pending_file.h"
#include "report/session_facts.h"
#include "report/workshop_compare.h"
#include "store/session_file.h"

namespace atelier::platform {

namespace {

// One session, read-only, as the comparison needs it; prints why not on failure.
std::optional<report::WorkshopInput> LoadWorkshop(const std::string& path, const std::string& lang) {
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(path);
  if (!opened) {
    std::fprintf(stderr, "atelier: %s\n", opened.message.en.c_str());
    return std::nullopt;
  }
  auto loaded = opened.session->Load();
  if (!loaded.ok()) {
    std::fprintf(stderr, "atelier: %s: %s\n", path.c_str(), loaded.error().message.c_str());
    return std::nullopt;
  }
  store::LoadedSession& session = loaded.value();
  const replay::Timeline timeline(session.meta.map_template, session.events);
  report::WorkshopInput input{std::filesystem::path(path).filename().string(), session.meta, {}};
  input.facts = report::GatherFacts(session.meta, timeline, session.board, timeline.duration_ms(), lang);
  return input;
}

bool Report(const core::Status& written, const std::string& path, const std::string& what) {
  if (!written.ok()) {
    std::fprintf(stderr, "atelier: %s\n", written.error().message.c_str());
    return false;
  }
  std::fprintf(stderr, "atelier: wrote %s (%s)\n", path.c_str(), what.c_str());
  return true;
}

}  // namespace

int CompareSessions(const CompareOptions& options) {
  if (options.html.empty() && options.pdf.empty()) {
    std::fprintf(stderr, "atelier: report needs --html FILE or --pdf FILE\n");
    return 1;
  }
  if (options.sessions.size() < 2) {
    std::fprintf(stderr, "atelier: report compares two sessions or more (got %zu)\n", options.sessions.size());
    return 1;
  }
  // The targets' folders first: a wrong path costs nothing (the temporary files go again).
  for (const std::string& target : {options.html, options.pdf}) {
    if (target.empty()) continue;
    report::PendingFile probe(target);
    if (core::Status opened = probe.Open(); !opened.ok()) {
      std::fprintf(stderr, "atelier: %s\n", opened.error().message.c_str());
      return 1;
    }
  }
  std::vector<report::WorkshopInput> workshops;
  for (const std::string& path : options.sessions) {
    auto workshop = LoadWorkshop(path, options.lang);
    if (!workshop) return 1;
    workshops.push_back(std::move(*workshop));
  }
  auto comparison = report::CompareWorkshops(workshops, options.lang);
  if (!comparison.ok()) {
    std::fprintf(stderr, "atelier: %s\n", comparison.error().message.c_str());
    return 1;
  }
  const report::Comparison& c = comparison.value();
  const std::string what = std::to_string(c.workshops.size()) + " workshops, " + std::to_string(c.cards) + " cards, " +
                           std::to_string(c.shared.size()) + " in several";
  bool ok = true;
  if (!options.html.empty()) ok &= Report(report::WriteCompareHtml(c, options.lang, options.html), options.html,
                                          "comparison as HTML, " + what);
  if (!options.pdf.empty()) {
    auto font = FindFont(LoadConfig(FindPaths().config_file).config.font);
    if (!font.ok()) {
      std::fprintf(stderr, "atelier: %s\n", font.error().message.c_str());
      return 1;
    }
    ok &= Report(report::WriteComparePdf(c, {.paper = options.paper, .lang = options.lang, .font_path = font.value()},
                                         options.pdf),
                 options.pdf, "comparison as PDF, " + options.paper + ", " + what);
  }
  return ok ? 0 : 1;
}

}  // namespace atelier::platform
