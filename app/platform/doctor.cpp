#include "platform/doctor.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "platform/config.h"
#include "platform/doctor_checks.h"
#include "platform/doctor_probe.h"
#include "platform/font_finder.h"
#include "platform/paths.h"
#include "store/pin_file.h"
#include "store/sessions_dir.h"
#include "store/wall_time.h"
#include "ui/i18n.h"

namespace atelier::platform {

namespace fs = std::filesystem;

namespace {

// The clock is injected through the environment rather than an option: a user never needs it,
// and an end-to-end test can set it without a flag that --help would show.
std::int64_t NowMs() {
  if (const char* fake = std::getenv("ATELIER_DOCTOR_NOW_MS"); fake && *fake) {
    char* end = nullptr;
    long long ms = std::strtoll(fake, &end, 10);
    if (end && *end == '\0') return ms;
  }
  return store::WallNowMs();
}

template <class T>
void Append(std::vector<T>& to, std::vector<T> more) {
  for (T& item : more) to.push_back(std::move(item));
}

}  // namespace

int RunDoctor(const DoctorOptions& options) {
  const AppPaths paths = FindPaths();
  std::error_code ec;
  ConfigFacts config{.file = paths.config_file, .exists = fs::exists(paths.config_file, ec)};
  config.load = LoadConfig(paths.config_file);
  config.pin_file = store::LoadPinHash(store::PinFilePath(paths.config_file.parent_path())).has_value();
  const Config& settings = config.load.config;
  const std::string lang = options.lang.empty() ? settings.lang : options.lang;
  ui::InitTranslations(lang, paths.locale_dir.string());

  std::vector<Finding> findings;
  Append(findings, CheckData(ProbeData(paths.data_dir, paths.locale_dir), lang));
  findings.push_back(CheckConfig(config));
  findings.push_back(CheckPin(config));

  const DisplayFacts display = ProbeDisplay();
  findings.push_back(CheckGl(display.gl));
  Append(findings, CheckScreens(display.gl, display.monitors, settings));
  Append(findings, CheckTouch(ProbeTouch()));

  FontFacts font{.wanted = settings.font};
  if (auto face = FindFontFace(settings.font); face.ok()) {
    font.found = true;
    font.file = face->file;
    font.family = face->family;
  } else {
    font.error = face.error().message;
  }
  findings.push_back(CheckFont(font));

  const fs::path sessions_dir = settings.sessions_dir.empty() ? store::DefaultSessionsDir() : fs::path(settings.sessions_dir);
  Append(findings, CheckSessions(ProbeSessionsDir(sessions_dir)));
  findings.push_back(CheckClock(NowMs(), FindNewestSession(sessions_dir)));

  const std::string report = options.json ? ReportJson(findings) : FormatReport(findings);
  std::fwrite(report.data(), 1, report.size(), stdout);
  return ExitCode(findings);
}

}  // namespace atelier::platform
