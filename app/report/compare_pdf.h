// The comparison of workshops (report/workshop_compare.h) as a PDF, landscape, with the PDF
// report's fonts and writer (report/pdf_writer.h): the workshops, then each zone with one
// column per workshop, the cards that came up in several workshops, the totals. Text as text
// (pdftotext finds every card).
#pragma once
#include <filesystem>
#include <string>

#include "core/error.h"
#include "report/workshop_compare.h"

namespace atelier::report {

struct ComparePdfOptions {
  std::string paper = "a4";  // "a4" or "a3"
  std::string lang = "fr";
  std::string font_path;     // the kiosk's font (platform::FindFont)
};

// Written under a temporary name and renamed at the end; on error (English) nothing is left.
core::Status WriteComparePdf(const Comparison& comparison, const ComparePdfOptions& options,
                             const std::filesystem::path& path);

}  // namespace atelier::report
