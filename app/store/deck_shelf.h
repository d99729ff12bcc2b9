// Where the kiosk keeps its deck of ready-made cards: a copy of the imported CSV in the data
// folder (`$XDG_DATA_HOME/atelier/paquet.csv`), so the deck stays when the USB stick it came
// from is gone and comes back after a restart. Importing checks the file first and only
// replaces the current deck when the new one holds at least one good card. Candidates for the
// facilitator's panel are the *.csv files of a few folders (the shipped decks, the data
// folder's `paquets/`, USB sticks under /media): files down to three levels below each
// folder, as in /media/<user>/<stick>/cartes.csv.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/error.h"
#include "store/deck_csv.h"

namespace atelier::store {

inline constexpr std::uintmax_t kMaxDeckFileBytes = 1 << 20;  // a deck is a few kB; 1 MiB is plenty

// DataDir()/paquet.csv (store/sessions_dir.h).
std::filesystem::path DefaultDeckFile();

class DeckShelf {
 public:
  DeckShelf(std::filesystem::path current_file, std::vector<std::filesystem::path> search_dirs)
      : m_file(std::move(current_file)), m_dirs(std::move(search_dirs)) {}

  // The current deck; nothing when there is none. An Error (French) when the copy is unreadable.
  core::Result<std::optional<Deck>> Current() const;
  // Reads file and, when it holds at least one good card, makes it the current deck (bad rows
  // are reported in the result). Error (French) when unreadable, too big, without any good card
  // or when the copy cannot be written; the current deck is then unchanged.
  core::Result<Deck> Import(const std::filesystem::path& file);
  core::Status Remove();  // no deck any more
  std::vector<std::filesystem::path> Candidates() const;  // sorted by file name, no duplicates

  const std::filesystem::path& file() const { return m_file; }

 private:
  std::filesystem::path m_file;
  std::vector<std::filesystem::path> m_dirs;
};

}  // namespace atelier::store
