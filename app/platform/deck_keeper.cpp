#include "platform/deck_keeper.h"

#include "ui/i18n.h"

namespace atelier::platform {

namespace fs = std::filesystem;

std::string DescribeImport(const store::Deck& deck, const std::string& file_name) {
  std::string said = deck.cards.size() == 1
                         ? ui::Tr("1 carte importée de « {1} ».", {file_name})
                         : ui::Tr("{1} cartes importées de « {2} ».", {std::to_string(deck.cards.size()), file_name});
  if (deck.problems.empty()) return said;
  // Appended: `" " + std::string` trips GCC 12's -Wrestrict false positive at -O3 (bug 105329).
  said += ' ';
  said += deck.problems.size() == 1 ? std::string(ui::Tr("1 ligne ignorée :"))
                                    : ui::Tr("{1} lignes ignorées :", {std::to_string(deck.problems.size())});
  constexpr std::size_t kShown = 4;  // the first few say what to fix; the rest would flood the screen
  for (std::size_t i = 0; i < deck.problems.size() && i < kShown; ++i) {
    said += i ? " ; " : " ";
    said += ui::Tr("ligne {1} : {2}", {std::to_string(deck.problems[i].row), deck.problems[i].fr});
  }
  if (deck.problems.size() > kShown) said += " …";
  return said + ".";
}

DeckKeeper::DeckKeeper(store::DeckShelf shelf, fs::path shipped_dir, core::DeckMode mode,
                       std::function<std::string(core::DeckMode)> save_mode)
    : m_shelf(std::move(shelf)), m_shipped_dir(std::move(shipped_dir)), m_mode(mode), m_save_mode(std::move(save_mode)) {}

std::string DeckKeeper::Load() {
  auto current = m_shelf.Current();
  ++m_version;
  m_cards.clear();
  if (!current.ok()) return current.error().message;
  if (current.value()) m_cards = current.value()->cards;
  return {};
}

std::vector<ui::DeckChoice> DeckKeeper::Choices() const {
  std::vector<ui::DeckChoice> choices;
  for (const fs::path& p : m_shelf.Candidates()) {
    const std::string path = p.string();
    const char* where = path.starts_with(m_shipped_dir.string()) ? ui::Tr("fourni avec Atelier")
                        : path.starts_with("/media/") || path.starts_with("/run/media/") ? ui::Tr("clé USB")
                                                                                           : ui::Tr("dossier des paquets");
    choices.push_back({path, p.filename().string(), where});
  }
  return choices;
}

ui::DeckOutcome DeckKeeper::Import(const std::string& path) {
  auto imported = m_shelf.Import(path);
  if (!imported.ok()) return {false, imported.error().message};
  m_cards = imported.value().cards;
  ++m_version;
  return {true, DescribeImport(imported.value(), fs::path(path).filename().string())};
}

ui::DeckOutcome DeckKeeper::Remove() {
  core::Status removed = m_shelf.Remove();
  if (!removed.ok()) return {false, removed.error().message};
  m_cards.clear();
  ++m_version;
  return {true, ui::Tr("Le paquet est retiré : le bouton « Cartes prêtes » disparaît.")};
}

ui::DeckOutcome DeckKeeper::SetMode(core::DeckMode mode) {
  m_mode = mode;
  ++m_version;
  std::string problem = m_save_mode ? m_save_mode(mode) : std::string();
  if (!problem.empty()) return {false, problem};  // it still holds until the kiosk stops
  return {true, mode == core::DeckMode::Keep
                    ? ui::Tr("Une carte posée reste aussi dans le paquet.")
                    : ui::Tr("Une carte posée quitte le paquet (elle y revient si on l'enlève du tableau).")};
}

}  // namespace atelier::platform
