// The facilitator panel's "Paquet" page: the deck of ready-made cards the tray offers — how
// many, whether a placed card leaves the tray or stays, remove it, and import another from the
// CSV files found (shipped decks, the data folder's `paquets/`, USB sticks). The files are
// looked for when the page opens and on "Chercher à nouveau", not every frame.
#pragma once
#include <string>
#include <vector>

#include "ui/controls.h"
#include "ui/deck_library.h"
#include "ui/theme.h"

namespace atelier::ui {

class DeckPage {
 public:
  void Opened(DeckLibrary& decks);  // looks for files again
  // Draws the page in the panel's child window of width w; what the last touch did is said on
  // the page itself (the board's messages would sit under the panel).
  void Draw(Controls& controls, const Fonts& fonts, float scale, float w, DeckLibrary& decks);

 private:
  std::vector<DeckChoice> m_choices;
  DeckOutcome m_report;  // what the last import, removal or setting did
};

}  // namespace atelier::ui
