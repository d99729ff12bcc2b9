#include "core/deck.h"

#include <unordered_map>

#include "core/board.h"

namespace atelier::core {

std::optional<DeckMode> ParseDeckMode(std::string_view text) {
  if (text == "keep" || text == "garder") return DeckMode::Keep;
  if (text == "consume" || text == "consommer") return DeckMode::Consume;
  return std::nullopt;
}

const char* DeckModeName(DeckMode mode) { return mode == DeckMode::Keep ? "keep" : "consume"; }

std::vector<std::size_t> OnTray(const std::vector<DeckCard>& deck, const Board& board, DeckMode mode) {
  std::vector<std::size_t> shown;
  shown.reserve(deck.size());
  std::unordered_map<std::string_view, int> on_board;
  if (mode == DeckMode::Consume)
    for (const auto& [id, card] : board.cards()) ++on_board[card.text];
  for (std::size_t i = 0; i < deck.size(); ++i) {
    auto used = on_board.find(deck[i].text);
    if (used != on_board.end() && used->second > 0) {
      --used->second;  // this board card accounts for this deck card
      continue;
    }
    shown.push_back(i);
  }
  return shown;
}

}  // namespace atelier::core
