#include "store/json_values.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace atelier::store {

double FloatForJson(float f) {
  if (!std::isfinite(f)) return 0.0;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf - 1, f);  // shortest form that reads back as f
  *res.ptr = '\0';
  double d = std::strtod(buf, nullptr);
  return static_cast<float>(d) == f ? d : static_cast<double>(f);
}

std::string RgbToHex(core::Rgb c) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "#";
  for (std::uint8_t v : {c.r, c.g, c.b}) {
    out += kHex[v >> 4];
    out += kHex[v & 15];
  }
  return out;
}

std::optional<core::Rgb> RgbFromHex(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  std::uint8_t v[3];
  for (int i = 0; i < 3; ++i) {
    auto res = std::from_chars(hex.data() + 1 + 2 * i, hex.data() + 3 + 2 * i, v[i], 16);
    if (res.ec != std::errc() || res.ptr != hex.data() + 3 + 2 * i) return std::nullopt;
  }
  return core::Rgb{v[0], v[1], v[2]};
}

nlohmann::json PointToJson(core::MapPoint p) { return nlohmann::json::array({FloatForJson(p.x), FloatForJson(p.y)}); }

std::optional<core::MapPoint> PointFromJson(const nlohmann::json& j) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_number()) return std::nullopt;
  core::MapPoint p{static_cast<float>(j[0].get<double>()), static_cast<float>(j[1].get<double>())};
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return std::nullopt;
  return p;
}

}  // namespace atelier::store
