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

// A folder of compiled catalogues: <lang>/LC_MESSAGES/atelier.mo for at least one language.
bool HasCatalogues(const fs::path& dir) {
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return false;
  for (const fs::directory_entry& lang : fs::directory_iterator(dir, ec))
    if (fs::is_regular_file(lang.path() / "LC_MESSAGES" / "atelier.mo", ec)) return true;
  return false;
}

// The first of `start` and its parents that `wanted` accepts; empty when none does.
template <typename Wanted>
fs::path WalkUp(fs::path start, Wanted wanted) {
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    if (wanted(dir)) return dir;
    if (dir == dir.root_path()) break;
  }
  return {};
}

}  // namespace

AppPaths FindPaths() {
  AppPaths paths;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  fs::path exe_dir = ec ? fs::path() : exe.parent_path();

  // A build lives inside the source tree (build*/app/atelier): its data is found by walking up
  // from the executable, so no absolute build or source path is compiled in.
  fs::path env_dir = EnvPath("ATELIER_DATA_DIR");
  fs::path installed = exe_dir.empty() ? fs::path() : exe_dir.parent_path() / "share" / "atelier";
  if (HasData(env_dir))
    paths.data_dir = env_dir;
  else if (HasData(installed))
    paths.data_dir = installed;
  else if (!exe_dir.empty())
    paths.data_dir = WalkUp(exe_dir, HasData);

  // Installed, translations sit beside the data; in a build, in <build>/locale.
  if (HasCatalogues(paths.data_dir / "locale"))
    paths.locale_dir = paths.data_dir / "locale";
  else if (fs::path build = WalkUp(exe_dir, [](const fs::path& dir) { return HasCatalogues(dir / "locale"); });
           !build.empty())
    paths.locale_dir = build / "locale";

  fs::path config_home = EnvPath("XDG_CONFIG_HOME");
  if (config_home.empty()) config_home = EnvPath("HOME") / ".config";
  paths.config_file = config_home / "atelier" / "atelier.conf";
  return paths;
}

}  // namespace atelier::platform
