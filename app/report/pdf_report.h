// The PDF report a facilitator sends after the day (cairo's PDF surface, the kiosk's font
// embedded through cairo-ft, text as text so pdftotext and readers' searches find it):
//   page 1, landscape: the session's title, date and duration, then the map as the kiosk draws
//           it (report/vector_map.h), in vector;
//   then, portrait: the cards zone by zone (by impact, then votes) with their colour, impact,
//           votes and who added them, the count and vote total of each zone; the phases with
//           their times.
// Words in the export's language (report/report_words.h).
#pragma once
#include <filesystem>
#include <string>

#include "core/board.h"
#include "core/error.h"
#include "report/session_facts.h"

namespace atelier::report {

struct PdfOptions {
  std::string paper = "a4";  // "a4" or "a3"
  std::string lang = "fr";
  std::string font_path;     // the kiosk's font (platform::FindFont)
};

// board: the fold the facts were gathered from. Written under a temporary name and renamed at
// the end; on error (English) nothing is left at path.
core::Status WriteReportPdf(const SessionFacts& facts, const core::Board& board, const PdfOptions& options,
                            const std::filesystem::path& path);

}  // namespace atelier::report
