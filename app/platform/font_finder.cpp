#include "platform/font_finder.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace atelier::platform {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The file of the best match for family, if its family really is that one.
std::string MatchFamily(FcConfig* config, const std::string& family) {
  std::string found;
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
  if (!pattern) return found;
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  if (match) {
    FcChar8* file = nullptr;
    FcChar8* matched_family = nullptr;
    std::string wanted = Lower(family.substr(0, family.find(':')));
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetString(match, FC_FAMILY, 0, &matched_family) == FcResultMatch &&
        Lower(reinterpret_cast<const char*>(matched_family)) == wanted)
      found = reinterpret_cast<const char*>(file);
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return found;
}

}  // namespace

core::Result<std::string> FindFont(const std::string& pattern) {
  auto face = FindFontFace(pattern);
  if (!face.ok()) return face.error();
  return face->file;
}

core::Result<FontFace> FindFontFace(const std::string& pattern) {
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) return core::Error{"fontconfig could not be initialised"};
  std::vector<std::string> families;
  if (!pattern.empty()) families.push_back(pattern);
  families.push_back("Andika");
  families.push_back("DejaVu Sans");
  std::string file, found_family;
  for (const std::string& family : families) {
    file = MatchFamily(config, family);
    found_family = family;
    if (!file.empty()) break;
  }
  FcConfigDestroy(config);
  if (file.empty())
    return core::Error{"no usable font found (looked for " + (pattern.empty() ? std::string() : pattern + ", ") +
                       "Andika, DejaVu Sans): install fonts-sil-andika or fonts-dejavu-core"};
  return FontFace{file, found_family};
}

}  // namespace atelier::platform
