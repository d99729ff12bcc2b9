#include "store/deck_shelf.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "store/session_export.h"
#include "store/sessions_dir.h"

namespace atelier::store {

namespace fs = std::filesystem;

fs::path DefaultDeckFile() { return DataDir() / "paquet.csv"; }

namespace {

core::Result<std::string> ReadDeckBytes(const fs::path& file) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec || !fs::is_regular_file(file, ec))
    return core::Error{"Le fichier de cartes « " + file.filename().string() + " » est introuvable ou illisible."};
  if (size > kMaxDeckFileBytes)
    return core::Error{"Le fichier de cartes « " + file.filename().string() +
                       " » est trop gros pour un paquet (plus d'un mégaoctet)."};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof())
    return core::Error{"Le fichier de cartes « " + file.filename().string() + " » est illisible."};
  return bytes.str();
}

}  // namespace

core::Result<std::optional<Deck>> DeckShelf::Current() const {
  std::error_code ec;
  if (!fs::exists(m_file, ec)) return std::optional<Deck>{};
  auto bytes = ReadDeckBytes(m_file);
  if (!bytes.ok()) return bytes.error();
  return std::optional<Deck>{ParseDeck(bytes.value())};
}

core::Result<Deck> DeckShelf::Import(const fs::path& file) {
  auto bytes = ReadDeckBytes(file);
  if (!bytes.ok()) return bytes.error();
  Deck deck = ParseDeck(bytes.value());
  if (deck.cards.empty())
    return core::Error{"Le fichier « " + file.filename().string() + " » ne contient aucune carte utilisable."};
  std::error_code ec;
  std::error_code same_ec;
  if (fs::equivalent(file, m_file, same_ec)) return deck;  // already the current deck
  fs::create_directories(m_file.parent_path(), ec);
  if (!WriteTextFile(m_file, bytes.value()).ok())
    return core::Error{"Le paquet n'a pas pu être enregistré dans « " + m_file.parent_path().string() +
                       " » (disque plein ou protégé en écriture)."};
  return deck;
}

core::Status DeckShelf::Remove() {
  std::error_code ec;
  fs::remove(m_file, ec);
  if (ec) return core::Error{"Le paquet n'a pas pu être retiré (disque protégé en écriture)."};
  return core::Ok{};
}

std::vector<fs::path> DeckShelf::Candidates() const {
  std::vector<fs::path> found;
  std::set<fs::path> seen;
  auto consider = [&](const fs::path& p) {
    std::error_code ec;
    if (p.extension() != ".csv" || !fs::is_regular_file(p, ec)) return;
    fs::path canonical = fs::weakly_canonical(p, ec);
    if (fs::equivalent(p, m_file, ec)) return;  // the current deck's own copy
    if (seen.insert(canonical).second) found.push_back(p);
  };
  for (const fs::path& dir : m_dirs) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it.depth() >= 2) it.disable_recursion_pending();
      consider(it->path());
      if (found.size() >= 200) break;  // a stick full of spreadsheets: the first ones are enough
    }
  }
  std::sort(found.begin(), found.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return found;
}

}  // namespace atelier::store
