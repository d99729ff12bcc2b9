// Helpers for the store tests: temporary folders, file checksums, random workshop sessions.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/command.h"
#include "core/session.h"

namespace atelier::store::testing {

namespace fs = std::filesystem;

// A fresh folder under /tmp, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const fs::path& base = fs::temp_directory_path()) {
    std::string tmpl = (base / "atelier-store-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path operator/(const std::string& name) const { return path / name; }
};

// /dev/shm when present (fsync is free there), else the usual temporary folder.
inline fs::path FastTemp() {
  std::error_code ec;
  return fs::is_directory("/dev/shm", ec) && access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm")
                                                                          : fs::temp_directory_path();
}

inline std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteAll(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

inline core::Template TestTemplate() {
  core::Template t;
  t.id = "test";
  t.title = {"Essai", "Test"};
  t.zones = {core::Zone{.id = "haut", .label = {"En haut", "Top"}, .area = {0, 0, 1, 0.5f}, .tint = {1, 2, 3}},
             core::Zone{.id = "bas", .label = {"En bas", ""}, .area = {0, 0.5f, 1, 0.5f}, .tint = {4, 5, 6}}};
  return t;
}

// Submits n random commands (adds, moves, edits, deletes, restores) to a session.
inline void RandomWorkshop(core::Session& session, core::ManualClock& clock, int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto uni = [&](float a, float b) { return std::uniform_real_distribution<float>(a, b)(rng); };
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  const char* words[] = {"HelloAsso", "Café « associatif »", "Facebook", "Trop de groupes WhatsApp",
                         "Compta en ligne", "=SUM(A1)", "a, \"b\"", "Œuvre — n°2"};
  for (int i = 0; i < n; ++i) {
    clock.Advance(1 + pick(5000));
    const auto& b = session.board();
    auto random_card = [&](const auto& cards) -> core::CardId {
      if (cards.empty()) return 999;
      auto it = cards.begin();
      std::advance(it, pick(static_cast<int>(cards.size())));
      return it->first;
    };
    int kind = pick(10);
    core::Command cmd;
    if (kind < 3 || b.cards().empty())
      cmd = core::AddCard{words[pick(8)] + std::to_string(i), std::string(core::kPalette[pick(8)].name),
                          {uni(0, 1), uni(0, 1)}};
    else if (kind < 6)
      cmd = core::MoveCard{random_card(b.cards()), {uni(-0.1f, 1.1f), uni(0, 1)}};
    else if (kind < 8)
      cmd = core::EditCard{random_card(b.cards()), words[pick(8)] + std::string(" v") + std::to_string(i),
                           std::string(core::kPalette[pick(8)].name)};
    else if (kind < 9)
      cmd = core::DeleteCard{random_card(b.cards())};
    else
      cmd = core::RestoreCard{random_card(b.binned())};
    (void)session.Submit(cmd, pick(4) == 0 ? core::Actor::Facilitator : core::Actor::Kiosk);
  }
}

}  // namespace atelier::store::testing
