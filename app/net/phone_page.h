// The phone page (assets/phone/phone.html) in one language: its {{tr:French}} marks become the
// catalogue's words, HTML-escaped, {{lang}} the language code and {{token}} the session token
// (32 hex digits), {{zones}} the map's zones as <option>s. Everything else is copied as it is.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "net/catalogue.h"

namespace atelier::net {

// A zone a phone may choose: its id and its label in both languages (English may be empty).
struct ZoneChoice {
  std::string id, fr, en;
  bool operator==(const ZoneChoice&) const = default;
};

std::string PhonePageHtml(std::string_view page, const Catalogue& catalogue, Language language, std::string_view token,
                          const std::vector<ZoneChoice>& zones = {});

}  // namespace atelier::net
