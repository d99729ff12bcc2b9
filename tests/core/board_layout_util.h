// Random boards for the layout tests (landing, card size, "Ranger la carte"): cards added by
// folding CardAdded events straight into a Board, positions from a seeded generator.
#pragma once
#include <random>
#include <string>
#include <vector>

#include "core/board.h"

namespace atelier::core::testing {

// The default map's six columns (assets/templates/usages-impacts.json), by hand: core tests
// read no files.
inline Template SixColumns() {
  Template t;
  t.id = "six-columns";
  const float xs[] = {0.05f, 0.2058f, 0.3616f, 0.5174f, 0.6732f, 0.829f};
  for (int i = 0; i < 6; ++i)
    t.zones.push_back(Zone{.id = "z" + std::to_string(i), .label = {"Zone", ""},
                           .area = {xs[i], 0.12f, i == 5 ? 0.156f : 0.1558f, 0.74f}, .tint = {}});
  return t;
}

inline void AddCardTo(Board& board, MapPoint at, std::string text = "Carte") {
  const CardId id = board.next_id();
  board.Apply(Event{.seq = id, .t_ms = id, .actor = Actor::Kiosk,
                    .data = CardAdded{id, std::move(text), "yellow", at}});
}

// n cards, uniformly over the map (centres kept a little inside its edges).
inline Board RandomBoard(Template tmpl, int n, std::mt19937& random) {
  Board board(std::move(tmpl));
  std::uniform_real_distribution<float> x(0.02f, 0.98f), y(0.03f, 0.97f);
  for (int i = 0; i < n; ++i) AddCardTo(board, {x(random), y(random)}, "Carte " + std::to_string(i));
  return board;
}

}  // namespace atelier::core::testing
