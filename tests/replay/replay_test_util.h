// Helpers for the replay tests: random but valid workshop sessions, made the way the kiosk
// makes them (commands through core::Session, so every event is one Decide accepted).
#pragma once
#include <random>
#include <string>
#include <vector>

#include "core/command.h"
#include "core/journal.h"
#include "core/session.h"

namespace atelier::replay::testing {

inline core::Template TestTemplate() {
  core::Template t;
  t.id = "test";
  t.title = {"Essai", "Test"};
  t.zones = {core::Zone{.id = "haut", .label = {"En haut", "Top"}, .area = {0, 0, 1, 0.5f}, .tint = {1, 2, 3}}};
  return t;
}

struct RandomSessionConfig {
  int events = 1000;
  unsigned seed = 1;
  int max_gap_ms = 5000;   // time between two commands: 0 … this (0: several events in one ms)
  int long_pause_every = 50;  // now and then a quiet minute or two
};

// Submits random commands (adds, moves, edits, deletes, restores) until `events` were accepted;
// returns the events in journal order.
inline std::vector<core::Event> RandomSession(const RandomSessionConfig& config, core::Journal* also = nullptr) {
  std::mt19937 rng(config.seed);
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  auto uni = [&](float a, float b) { return std::uniform_real_distribution<float>(a, b)(rng); };
  core::MemoryJournal memory;
  core::ManualClock clock(0);
  struct Tee final : core::Journal {
    core::Journal* a;
    core::Journal* b;
    void Append(const core::Event& e) override {
      a->Append(e);
      if (b) b->Append(e);
    }
  } tee;
  tee.a = &memory;
  tee.b = also;
  core::Session session(core::Board(TestTemplate()), tee, clock);
  const char* words[] = {"HelloAsso", "Café « associatif »", "Facebook", "Trop de groupes WhatsApp", "Canva"};
  auto random_card = [&](const auto& cards) -> core::CardId {
    if (cards.empty()) return 999999;
    auto it = cards.begin();
    std::advance(it, pick(static_cast<int>(cards.size())));
    return it->first;
  };
  for (int i = 0; static_cast<int>(memory.events().size()) < config.events; ++i) {
    clock.Advance(pick(config.max_gap_ms + 1));
    if (config.long_pause_every > 0 && pick(config.long_pause_every) == 0) clock.Advance(60'000 + pick(60'000));
    const core::Board& b = session.board();
    core::Command cmd;
    int kind = pick(20);
    if (kind < 5 || b.cards().empty())
      cmd = core::AddCard{words[pick(5)] + std::to_string(i), std::string(core::kPalette[pick(8)].name),
                          {uni(0, 1), uni(0, 1)}};
    else if (kind < 12)
      cmd = core::MoveCard{random_card(b.cards()), {uni(-0.1f, 1.1f), uni(0, 1)}};
    else if (kind < 15)
      cmd = core::EditCard{random_card(b.cards()), words[pick(5)] + std::string(" v") + std::to_string(i),
                           std::string(core::kPalette[pick(8)].name)};
    else if (kind < 18)
      cmd = core::DeleteCard{random_card(b.cards())};
    else
      cmd = core::RestoreCard{random_card(b.binned())};
    (void)session.Submit(cmd, pick(4) == 0 ? core::Actor::Facilitator : core::Actor::Kiosk);
  }
  return memory.events();
}

// The board after every event with t_ms ≤ t, folded from the start: what seeking must equal.
inline core::Board FoldUpTo(const std::vector<core::Event>& events, std::int64_t t) {
  core::Board board(TestTemplate());
  for (const core::Event& e : events)
    if (e.t_ms <= t) board.Apply(e);
  return board;
}

}  // namespace atelier::replay::testing
