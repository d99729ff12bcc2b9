#include "platform/paths.h"

#include <cstdlib>
#include <system_error>

namespace atelier::platform {

namespace fs = std::filesystem;

namespace {

fs::path EnvPath(const char* name) {
  const char* v = std::getenv(name);
  return (v && *v) ? fs::path(v) : fs::path();
}

bool HasData(const fs::path& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_directory(dir / "assets", ec) && fs::is_directory(dir / "shaders", ec);
}

}  // namespace

AppPaths FindPaths() {
  AppPaths paths;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate : {EnvPath("ATELIER_DATA_DIR"),
                                    ec ? fs::path() : exe.parent_path().parent_path() / "share" / "atelier",
                                    fs::path(ATELIER_SOURCE_DIR)}) {
    if (HasData(candidate)) {
      paths.data_dir = candidate;
      break;
    }
  }
  if (fs::is_directory(paths.data_dir / "locale", ec))
    paths.locale_dir = paths.data_dir / "locale";
  else
    paths.locale_dir = ATELIER_LOCALE_DIR;  // translations compiled by the build

  fs::path config_home = EnvPath("XDG_CONFIG_HOME");
  if (config_home.empty()) config_home = EnvPath("HOME") / ".config";
  paths.config_file = config_home / "atelier" / "atelier.conf";
  return paths;
}

}  // namespace atelier::platform
