// What the screens know of the kiosk's deck of ready-made cards, given by the platform (which
// keeps it as a file, store/deck_shelf.h, and its keep/consume setting in the config file):
// the cards the tray offers, and what the facilitator's "Paquet" page can do with decks.
// Every answer meant for people is French.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/deck.h"

namespace atelier::ui {

struct DeckChoice {
  std::string path;   // what Import takes
  std::string name;   // the file's name, shown on its button
  std::string where;  // "clé USB", "fourni avec Atelier" …
};

// What an action did, to show as is ("24 cartes importées …", or why not).
struct DeckOutcome {
  bool ok = true;
  std::string said;
};

class DeckLibrary {
 public:
  virtual ~DeckLibrary() = default;
  virtual const std::vector<core::DeckCard>& Cards() const = 0;  // the current deck; empty: none
  virtual core::DeckMode Mode() const = 0;
  // Changes whenever the cards or the mode change, so a screen knows to refresh its tray.
  virtual std::uint64_t version() const = 0;

  virtual std::vector<DeckChoice> Choices() const = 0;
  virtual DeckOutcome Import(const std::string& path) = 0;
  virtual DeckOutcome Remove() = 0;
  virtual DeckOutcome SetMode(core::DeckMode mode) = 0;
};

}  // namespace atelier::ui
