// What a phone sends to POST /api/cards, read and checked without the board: a JSON object
// {"token", "text", "colour", "zone" (optional), "key"} (docs/phones.md). Pure functions, any
// thread; the board's own checks (zone exists, board unlocked) happen on the frame loop.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace atelier::net {

struct CardRequest {
  std::string token;
  std::string text;    // after CheckCardFields: sanitised as the kiosk does (core/text.h)
  std::string colour;  // a palette name ("yellow" …)
  std::string zone;    // a zone id of the map, or empty: the phone did not choose
  std::string key;     // the phone's idempotency key for this card
};

// Why a request cannot be used: the field (or "body"), and the message for the phone in French
// (the source string of the catalogue), with its {1} arguments.
struct BadField {
  std::string field;
  const char* french = "";
  std::vector<std::string> args;
};

inline constexpr std::size_t kMaxKeyChars = 64;
inline constexpr std::size_t kMinKeyChars = 8;

// 8–64 letters, digits, '-' or '_'.
bool ValidKey(std::string_view key);

// The body as a request: a JSON object whose fields present have the right types. The token
// is left unchecked (the server compares it first, so a request without one gets 404).
std::variant<CardRequest, BadField> ParseCardRequest(std::string_view body);

// The card's fields by the kiosk's rules: text sanitised and 1–200 characters, a palette
// colour, a key of 8–64 letters, digits, '-' or '_', a zone id of at most 64 characters.
// Sanitises request.text in place.
std::variant<std::monostate, BadField> CheckCardFields(CardRequest& request);

}  // namespace atelier::net
