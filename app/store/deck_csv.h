// A deck of ready-made cards from a CSV file (docs/decks.md): one card per row — text, then an
// optional colour name (palette name in French or English: "jaune" or "yellow"), then an
// optional category. Comma or semicolon separated (the separator of the first row wins, so a
// French spreadsheet's ";" works), RFC 4180 quotes, UTF-8 (a BOM is skipped). A first row whose
// first cell is "texte" or "text" is a header. Bad rows are skipped and reported by row number
// and reason; the rest is imported.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/deck.h"
#include "core/error.h"

namespace atelier::store {

using core::DeckCard;

struct DeckProblem {
  int row = 0;     // 1-based line of the file where the row starts
  std::string fr;  // why, for the kiosk
  std::string en;  // why, for the command line
};

struct Deck {
  std::vector<DeckCard> cards;
  std::vector<DeckProblem> problems;
};

Deck ParseDeck(std::string_view csv);
// The deck in file; an Error (French) when the file cannot be read at all.
core::Result<Deck> LoadDeck(const std::filesystem::path& file);

}  // namespace atelier::store
