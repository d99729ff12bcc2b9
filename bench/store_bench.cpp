// Session file benchmarks (issue 3; numbers in docs/performance.md, "## Session file").
//   BM_DurableAppend     one event committed (WAL, synchronous=FULL) per iteration, each followed
//                        by a bare 100-byte write+fsync in the same folder: per-event medians,
//                        p99s and their ratio (goal: append ≤ 1.5× the bare fsync).
//   BM_BareWriteFsync    the bare write+fsync alone.
//   BM_OpenBoard100k     opening a 100 000-event session for recording and getting its board
//                        (goal ≤ 150 ms); BM_OpenReadOnly100k the same read-only (info, export).
//   BM_FileSizePer1000   bytes of session file per 1 000 events (counter; time is irrelevant).
// The folder is ATELIER_BENCH_DIR, else the temp folder: point it at the kiosk's disk.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "core/command.h"
#include "core/session.h"
#include "store/session_file.h"

namespace {

using namespace atelier;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

fs::path BenchDir() {
  const char* env = std::getenv("ATELIER_BENCH_DIR");
  fs::path dir = (env && *env ? fs::path(env) : fs::temp_directory_path()) / ("atelier-store-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir;
}

// prefix + i, appended: GCC 12 at -O3 wrongly reports -Wrestrict on `"z" + std::to_string(i)`
// (GCC bug 105329).
std::string Numbered(std::string_view prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

core::Template BenchTemplate() {
  core::Template t;
  t.id = "bench";
  t.title = {"Banc d'essai", "Bench"};
  for (int i = 0; i < 6; ++i)
    t.zones.push_back(core::Zone{.id = Numbered("z", i),
                                 .label = {Numbered("Zone ", i), ""},
                                 .area = {i / 6.0f, 0.1f, 1 / 6.0f, 0.8f},
                                 .tint = {1, 2, 3}});
  return t;
}

// A workshop's commands: 300 cards added, then mostly moves, some edits, deletes and restores.
class Workshop {
 public:
  explicit Workshop(unsigned seed) : m_rng(seed) {}
  core::Command Next(const core::Board& board) {
    auto uni = [&](float a, float b) { return std::uniform_real_distribution<float>(a, b)(m_rng); };
    auto pick = [&](std::size_t k) { return std::uniform_int_distribution<std::size_t>(0, k - 1)(m_rng); };
    auto card = [&](const auto& cards) {
      auto it = cards.begin();
      std::advance(it, static_cast<std::ptrdiff_t>(pick(cards.size())));
      return it->first;
    };
    const char* words[] = {"HelloAsso", "Café « associatif »", "Trop de groupes WhatsApp", "Compta en ligne",
                           "Lettre d'information aux adhérents", "Un drive partagé", "Canva", "Réservation des salles"};
    std::size_t kind = pick(100);
    if (board.cards().size() < 300 || board.cards().empty())
      return core::AddCard{std::string(words[pick(8)]) + " " + std::to_string(++m_n),
                           std::string(core::kPalette[pick(8)].name), {uni(0, 1), uni(0, 1)}};
    if (kind < 80) return core::MoveCard{card(board.cards()), {uni(0, 1), uni(0, 1)}};
    if (kind < 95)
      return core::EditCard{card(board.cards()), std::string(words[pick(8)]) + " v" + std::to_string(++m_n),
                            std::string(core::kPalette[pick(8)].name)};
    if (kind < 98 || board.binned().empty()) return core::DeleteCard{card(board.cards())};
    return core::RestoreCard{card(board.binned())};
  }

 private:
  std::mt19937 m_rng;
  int m_n = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

double MicrosSince(Clock::time_point t) { return std::chrono::duration<double, std::micro>(Clock::now() - t).count(); }

// A bare durable append of 100 bytes: what any journal must pay at least.
class BareFile {
 public:
  explicit BareFile(const fs::path& path) : m_fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644)) {}
  ~BareFile() { ::close(m_fd); }
  bool WriteAndSync() {
    char line[100];
    std::fill(std::begin(line), std::end(line), 'x');
    return ::write(m_fd, line, sizeof line) == static_cast<ssize_t>(sizeof line) && ::fsync(m_fd) == 0;
  }

 private:
  int m_fd;
};

void BM_BareWriteFsync(benchmark::State& state) {
  fs::path dir = BenchDir();
  BareFile bare(dir / "bare.log");
  std::vector<double> us;
  for (auto _ : state) {
    auto t = Clock::now();
    if (!bare.WriteAndSync()) state.SkipWithError("write or fsync failed");
    us.push_back(MicrosSince(t));
  }
  state.counters["median_us"] = Percentile(us, 0.5);
  state.counters["p99_us"] = Percentile(us, 0.99);
  fs::remove_all(dir);
}
BENCHMARK(BM_BareWriteFsync)->Iterations(2000)->Unit(benchmark::kMicrosecond);

void BM_DurableAppend(benchmark::State& state) {
  fs::path dir = BenchDir();
  auto opened = store::SessionFile::Open(dir / "append.atelier", {.title = "Banc", .map_template = BenchTemplate()});
  if (!opened) {
    state.SkipWithError(opened.message.en.c_str());
    return;
  }
  BareFile bare(dir / "bare.log");
  core::ManualClock clock;
  core::Session session(opened.session->board(), *opened.session, clock, 1);
  Workshop workshop(1);
  std::vector<double> append_us, fsync_us;
  for (auto _ : state) {
    clock.Advance(1000);
    core::Command command = workshop.Next(session.board());
    auto t = Clock::now();
    auto done = session.Submit(command);  // decide, commit durably, apply
    append_us.push_back(MicrosSince(t));
    if (!done.ok() || !opened.session->healthy()) state.SkipWithError("append failed");
    t = Clock::now();
    bare.WriteAndSync();
    fsync_us.push_back(MicrosSince(t));
  }
  state.counters["append_median_us"] = Percentile(append_us, 0.5);
  state.counters["append_p99_us"] = Percentile(append_us, 0.99);
  state.counters["fsync_median_us"] = Percentile(fsync_us, 0.5);
  state.counters["fsync_p99_us"] = Percentile(fsync_us, 0.99);
  state.counters["ratio_median"] = Percentile(append_us, 0.5) / Percentile(fsync_us, 0.5);
  state.counters["ratio_p99"] = Percentile(append_us, 0.99) / Percentile(fsync_us, 0.99);
  opened.session.reset();
  fs::remove_all(dir);
}
// 2 000 events: ten snapshots and a WAL checkpoint or two fall inside, as in a real session.
BENCHMARK(BM_DurableAppend)->Iterations(2000)->Unit(benchmark::kMicrosecond);

// A session of n events written through AppendBatch (as `atelier import` does).
fs::path MakeSession(const fs::path& dir, int n) {
  fs::path path = dir / ("s" + std::to_string(n) + ".atelier");
  if (fs::exists(path)) return path;
  core::MemoryJournal memory;
  core::ManualClock clock;
  core::Board board(BenchTemplate());
  core::Session session(board, memory, clock, 1);
  Workshop workshop(7);
  for (int i = 0; i < n; ++i) {
    clock.Advance(700);
    (void)session.Submit(workshop.Next(session.board()));
  }
  auto opened = store::SessionFile::Open(path, {.title = "Gros atelier", .map_template = BenchTemplate()});
  if (!opened || !opened.session->AppendBatch(memory.events()).ok()) return {};
  return path;
}

// Made once, on first use; removed at exit.
struct BigSession {
  fs::path dir = BenchDir();
  fs::path path = MakeSession(dir, 100'000);
  ~BigSession() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

const fs::path& Session100k() {
  static BigSession session;
  return session.path;
}

void BM_OpenBoard100k(benchmark::State& state) {
  const fs::path& path = Session100k();
  if (path.empty()) {
    state.SkipWithError("could not make the session");
    return;
  }
  std::size_t cards = 0;
  for (auto _ : state) {
    auto opened = store::SessionFile::Open(path, {});
    if (!opened || opened.session->read_only()) state.SkipWithError("open failed");
    cards = opened.session->board().cards().size();
    benchmark::DoNotOptimize(cards);
  }
  state.counters["cards"] = static_cast<double>(cards);
  state.counters["file_MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
}
BENCHMARK(BM_OpenBoard100k)->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_OpenReadOnly100k(benchmark::State& state) {
  const fs::path& path = Session100k();
  for (auto _ : state) {
    auto opened = store::SessionFile::OpenReadOnly(path);
    if (!opened) state.SkipWithError("open failed");
    benchmark::DoNotOptimize(opened.session->board().cards().size());
  }
}
BENCHMARK(BM_OpenReadOnly100k)->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_FileSizePer1000(benchmark::State& state) {
  fs::path dir = BenchDir();
  fs::path path;
  for (auto _ : state) path = MakeSession(dir, static_cast<int>(state.range(0)));
  state.counters["bytes_per_1000_events"] =
      static_cast<double>(fs::file_size(path)) * 1000.0 / static_cast<double>(state.range(0));
  fs::remove_all(dir);
}
BENCHMARK(BM_FileSizePer1000)->Arg(1000)->Arg(10'000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
