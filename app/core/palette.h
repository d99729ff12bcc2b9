// The card palette: eight light paper colours, told apart by colour-blind people (lightened
// Okabe–Ito hues, checked for distinct lightness too) and each with a stable name used in
// files and exports. Dark text (kInk) on every one of them passes WCAG AA.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace atelier::core {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

struct CardColour {
  std::string_view name;         // stable id in files and exports ("yellow")
  std::string_view french_name;  // shown to people and in French exports ("jaune")
  Rgb paper;
};

inline constexpr Rgb kInk{0x1f, 0x23, 0x28};  // card text

inline constexpr std::array<CardColour, 8> kPalette{{
    {"yellow", "jaune", {0xff, 0xe9, 0x7a}},
    {"orange", "orange", {0xff, 0xc0, 0x7a}},
    {"pink", "rose", {0xff, 0xb3, 0xc7}},
    {"purple", "violet", {0xd9, 0xc2, 0xf0}},
    {"blue", "bleu", {0x9c, 0xcf, 0xf5}},
    {"teal", "turquoise", {0x8f, 0xe0, 0xd0}},
    {"green", "vert", {0xc5, 0xe8, 0x9a}},
    {"grey", "gris", {0xdc, 0xdc, 0xd6}},
}};

inline constexpr std::string_view kDefaultColour = "yellow";

std::optional<CardColour> FindColour(std::string_view name);

// WCAG 2 contrast ratio between two colours (1 … 21).
double ContrastRatio(Rgb a, Rgb b);

}  // namespace atelier::core
