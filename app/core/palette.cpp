#include "core/palette.h"

#include <cmath>

namespace atelier::core {

std::optional<CardColour> FindColour(std::string_view name) {
  for (const CardColour& c : kPalette)
    if (c.name == name) return c;
  return std::nullopt;
}

namespace {
double Linear(std::uint8_t channel) {
  double c = channel / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double Luminance(Rgb c) { return 0.2126 * Linear(c.r) + 0.7152 * Linear(c.g) + 0.0722 * Linear(c.b); }
}  // namespace

double ContrastRatio(Rgb a, Rgb b) {
  double la = Luminance(a), lb = Luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace atelier::core
