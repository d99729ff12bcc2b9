#include "report/cairo_fonts.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <filesystem>

namespace atelier::report {

std::string BoldFaceBeside(const std::string& regular) {
  namespace fs = std::filesystem;
  fs::path path(regular);
  std::string stem = path.stem().string();
  const std::string ext = path.extension().string();
  std::string bold;
  if (auto at = stem.rfind("-Regular"); at != std::string::npos)
    bold = stem.substr(0, at) + "-Bold";
  else
    bold = stem + "-Bold";
  fs::path candidate = path.parent_path() / (bold + ext);
  std::error_code ec;
  return fs::is_regular_file(candidate, ec) ? candidate.string() : std::string();
}

namespace {

// Cairo keeps font faces in its caches past our last use: each FreeType face is released by
// cairo itself when it lets its face go.
const cairo_user_data_key_t kFaceKey{};

cairo_font_face_t* CairoFace(FT_Face face) {
  cairo_font_face_t* out = cairo_ft_font_face_create_for_ft_face(face, 0);
  cairo_font_face_set_user_data(out, &kFaceKey, face, [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); });
  return out;
}

}  // namespace

core::Result<std::unique_ptr<CairoFonts>> CairoFonts::Load(const std::string& regular_path) {
  std::unique_ptr<CairoFonts> fonts(new CairoFonts);
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) return core::Error{"cannot start FreeType"};
  fonts->m_library = library;
  FT_Face regular = nullptr;
  if (FT_New_Face(library, regular_path.c_str(), 0, &regular) != 0)
    return core::Error{"cannot read the font " + regular_path};
  fonts->m_regular = CairoFace(regular);
  if (const std::string bold_path = BoldFaceBeside(regular_path); !bold_path.empty()) {
    FT_Face bold = nullptr;
    if (FT_New_Face(library, bold_path.c_str(), 0, &bold) == 0) fonts->m_bold = CairoFace(bold);
  }
  return fonts;
}

CairoFonts::~CairoFonts() {
  // The FreeType library stays (a few hundred bytes, once per export): faces cairo still
  // caches need it until cairo releases them.
  if (m_bold) cairo_font_face_destroy(m_bold);
  if (m_regular) cairo_font_face_destroy(m_regular);
}

}  // namespace atelier::report
