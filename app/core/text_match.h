// When two cards say the same thing, case and accents aside: "Café", "cafe" and "  CAFÉ "
// match. Used to find the cards that came up in several workshops (report/workshop_compare).
#pragma once
#include <string>
#include <string_view>

namespace atelier::core {

// utf8 lower-cased, with the accents of Latin letters taken off (é → e, Ç → c, œ → oe,
// ß → ss), runs of white space made one space, and trimmed. Letters of other scripts are kept
// as they are. Two texts match when their keys are equal.
std::string MatchKey(std::string_view utf8);

}  // namespace atelier::core
