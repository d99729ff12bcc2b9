// Replay performance (docs/performance.md, "## Replay"):
// - seek latency on a 100 000-event session generated through the JSON Lines import: random
//   moments, Timeline::BoardAt (nearest in-memory snapshot + fold) and Cursor::Seek (what
//   dragging the playhead does), next to folding every event from the start, in the same run;
//   median and p99 per seek as counters;
// - the replay's own work per frame while playing at 60× on a board of about 2 000 cards:
//   cursor, changes for the glows, and painting the board (GL-free half of the renderer).
// The whole frame with GL is measured with the app (docs/performance.md says how).
//
// Also makes sessions for those app runs:
//   replay_bench --make-session=FILE.atelier [--events=N] [--cards=N] [--minutes=M]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>

#include "core/command.h"
#include "core/session.h"
#include "render/board_painter.h"
#include "replay/timeline.h"
#include "store/session_export.h"
#include "store/session_file.h"
#include "store/template_file.h"

namespace atelier {
namespace {

namespace fs = std::filesystem;

struct SessionShape {
  int events = 100'000;
  int cards = 2'000;  // the board grows to about this many cards, then stays near it
  int minutes = 180;  // the session's length
};

core::Template Usages() {
  auto tmpl = store::LoadTemplate(std::string(ATELIER_SOURCE_DIR) + "/assets/templates/usages-impacts.json");
  return tmpl.ok() ? tmpl.value() : core::Template{};
}

// A workshop's worth of valid events (through core::Session): cards added until the board
// holds about shape.cards, then mostly moves and edits, some deletes and restores.
std::vector<core::Event> Workshop(const SessionShape& shape, unsigned seed = 11) {
  std::mt19937 rng(seed);
  auto uni = [&](float a, float b) { return std::uniform_real_distribution<float>(a, b)(rng); };
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  core::MemoryJournal journal;
  core::ManualClock clock;
  core::Session session(core::Board(Usages()), journal, clock);
  const char* texts[] = {"HelloAsso", "Facebook", "Trop de groupes WhatsApp", "Lettre d'information aux adhérents",
                         "Compta en ligne", "Canva", "Un drive partagé", "Réservation des salles"};
  const std::int64_t gap = std::max<std::int64_t>(1, std::int64_t{shape.minutes} * 60'000 / shape.events);
  auto any = [&](const auto& cards) {
    auto it = cards.begin();
    std::advance(it, pick(static_cast<int>(cards.size())));
    return it->first;
  };
  while (static_cast<int>(journal.events().size()) < shape.events) {
    clock.Advance(pick(static_cast<int>(2 * gap)) + 1);
    const core::Board& b = session.board();
    const int n = static_cast<int>(b.cards().size());
    const int roll = pick(100);
    core::Command cmd;
    if (n == 0 || (n < shape.cards && roll < 50))
      cmd = core::AddCard{texts[pick(8)], std::string(core::kPalette[pick(8)].name), {uni(0.06f, 0.97f), uni(0.14f, 0.9f)}};
    else if (roll < 75)
      cmd = core::MoveCard{any(b.cards()), {uni(0.06f, 0.97f), uni(0.14f, 0.9f)}};
    else if (roll < 92)
      cmd = core::EditCard{any(b.cards()), texts[pick(8)] + std::string(" ") + std::to_string(roll),
                           std::string(core::kPalette[pick(8)].name)};
    else if ((roll < 96 && n > 1) || b.binned().empty())
      cmd = core::DeleteCard{any(b.cards())};
    else
      cmd = core::RestoreCard{any(b.binned())};
    (void)session.Submit(cmd);
  }
  return journal.events();
}

// Writes the events as a JSON Lines export and imports it into a new session file, the way a
// real one comes back from `atelier import`.
bool MakeSessionFile(const SessionShape& shape, const fs::path& path) {
  store::LoadedSession loaded;
  loaded.meta.title = "Banc d'essai du replay";
  loaded.meta.map_template = Usages();
  loaded.meta.created_ms = 1'794'834'300'000;  // 2026-11-16 13:05 UTC
  loaded.meta.created_at = "2026-11-16T13:05:00.000Z";
  loaded.meta.time_zone = "Europe/Paris";
  loaded.meta.utc_offset_minutes = 60;
  loaded.events = Workshop(shape);
  loaded.board = core::Board(loaded.meta.map_template);
  for (const core::Event& e : loaded.events) loaded.board.Apply(e);
  const fs::path jsonl = fs::path(path).replace_extension(".jsonl");
  if (!store::WriteTextFile(jsonl, store::ToJsonLines(loaded)).ok()) return false;
  std::error_code ec;
  fs::remove(path, ec);
  core::Status imported = store::ImportJsonLines(jsonl, path);
  fs::remove(jsonl, ec);
  if (!imported.ok()) std::fprintf(stderr, "import: %s\n", imported.error().message.c_str());
  return imported.ok();
}

// The 100 000-event session, imported once and read back read-only.
struct BigSession {
  std::vector<core::Event> events;
  core::Template tmpl;
  std::unique_ptr<replay::Timeline> timeline;
  double build_ms = 0;  // Timeline construction (snapshots)
};

const BigSession& Big() {
  static const BigSession* big = [] {
    auto* s = new BigSession;
    const fs::path path = fs::temp_directory_path() / ("atelier-replay-bench-" + std::to_string(::getpid()) + ".atelier");
    SessionShape shape;  // ATELIER_BENCH_CARDS changes the board size (default 2 000)
    if (const char* cards = std::getenv("ATELIER_BENCH_CARDS")) shape.cards = std::atoi(cards);
    if (!MakeSessionFile(shape, path)) std::abort();
    auto opened = store::SessionFile::OpenReadOnly(path);
    auto loaded = opened.session->Load();
    s->events = std::move(loaded->events);
    s->tmpl = loaded->meta.map_template;
    const auto start = std::chrono::steady_clock::now();
    s->timeline = std::make_unique<replay::Timeline>(s->tmpl, s->events);
    s->build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    opened.session.reset();
    std::error_code ec;
    fs::remove(path, ec);
    return s;
  }();
  return *big;
}

// Per-call latencies as counters: median and p99 in ms.
void Percentiles(benchmark::State& state, std::vector<double>& ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  state.counters["median_ms"] = ms[ms.size() / 2];
  state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
}

template <class F>
void TimedSeeks(benchmark::State& state, F&& seek) {
  const BigSession& big = Big();
  std::mt19937 rng(99);
  std::uniform_int_distribution<std::int64_t> any(0, big.timeline->duration_ms());
  std::vector<double> ms;
  std::size_t cards = 0;
  for (auto _ : state) {
    const std::int64_t t = any(rng);
    const auto start = std::chrono::steady_clock::now();
    cards += seek(big, t);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  benchmark::DoNotOptimize(cards);
  Percentiles(state, ms);
  state.counters["events"] = static_cast<double>(big.events.size());
  state.counters["cards_end"] = static_cast<double>(big.timeline->BoardAfter(big.events.size()).cards().size());
}

void BM_SeekTimeline(benchmark::State& state) {
  TimedSeeks(state, [](const BigSession& big, std::int64_t t) { return big.timeline->BoardAt(t).cards().size(); });
  state.counters["snapshots"] = static_cast<double>(Big().timeline->snapshot_count());
  state.counters["build_ms"] = Big().build_ms;
}
BENCHMARK(BM_SeekTimeline)->Unit(benchmark::kMillisecond)->Iterations(2000);

void BM_SeekCursorDrag(benchmark::State& state) {
  static replay::Cursor* cursor = new replay::Cursor(*Big().timeline);
  TimedSeeks(state, [](const BigSession&, std::int64_t t) { return cursor->Seek(t).cards().size(); });
}
BENCHMARK(BM_SeekCursorDrag)->Unit(benchmark::kMillisecond)->Iterations(2000);

void BM_FoldFromStart(benchmark::State& state) {
  TimedSeeks(state, [](const BigSession& big, std::int64_t t) {
    core::Board board(big.tmpl);
    for (const core::Event& e : big.events) {
      if (e.t_ms > t) break;
      board.Apply(e);
    }
    return board.cards().size();
  });
}
BENCHMARK(BM_FoldFromStart)->Unit(benchmark::kMillisecond)->Iterations(200);

// One frame of playing at 60× (16 ms of real time = 960 ms of session time) on a board that
// holds about 2 000 cards: move the cursor on, find the changes to glow, paint the board.
void BM_PlayFrame60x(benchmark::State& state) {
  auto font = render::Font::Load(ATELIER_BENCH_FONT);
  if (!font.ok()) {
    state.SkipWithError(font.error().message.c_str());
    return;
  }
  const BigSession& big = Big();
  render::BoardPainter painter(font.value());
  replay::Cursor cursor(*big.timeline);
  render::DrawList list;
  // Start where the board is full, and play on from there.
  std::int64_t t = big.timeline->duration_ms() / 2;
  cursor.Seek(t);
  std::vector<render::Glow> glows;
  std::vector<render::Trail> trails;
  std::vector<double> ms;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    t += 960;
    if (t > big.timeline->duration_ms()) t = big.timeline->duration_ms() / 2;
    const core::Board& board = cursor.Seek(t);
    glows.clear();
    trails.clear();
    for (const replay::Change& c : big.timeline->ChangesBetween(t - 1500 * 60, t)) {
      glows.push_back({c.card, 0.5f});
      if (c.came_from) trails.push_back({c.card, *c.came_from, 0.5f});
    }
    render::BoardView view{.board = &board, .viewport = core::Viewport::Fit(1560, 877), .framebuffer_w = 1920,
                           .framebuffer_h = 1080, .glows = glows, .trails = trails};
    painter.Paint(view, list);
    benchmark::DoNotOptimize(list);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    state.counters["cards"] = static_cast<double>(board.cards().size());
    state.counters["glows"] = static_cast<double>(glows.size());
  }
  Percentiles(state, ms);
}
BENCHMARK(BM_PlayFrame60x)->Unit(benchmark::kMillisecond)->Iterations(600);

}  // namespace
}  // namespace atelier

int main(int argc, char** argv) {
  std::string make;
  atelier::SessionShape shape;
  for (int i = 1; i < argc; ++i) {
    auto value = [&](const char* flag) -> const char* {
      const std::size_t n = std::strlen(flag);
      return std::strncmp(argv[i], flag, n) == 0 ? argv[i] + n : nullptr;
    };
    if (const char* v = value("--make-session=")) make = v;
    else if (const char* v = value("--events=")) shape.events = std::atoi(v);
    else if (const char* v = value("--cards=")) shape.cards = std::atoi(v);
    else if (const char* v = value("--minutes=")) shape.minutes = std::atoi(v);
  }
  if (!make.empty()) {
    if (!atelier::MakeSessionFile(shape, make)) return 1;
    std::fprintf(stderr, "wrote %s (%d events, about %d cards, %d minutes)\n", make.c_str(), shape.events, shape.cards,
                 shape.minutes);
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
