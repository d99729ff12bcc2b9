// The kiosk's font for cairo (cairo-ft over FreeType): the regular face found through
// fontconfig and, when the family has one beside it, its bold face. The PDF embeds the subsets
// it uses, so the report looks the same on any machine and its text can be searched.
#pragma once
#include <cairo.h>

#include <memory>
#include <string>

#include "core/error.h"

namespace atelier::report {

// The bold face beside a regular one, as fontconfig's files are named (Andika-Regular.ttf →
// Andika-Bold.ttf, DejaVuSans.ttf → DejaVuSans-Bold.ttf); empty when there is none. The HTML
// report embeds the same two faces.
std::string BoldFaceBeside(const std::string& regular_path);

class CairoFonts {
 public:
  static core::Result<std::unique_ptr<CairoFonts>> Load(const std::string& regular_path);
  ~CairoFonts();
  CairoFonts(const CairoFonts&) = delete;
  CairoFonts& operator=(const CairoFonts&) = delete;

  cairo_font_face_t* regular() const { return m_regular; }
  cairo_font_face_t* bold() const { return m_bold ? m_bold : m_regular; }

 private:
  CairoFonts() = default;
  void* m_library = nullptr;  // FT_Library
  cairo_font_face_t* m_regular = nullptr;
  cairo_font_face_t* m_bold = nullptr;
};

}  // namespace atelier::report
