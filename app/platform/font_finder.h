// Finds the kiosk's font file through fontconfig. Andika (Debian's fonts-sil-andika) is first
// choice: designed for readers who struggle, it tells I, l and 1 apart and has every French
// character; DejaVu Sans (fonts-dejavu-core) is the fallback.
#pragma once
#include <string>

#include "core/error.h"

namespace atelier::platform {

// The path of a regular face matching pattern (empty: Andika, then DejaVu Sans), or an error
// naming the packages to install. A pattern fontconfig can only match with an unrelated
// family counts as not found.
core::Result<std::string> FindFont(const std::string& pattern = {});

struct FontFace {
  std::string file;
  std::string family;  // the family that matched: pattern's, "Andika" or "DejaVu Sans"
};
// The same search, also saying which family was found (for `atelier doctor`).
core::Result<FontFace> FindFontFace(const std::string& pattern = {});

}  // namespace atelier::platform
