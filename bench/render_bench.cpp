// CPU cost of building one frame of the board (map + cards, text from the layout cache) at
// 1920×1080 with 0, 200 and 2 000 cards: the part of a frame our code does before the GPU.
// The whole frame, GL included, is measured by `atelier --bench-frames` (docs/performance.md).
#include <benchmark/benchmark.h>

#include <random>

#include "core/session.h"
#include "render/board_painter.h"
#include "store/template_file.h"

namespace atelier {
namespace {

core::Board BoardWith(int cards) {
  auto tmpl = store::LoadTemplate(std::string(ATELIER_SOURCE_DIR) + "/assets/templates/usages-impacts.json");
  core::MemoryJournal journal;
  core::ManualClock clock;
  core::Session session(core::Board(tmpl.ok() ? tmpl.value() : core::Template{}), journal, clock);
  std::mt19937 random(7);
  std::uniform_real_distribution<float> x(0.06f, 0.97f), y(0.14f, 0.84f);
  const char* texts[] = {"HelloAsso", "Facebook", "Trop de groupes WhatsApp", "Lettre d'information aux adhérents",
                         "Compta en ligne", "Canva", "Un drive partagé", "Réservation des salles"};
  for (int i = 0; i < cards; ++i)
    (void)session.Submit(core::AddCard{texts[i % 8], std::string(core::kPalette[i % 8].name), {x(random), y(random)}});
  return session.board();
}

void BM_PaintBoard(benchmark::State& state) {
  auto font = render::Font::Load(ATELIER_BENCH_FONT);
  if (!font.ok()) {
    state.SkipWithError(font.error().message.c_str());
    return;
  }
  render::BoardPainter painter(font.value());
  core::Board board = BoardWith(static_cast<int>(state.range(0)));
  render::BoardView view{.board = &board, .viewport = core::Viewport::Fit(1920, 1080), .framebuffer_w = 1920,
                         .framebuffer_h = 1080};
  render::DrawList list;
  painter.Paint(view, list);  // the first frame lays out and bakes; later ones reuse
  for (auto _ : state) {
    list.Clear();
    painter.Paint(view, list);
    benchmark::DoNotOptimize(list);
  }
  state.counters["cards"] = static_cast<double>(board.cards().size());
}
BENCHMARK(BM_PaintBoard)->Arg(0)->Arg(200)->Arg(2000)->Unit(benchmark::kMicrosecond);

// The painter's part of a frame drawn through the kiosk's cached layer (render/board_layer.h)
// while one card is dragged: finding the still cards, then painting what goes over the layer.
void BM_PaintOverLayerOneDragged(benchmark::State& state) {
  auto font = render::Font::Load(ATELIER_BENCH_FONT);
  if (!font.ok()) {
    state.SkipWithError(font.error().message.c_str());
    return;
  }
  render::BoardPainter painter(font.value());
  core::Board board = BoardWith(static_cast<int>(state.range(0)));
  const core::Card* card = board.InDrawOrder().front();
  const render::HeldCard held[] = {{card->id, {0.5f, 0.5f}}};
  render::BoardView view{.board = &board, .viewport = core::Viewport::Fit(1920, 1080), .framebuffer_w = 1920,
                         .framebuffer_h = 1080, .held = held};
  render::DrawList list;
  painter.Paint(view, list);
  for (auto _ : state) {
    list.Clear();
    const std::size_t still = painter.StillCards(view);
    painter.PaintMoving(view, still, list);
    benchmark::DoNotOptimize(list);
  }
  state.counters["quads"] = static_cast<double>(list.quads().size());
}
BENCHMARK(BM_PaintOverLayerOneDragged)->Arg(200)->Arg(2000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace atelier

BENCHMARK_MAIN();
