// The comparison of workshops (report/workshop_compare.h) as one self-contained HTML file: the
// styles inline, no script, no font or picture to fetch, every typed text escaped. Sections:
// the workshops (title, date, duration, counts), the zones with each workshop's cards side by
// side, the cards that came up in several workshops, the totals.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "report/workshop_compare.h"

namespace atelier::report {

std::string CompareHtml(const Comparison& comparison, std::string_view lang);

// Written under a temporary name and renamed at the end (report/pending_file.h).
core::Status WriteCompareHtml(const Comparison& comparison, std::string_view lang, const std::filesystem::path& path);

}  // namespace atelier::report
