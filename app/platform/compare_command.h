// `atelier report A.atelier B.atelier … --html FILE | --pdf FILE [--lang en] [--paper a3]`:
// workshops held on the same template compared side by side (report/workshop_compare.h).
// Every session is opened read-only. docs/exports.md, "Comparing workshops".
#pragma once
#include <string>
#include <vector>

namespace atelier::platform {

struct CompareOptions {
  std::vector<std::string> sessions;
  std::string html, pdf;
  std::string lang = "fr";
  std::string paper = "a4";
};

// 0, or 1 with one line on stderr (fewer than two sessions, a damaged one, different templates,
// an unwritable target); nothing is left at a target on error.
int CompareSessions(const CompareOptions& options);

}  // namespace atelier::platform
