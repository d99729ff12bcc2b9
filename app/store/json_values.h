// Small JSON value helpers shared by the store's codecs: floats written so they read back to
// the very same float (snapshots must rebuild a board exactly), colours as "#rrggbb", map
// points as [x, y]. Internal to store/.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/geometry.h"
#include "core/palette.h"

namespace atelier::store {

// A double that prints short ("0.12", not "0.11999999731779099") and converts back to f
// exactly; when the short form would not, the exact value of f.
double FloatForJson(float f);

// "#rrggbb" (lower case).
std::string RgbToHex(core::Rgb c);
std::optional<core::Rgb> RgbFromHex(std::string_view hex);

nlohmann::json PointToJson(core::MapPoint p);
// A point from [x, y] (two finite numbers), or nullopt.
std::optional<core::MapPoint> PointFromJson(const nlohmann::json& j);

}  // namespace atelier::store
