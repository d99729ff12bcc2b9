#include "report/picture_size.h"

#include <cmath>
#include <regex>
#include <string>

namespace atelier::report {

core::Result<PictureSize> ChoosePictureSize(std::string_view size, double scale) {
  const std::string range = "from " + std::to_string(kMinPictureWidth) + "x" + std::to_string(kMinPictureHeight) +
                            " to " + std::to_string(kMaxPictureWidth) + "x" + std::to_string(kMaxPictureHeight);
  if (!size.empty() && scale != 0) return core::Error{"give --size or --scale, not both"};
  PictureSize out;
  if (!size.empty()) {
    std::string text(size);
    for (std::size_t at = text.find("×"); at != std::string::npos; at = text.find("×")) text.replace(at, 2, "x");
    static const std::regex kSize(R"(\s*(\d{1,9})\s*[xX]\s*(\d{1,9})\s*)");
    std::smatch m;
    if (!std::regex_match(text, m, kSize))
      return core::Error{"--size wants WIDTHxHEIGHT in pixels, e.g. 3840x2160 (got \"" + std::string(size) + "\")"};
    out = {std::stoi(m[1].str()), std::stoi(m[2].str())};
  } else if (scale != 0) {
    if (!(scale > 0) || !std::isfinite(scale)) return core::Error{"--scale wants a positive number, e.g. 2 for 3840x2160"};
    out = {static_cast<int>(std::lround(1920 * scale)), static_cast<int>(std::lround(1080 * scale))};
  }
  if (out.width < kMinPictureWidth || out.height < kMinPictureHeight || out.width > kMaxPictureWidth ||
      out.height > kMaxPictureHeight)
    return core::Error{"the picture would be " + std::to_string(out.width) + "x" + std::to_string(out.height) +
                       " pixels; it can be " + range};
  return out;
}

}  // namespace atelier::report
