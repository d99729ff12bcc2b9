// The kiosk's deck of ready-made cards on this machine (ui::DeckLibrary): the current deck is
// the copy store::DeckShelf keeps in the data folder; the keep/consume setting is `deck_mode`
// in atelier.conf. Candidates for the "Paquet" page come from the shipped decks, the data
// folder's `paquets/` and USB sticks under /media. `atelier --deck FILE.csv` imports at start.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/deck_shelf.h"
#include "ui/deck_library.h"

namespace atelier::platform {

class DeckKeeper final : public ui::DeckLibrary {
 public:
  // save_mode writes `deck_mode` to the config file; it returns a French problem or "".
  DeckKeeper(store::DeckShelf shelf, std::filesystem::path shipped_dir, core::DeckMode mode,
             std::function<std::string(core::DeckMode)> save_mode);

  // Reads the current deck; a French problem when its copy is unreadable (then no deck).
  std::string Load();

  const std::vector<core::DeckCard>& Cards() const override { return m_cards; }
  core::DeckMode Mode() const override { return m_mode; }
  std::uint64_t version() const override { return m_version; }
  std::vector<ui::DeckChoice> Choices() const override;
  ui::DeckOutcome Import(const std::string& path) override;
  ui::DeckOutcome Remove() override;
  ui::DeckOutcome SetMode(core::DeckMode mode) override;

 private:
  store::DeckShelf m_shelf;
  std::filesystem::path m_shipped_dir;
  core::DeckMode m_mode;
  std::function<std::string(core::DeckMode)> m_save_mode;
  std::vector<core::DeckCard> m_cards;
  std::uint64_t m_version = 0;
};

// "24 cartes importées de « outils.csv ». 2 lignes ignorées : ligne 5 : le texte est vide ; …"
std::string DescribeImport(const store::Deck& deck, const std::string& file_name);

}  // namespace atelier::platform
