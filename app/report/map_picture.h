// The map as a PNG, drawn off-screen by the kiosk's own renderer (render::BoardRenderer, its
// painter and text layout) in an EGL surfaceless context: no display needed. The board is the
// caller's fold of the session's events (at the end or at a moment), never a live board.
#pragma once
#include <filesystem>
#include <string>

#include "core/board.h"
#include "core/error.h"

namespace atelier::report {

struct PictureOptions {
  int width = 1920, height = 1080;  // px (report/picture_size.h checks the range)
  std::string lang = "fr";          // which wording of the template's labels
  std::string font_path;            // the kiosk's font file (platform::FindFont)
  std::string shader_dir;           // holds quad.vert and quad.frag
};

// Writes the PNG under a temporary name and renames it at the end: on any error (English, for
// the CLI) nothing is left at path.
core::Status WriteMapPng(const core::Board& board, const PictureOptions& options, const std::filesystem::path& path);

}  // namespace atelier::report
