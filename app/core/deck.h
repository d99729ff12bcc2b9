// A deck of ready-made cards the facilitator prepared (a CSV file, store/deck_csv.h): the tray
// along the bottom of the board shows them, and a participant drags one onto the map, where it
// becomes a normal card (an AddCard like any other). In "consume" mode a deck card leaves the
// tray while a card with its text is on the board, and comes back if that card goes to the bin
// or is undone: what the tray shows is derived from the board, so it survives a restart and
// follows the replayable history instead of keeping a second record.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atelier::core {

class Board;

struct DeckCard {
  std::string text;      // sanitised, at most kMaxCardChars characters
  std::string colour;    // palette name ("yellow" when the file gave none)
  std::string category;  // may be empty
  bool operator==(const DeckCard&) const = default;
};

enum class DeckMode { Keep, Consume };  // the tray keeps a dragged card, or gives it away

// "keep"/"garder" or "consume"/"consommer"; nothing for anything else.
std::optional<DeckMode> ParseDeckMode(std::string_view text);
const char* DeckModeName(DeckMode mode);  // "keep" | "consume"

// Indices of the deck's cards the tray shows now, in deck order. In Consume mode each card on
// the board with the same text hides one deck card of that text (two identical deck cards need
// two cards on the board).
std::vector<std::size_t> OnTray(const std::vector<DeckCard>& deck, const Board& board, DeckMode mode);

}  // namespace atelier::core
