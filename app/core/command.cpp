#include "core/command.h"

#include <cmath>

#include "core/palette.h"
#include "core/text.h"

namespace atelier::core {

namespace {

bool Finite(MapPoint p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Checks text and colour the way every card must be; on success text holds the clean text.
std::optional<Error> CheckCard(std::string& text, const std::string& colour) {
  text = SanitizeCardText(text);
  if (text.empty()) return Error{"Écrivez quelques mots sur la carte."};
  if (CountChars(text) > kMaxCardChars)
    return Error{"Le texte d'une carte est limité à " + std::to_string(kMaxCardChars) + " caractères."};
  if (!FindColour(colour)) return Error{"Couleur inconnue : « " + colour + " »."};
  return std::nullopt;
}

Error NoSuchCard(CardId id) { return Error{"La carte n°" + std::to_string(id) + " n'est pas sur le tableau."}; }

}  // namespace

Result<EventData> Decide(const Board& board, const Command& command) {
  return std::visit(
      [&](const auto& c) -> Result<EventData> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, AddCard>) {
          std::string text = c.text;
          if (auto err = CheckCard(text, c.colour)) return *err;
          if (!Finite(c.at)) return Error{"Position de carte invalide."};
          return EventData{CardAdded{board.next_id(), text, c.colour, ClampToMap(c.at)}};
        } else if constexpr (std::is_same_v<C, MoveCard>) {
          const Card* card = board.Find(c.id);
          if (!card) return NoSuchCard(c.id);
          if (!Finite(c.to)) return Error{"Position de carte invalide."};
          return EventData{CardMoved{c.id, card->at, ClampToMap(c.to)}};
        } else if constexpr (std::is_same_v<C, EditCard>) {
          const Card* card = board.Find(c.id);
          if (!card) return NoSuchCard(c.id);
          std::string text = c.text;
          if (auto err = CheckCard(text, c.colour)) return *err;
          if (text == card->text && c.colour == card->colour) return Error{"La carte n'a pas changé."};
          return EventData{CardEdited{c.id, card->text, card->colour, text, c.colour}};
        } else if constexpr (std::is_same_v<C, DeleteCard>) {
          if (!board.Find(c.id)) return NoSuchCard(c.id);
          return EventData{CardDeleted{c.id}};
        } else {
          if (!board.FindBinned(c.id)) return Error{"Cette carte ne peut plus être rétablie."};
          return EventData{CardRestored{c.id}};
        }
      },
      command);
}

}  // namespace atelier::core
