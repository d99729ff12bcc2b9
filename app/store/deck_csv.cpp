#include "store/deck_csv.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/palette.h"
#include "core/text.h"

namespace atelier::store {

namespace {

struct Row {
  int line = 0;
  std::vector<std::string> cells;
};

// RFC 4180: quoted cells may hold separators, doubled quotes and line breaks.
std::vector<Row> SplitRows(std::string_view csv, char sep) {
  std::vector<Row> rows;
  Row row{.line = 1};
  std::string cell;
  bool quoted = false, any = false;
  int line = 1;
  auto end_row = [&] {
    if (any || !cell.empty() || !row.cells.empty()) {
      row.cells.push_back(cell);
      rows.push_back(std::move(row));
    }
    row = Row{.line = line};
    cell.clear();
    any = false;
  };
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else {
        if (c == '\n') ++line;
        cell += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == sep) {
      row.cells.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\n') {
      ++line;
      end_row();
    } else if (c != '\r') {
      cell += c;
    }
  }
  end_row();
  return rows;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool ValidUtf8(std::string_view s) { return core::DecodeUtf8(s).find(U'\uFFFD') == std::u32string::npos; }

}  // namespace

Deck ParseDeck(std::string_view csv) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
  const std::string_view first = csv.substr(0, csv.find('\n'));
  const char sep = std::count(first.begin(), first.end(), ';') > std::count(first.begin(), first.end(), ',') ? ';' : ',';
  Deck deck;
  bool first_row = true;
  for (Row& row : SplitRows(csv, sep)) {
    auto cell = [&](std::size_t i) { return i < row.cells.size() ? core::SanitizeCardText(row.cells[i]) : std::string(); };
    auto skip = [&](std::string fr, std::string en) { deck.problems.push_back({row.line, std::move(fr), std::move(en)}); };
    const bool header = first_row && (Lower(cell(0)) == "texte" || Lower(cell(0)) == "text");
    first_row = false;
    if (header) continue;
    bool blank = true;
    for (const std::string& c : row.cells) blank = blank && core::SanitizeCardText(c).empty();
    if (blank) continue;  // an empty line, or ";;" left by a spreadsheet
    if (row.cells.size() > 3 && !core::SanitizeCardText(row.cells[3]).empty()) {
      skip("plus de trois colonnes (texte, couleur, catégorie)", "more than three columns (text, colour, category)");
      continue;
    }
    for (const std::string& c : row.cells)
      if (!ValidUtf8(c)) {
        skip("caractères illisibles (le fichier doit être en UTF-8)", "unreadable characters (the file must be UTF-8)");
        goto next_row;
      }
    {
      DeckCard card{.text = cell(0), .colour = std::string(core::kDefaultColour), .category = cell(2)};
      if (card.text.empty()) {
        skip("le texte de la carte est vide", "the card's text is empty");
        continue;
      }
      if (core::CountChars(card.text) > core::kMaxCardChars) {
        skip("texte trop long (" + std::to_string(core::CountChars(card.text)) + " caractères, " +
                 std::to_string(core::kMaxCardChars) + " au plus)",
             "text too long (" + std::to_string(core::CountChars(card.text)) + " characters, at most " +
                 std::to_string(core::kMaxCardChars) + ")");
        continue;
      }
      if (const std::string colour = Lower(cell(1)); !colour.empty()) {
        bool found = false;
        for (const core::CardColour& c : core::kPalette)
          if (colour == c.name || colour == c.french_name) card.colour = std::string(c.name), found = true;
        if (!found) {
          skip("couleur inconnue « " + cell(1) + " »", "unknown colour \"" + cell(1) + "\"");
          continue;
        }
      }
      deck.cards.push_back(std::move(card));
    }
  next_row:;
  }
  return deck;
}

core::Result<Deck> LoadDeck(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return core::Error{"Le fichier de cartes « " + file.string() + " » est introuvable ou illisible."};
  std::ostringstream text;
  text << in.rdbuf();
  return ParseDeck(text.str());
}

}  // namespace atelier::store
