// Where Atelier finds its files: read-only data (assets/, shaders/, compiled translations)
// and the per-user config file. Looked up once at start-up.
#pragma once
#include <filesystem>

namespace atelier::platform {

struct AppPaths {
  std::filesystem::path data_dir;     // holds assets/ and shaders/
  std::filesystem::path locale_dir;   // holds <lang>/LC_MESSAGES/atelier.mo
  std::filesystem::path config_file;  // $XDG_CONFIG_HOME/atelier/atelier.conf
  std::filesystem::path templates_dir() const { return data_dir / "assets" / "templates"; }
  std::filesystem::path shader_dir() const { return data_dir / "shaders"; }
  std::filesystem::path decks_dir() const { return data_dir / "assets" / "decks"; }
};

// $ATELIER_DATA_DIR, then <exe>/../share/atelier (installed), then the nearest folder above the
// executable holding assets/ and shaders/ (a build inside the source tree). Translations: the data's
// locale/, else the nearest <dir>/locale above the executable (a build's compiled catalogues).
AppPaths FindPaths();

}  // namespace atelier::platform
