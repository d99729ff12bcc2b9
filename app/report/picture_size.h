// The size of an exported picture: `--size WIDTHxHEIGHT` or `--scale K` (K times 1920×1080),
// 1920×1080 when neither is given, at most 8K (7680×4320). Pure; errors in English (CLI).
#pragma once
#include <string_view>

#include "core/error.h"

namespace atelier::report {

inline constexpr int kMaxPictureWidth = 7680, kMaxPictureHeight = 4320;  // 8K UHD
inline constexpr int kMinPictureWidth = 160, kMinPictureHeight = 90;

struct PictureSize {
  int width = 1920, height = 1080;
  bool operator==(const PictureSize&) const = default;
};

// size empty and scale 0: the default. Both given is an error, as are sizes out of range.
core::Result<PictureSize> ChoosePictureSize(std::string_view size, double scale);

}  // namespace atelier::report
