// What someone asks the board to do. The core decides (Decide) whether it makes sense: it
// becomes an event, or is refused with a reason and changes nothing.
#pragma once
#include <string>
#include <variant>

#include "core/board.h"
#include "core/error.h"
#include "core/event.h"

namespace atelier::core {

struct AddCard {
  std::string text;
  std::string colour;
  MapPoint at;
};

struct MoveCard {
  CardId id = 0;
  MapPoint to;
};

struct EditCard {
  CardId id = 0;
  std::string text;
  std::string colour;
};

struct DeleteCard {
  CardId id = 0;
};

struct RestoreCard {
  CardId id = 0;
};

using Command = std::variant<AddCard, MoveCard, EditCard, DeleteCard, RestoreCard>;

// The event a command would produce on this board, or why it is refused (French message).
Result<EventData> Decide(const Board& board, const Command& command);

}  // namespace atelier::core
