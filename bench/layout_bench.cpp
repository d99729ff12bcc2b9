// "Ranger la carte" in core (ArrangeCards: the moves of one CardsArranged event) and a new
// card's landing (LandCard), on the default map with 200 and 2 000 cards at random places
// (docs/performance.md, "## Board layout"); "Regrouper les doublons" and a pile's fan-out.
// Nothing here asserts a time.
#include <benchmark/benchmark.h>

#include <random>

#include "core/arrange.h"
#include "core/board.h"
#include "core/landing.h"
#include "core/pile.h"
#include "store/template_file.h"

namespace atelier {
namespace {

core::Board RandomBoard(int cards) {
  auto tmpl = store::LoadTemplate(std::string(ATELIER_SOURCE_DIR) + "/assets/templates/usages-impacts.json");
  core::Board board(tmpl.ok() ? tmpl.value() : core::Template{});
  std::mt19937 random(7);
  std::uniform_real_distribution<float> x(0.02f, 0.98f), y(0.03f, 0.97f);
  for (int i = 1; i <= cards; ++i)
    board.Apply(core::Event{.seq = i, .t_ms = i, .actor = core::Actor::Kiosk,
                            .data = core::CardAdded{i, "Carte " + std::to_string(i), "yellow", {x(random), y(random)}}});
  return board;
}

void BM_ArrangeCards(benchmark::State& state) {
  const core::Board board = RandomBoard(static_cast<int>(state.range(0)));
  std::size_t moves = 0;
  for (auto _ : state) {
    core::CardsArranged arranged = core::ArrangeCards(board);
    moves = arranged.moves.size();
    benchmark::DoNotOptimize(arranged);
  }
  state.counters["moves"] = static_cast<double>(moves);
}
BENCHMARK(BM_ArrangeCards)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_LandCard(benchmark::State& state) {
  const core::Board board = RandomBoard(static_cast<int>(state.range(0)));
  const core::LandingArea band{.area = {0.26f, 0.86f, 0.24f, 0.14f}};
  for (auto _ : state) benchmark::DoNotOptimize(core::LandCard(board, {0.3f, 0.93f}, band));
}
BENCHMARK(BM_LandCard)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);

// "Regrouper les doublons" (core/pile.h): cards written with 40 texts, so most have
// duplicates in their zone; and fanning out the largest pile that gives.
core::Board DuplicatesBoard(int cards) {
  core::Board board = RandomBoard(0);
  std::mt19937 random(9);
  std::uniform_real_distribution<float> x(0.06f, 0.94f), y(0.15f, 0.85f);
  for (int i = 1; i <= cards; ++i)
    board.Apply(core::Event{.seq = i, .t_ms = i, .actor = core::Actor::Kiosk,
                            .data = core::CardAdded{i, std::string("Idée ").append(std::to_string(i % 40)), "yellow", {x(random), y(random)}}});
  return board;
}

void BM_PileDuplicates(benchmark::State& state) {
  const core::Board board = DuplicatesBoard(static_cast<int>(state.range(0)));
  std::size_t piles = 0;
  for (auto _ : state) {
    core::CardsPiled piled = core::PileDuplicates(board);
    piles = piled.piles.size();
    benchmark::DoNotOptimize(piled);
  }
  state.counters["piles"] = static_cast<double>(piles);
}
BENCHMARK(BM_PileDuplicates)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_FanOutPile(benchmark::State& state) {
  core::Board board = DuplicatesBoard(static_cast<int>(state.range(0)));
  core::CardsPiled piled = core::PileDuplicates(board);
  core::CardId biggest = 0;
  std::size_t most = 0;
  for (const core::Pile& p : piled.piles)
    if (p.cards.size() > most) most = p.cards.size(), biggest = p.id;
  board.Apply(core::Event{.seq = 1 << 20, .t_ms = 1 << 20, .actor = core::Actor::Facilitator, .data = piled});
  for (auto _ : state) benchmark::DoNotOptimize(core::FanOutPile(board, biggest));
  state.counters["cards"] = static_cast<double>(most);
}
BENCHMARK(BM_FanOutPile)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace atelier

BENCHMARK_MAIN();
