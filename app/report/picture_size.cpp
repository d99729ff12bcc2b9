#include "report/picture_size.h"

#include <cmath>
#include <regex>
#include <string>

namespace atelier::report {

core::Result<PictureSize> ChoosePictureSize(std::string_view size, double scale) {
  // Appends, not "lit" + std::string: GCC 12 at -O3 takes those for overlapping copies (-Wrestrict).
  std::string range = "from ";
  range.append(std::to_string(kMinPictureWidth)).append("x").append(std::to_string(kMinPictureHeight));
  range.append(" to ").append(std::to_string(kMaxPictureWidth)).append("x").append(std::to_string(kMaxPictureHeight));
  if (!size.empty() && scale != 0) return core::Error{"give --size or --scale, not both"};
  PictureSize out;
  if (!size.empty()) {
    std::string text;  // "3840×2160" as typed on a French keyboard reads as 3840x2160
    for (std::size_t i = 0; i < size.size(); ++i) {
      if (size.substr(i, 2) == "×") {
        text.push_back('x');
        ++i;
      } else {
        text.push_back(size[i]);
      }
    }
    static const std::regex kSize(R"(\s*(\d{1,9})\s*[xX]\s*(\d{1,9})\s*)");
    std::smatch m;
    if (!std::regex_match(text, m, kSize))
      return core::Error{std::string("--size wants WIDTHxHEIGHT in pixels, e.g. 3840x2160 (got \"").append(size).append("\")")};
    out = {std::stoi(m[1].str()), std::stoi(m[2].str())};
  } else if (scale != 0) {
    if (!(scale > 0) || !std::isfinite(scale)) return core::Error{"--scale wants a positive number, e.g. 2 for 3840x2160"};
    out = {static_cast<int>(std::lround(1920 * scale)), static_cast<int>(std::lround(1080 * scale))};
  }
  if (out.width < kMinPictureWidth || out.height < kMinPictureHeight || out.width > kMaxPictureWidth ||
      out.height > kMaxPictureHeight)
    return core::Error{std::string("the picture would be ")
                           .append(std::to_string(out.width))
                           .append("x")
                           .append(std::to_string(out.height))
                           .append(" pixels; it can be ")
                           .append(range)};
  return out;
}

}  // namespace atelier::report
