#include "net/card_request.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/palette.h"
#include "core/text.h"
#include "net/catalogue.h"

namespace atelier::net {

namespace {

using nlohmann::json;

// Reads key as a string into out; false when present with another type.
bool StringField(const json& j, const char* key, std::string& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool KeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::variant<CardRequest, BadField> ParseCardRequest(std::string_view body) {
  // nlohmann's parser refuses invalid UTF-8 inside strings, so bad bytes never reach a card.
  json j = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return BadField{"body", TrLater("La demande n'est pas lisible : rechargez la page et réessayez.")};
  CardRequest r;
  if (!StringField(j, "token", r.token)) r.token.clear();
  for (auto [name, out] : {std::pair{"text", &r.text}, {"colour", &r.colour}, {"zone", &r.zone}, {"key", &r.key}})
    if (!StringField(j, name, *out))
      return BadField{name, TrLater("Le champ « {1} » de la demande n'est pas un texte."), {name}};
  return r;
}

bool ValidKey(std::string_view key) {
  return key.size() >= kMinKeyChars && key.size() <= kMaxKeyChars && std::all_of(key.begin(), key.end(), KeyChar);
}

std::variant<std::monostate, BadField> CheckCardFields(CardRequest& r) {
  if (!ValidKey(r.key))
    return BadField{"key", TrLater("La demande n'a pas de clé valable : rechargez la page et réessayez.")};
  r.text = core::SanitizeCardText(r.text);
  if (r.text.empty()) return BadField{"text", TrLater("Écrivez quelques mots sur la carte.")};
  if (core::CountChars(r.text) > core::kMaxCardChars)
    return BadField{"text", TrLater("Le texte d'une carte est limité à {1} caractères."),
                    {std::to_string(core::kMaxCardChars)}};
  if (r.colour.empty()) r.colour = std::string(core::kDefaultColour);
  if (!core::FindColour(r.colour)) return BadField{"colour", TrLater("Cette couleur n'existe pas : choisissez-en une autre.")};
  if (r.zone.size() > 64) return BadField{"zone", TrLater("Cette zone n'existe pas sur la carte.")};
  return std::monostate{};
}

}  // namespace atelier::net
