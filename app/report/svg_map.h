// The map as SVG, written by hand rather than through cairo's SVG surface: cairo 1.16 turns
// text into glyph outlines (<symbol>/<use>), and people want the cards' words selectable and
// searchable. Every shape comes from the painter (report/vector_map.h); every text is a <text>
// element (the lines of one card or label are <tspan>s of one <text>, so its words read as one
// string), escaped for XML, UTF-8 kept as is (accents, « », emoji). Valid for xmllint.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "core/board.h"
#include "core/error.h"
#include "report/vector_map.h"

namespace atelier::report {

std::string MapToSvg(const VectorMap& map, std::string_view title);

// Text for XML content and attribute values: & < > " ' escaped, characters XML 1.0 forbids
// dropped.
std::string XmlEscape(std::string_view text);

struct SvgOptions {
  int width = 1920, height = 1080;  // as a screen of that size (report/picture_size.h)
  std::string lang = "fr";
  std::string font_path;            // the kiosk's font, for the layout
};
// Under a temporary name, renamed at the end; nothing left at path on error (English).
core::Status WriteMapSvg(const core::Board& board, const SvgOptions& options, const std::filesystem::path& path);

}  // namespace atelier::report
