#include "store/wall_time.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace atelier::store {

std::int64_t WallNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

std::string ZoneName() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) return tz[0] == ':' ? tz + 1 : tz;
  std::ifstream f("/etc/timezone");
  std::string name;
  if (f && std::getline(f, name) && !name.empty()) return name;
  std::error_code ec;
  auto target = std::filesystem::read_symlink("/etc/localtime", ec).string();
  auto at = target.find("zoneinfo/");
  if (!ec && at != std::string::npos) return target.substr(at + 9);
  return {};
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
void CivilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

std::int64_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string DateTime(std::int64_t epoch_ms, bool with_ms) {
  std::int64_t secs = FloorDiv(epoch_ms, 1000);
  int ms = static_cast<int>(epoch_ms - secs * 1000);
  std::int64_t days = FloorDiv(secs, 86400);
  int sod = static_cast<int>(secs - days * 86400);
  int y;
  unsigned m, d;
  CivilFromDays(days, y, m, d);
  char buf[48];
  if (with_ms)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03d", y, m, d, sod / 3600, sod / 60 % 60, sod % 60, ms);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", y, m, d, sod / 3600, sod / 60 % 60, sod % 60);
  return buf;
}

}  // namespace

LocalZone MachineZone(std::int64_t epoch_ms) {
  std::time_t t = static_cast<std::time_t>(FloorDiv(epoch_ms, 1000));
  std::tm local{};
  localtime_r(&t, &local);
  return LocalZone{ZoneName(), static_cast<int>(local.tm_gmtoff / 60)};
}

std::string IsoUtc(std::int64_t epoch_ms) { return DateTime(epoch_ms, true) + "Z"; }

std::string IsoLocal(std::int64_t epoch_ms, int off) {
  char tz[16];
  int a = off < 0 ? -off : off;
  std::snprintf(tz, sizeof tz, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
  return DateTime(epoch_ms + std::int64_t{off} * 60000, false) + tz;
}

std::optional<std::int64_t> ParseIsoUtc(const std::string& iso) {
  int y, mo, d, h, mi, s, ms = 0, n = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6) return std::nullopt;
  std::string rest = iso.substr(static_cast<std::size_t>(n));
  if (rest.size() == 5 && rest[0] == '.') {
    if (std::sscanf(rest.c_str(), ".%3dZ", &ms) != 1) return std::nullopt;
  } else if (rest != "Z") {
    return std::nullopt;
  }
  std::int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 86400 + h * 3600 + mi * 60 + s) * 1000) + ms;
}

}  // namespace atelier::store
