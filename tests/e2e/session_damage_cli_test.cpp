// Damaged session files through the real binary: `atelier info` and the kiosk on truncated,
// extended, bit-flipped, empty, foreign and newer files. Either they are refused with one clear
// line (English on the CLI, French on the kiosk) or opened read-only; never a crash, and the
// file is never modified — same bytes, and no -wal / -shm / -journal left next to it.
// (The store-level version with many more offsets is tests/store/session_damage_test.cpp.)
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "e2e_support.h"
#include "core/command.h"
#include "core/session.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void WriteBytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

// A real session of `commands` random-ish commands, closed (its WAL checkpointed away).
std::string GoodSession(const fs::path& dir, int commands) {
  fs::path p = dir / "good.atelier";
  core::Template tmpl;
  tmpl.id = "essai";
  tmpl.title = {"Essai", "Test"};
  tmpl.zones = {core::Zone{.id = "haut", .label = {"En haut", "Top"}, .area = {0, 0, 1, 0.5f}, .tint = {1, 2, 3}}};
  {
    auto o = store::SessionFile::Open(p, {.title = "Bon", .map_template = tmpl, .created_ms = 1'794'834'300'000});
    EXPECT_TRUE(o) << o.message.en;
    if (!o) return {};
    core::ManualClock clock;
    core::Session s(o.session->board(), *o.session, clock, 1);
    for (int i = 0; i < commands; ++i) {
      clock.Advance(1000);
      if (i % 3 == 2)
        (void)s.Submit(core::MoveCard{static_cast<core::CardId>(i / 3 + 1), {0.1f + 0.001f * i, 0.7f}});
      else
        (void)s.Submit(core::AddCard{"Carte " + std::to_string(i), "yellow", {0.3f, 0.3f}});
    }
  }
  EXPECT_FALSE(fs::exists(p.string() + "-wal"));
  return ReadBytes(p);
}

struct Case {
  std::string name;
  std::string bytes;
};

std::vector<Case> DamagedCases(const std::string& good) {
  std::vector<Case> cases;
  cases.push_back({"empty", ""});
  cases.push_back({"text", "Bonjour, ceci est un fichier texte, pas une session.\n"});
  for (std::size_t cut : {std::size_t{50}, std::size_t{100}, std::size_t{4096}, std::size_t{4097}, good.size() / 2,
                          good.size() - 4096, good.size() - 1})
    cases.push_back({"truncated-" + std::to_string(cut), good.substr(0, cut)});
  cases.push_back({"garbage-appended", good + std::string(5000, '\xAB')});
  std::mt19937 rng(7);
  for (std::size_t at : {std::size_t{0}, std::size_t{18}, std::size_t{28}, std::size_t{100}, good.size() / 3,
                         good.size() - 200}) {
    std::string bad = good;
    for (std::size_t k = 0; k < 4 && at + k < bad.size(); ++k)
      bad[at + k] = static_cast<char>(bad[at + k] ^ (1 + rng() % 255));
    cases.push_back({"flipped-at-" + std::to_string(at), bad});
  }
  std::string newer = good;  // PRAGMA user_version lives at offset 60, big-endian
  newer[60] = 0, newer[61] = 0, newer[62] = 0, newer[63] = 99;
  cases.push_back({"newer-version", newer});
  return cases;
}

// Nothing but the file itself in its folder: a failed or read-only open leaves no side files.
void ExpectUntouched(const fs::path& file, const std::string& bytes, const std::string& what) {
  EXPECT_EQ(ReadBytes(file), bytes) << what << ": the file was modified";
  for (const char* suffix : {"-wal", "-shm", "-journal"})
    EXPECT_FALSE(fs::exists(file.string() + suffix)) << what << ": left " << file.string() + suffix;
}

TEST(SessionDamageCli, InfoRefusesWithOneEnglishLineOrReadsAndNeverWrites) {
  fs::path dir = FreshDir("info");
  std::string good = GoodSession(dir, 450);  // a few snapshots, several pages
  ASSERT_GT(good.size(), 40000u);
  int refused = 0, read = 0;
  for (const Case& c : DamagedCases(good)) {
    fs::path f = dir / (c.name + ".atelier");
    WriteBytes(f, c.bytes);
    e2e::Run run = RunAtelier({"info", f.string(), "--json"}, 60);
    ASSERT_LT(run.exit_code, 128) << c.name << ": crashed\n" << run.stderr_text;
    auto err = Lines(run.stderr_text);
    if (run.exit_code != 0) {
      ++refused;
      ASSERT_EQ(err.size(), 1u) << c.name << ": want one line, got:\n" << run.stderr_text;
      EXPECT_EQ(err[0].rfind("atelier: " + f.string() + ": ", 0), 0u) << c.name << ": " << err[0];
      for (unsigned char ch : err[0]) EXPECT_LT(ch, 0x80) << c.name << ": not plain English: " << err[0];
      EXPECT_TRUE(run.stdout_text.empty()) << c.name;
    } else {
      ++read;
      json info = json::parse(run.stdout_text, nullptr, false);
      EXPECT_FALSE(info.is_discarded()) << c.name << ": " << run.stdout_text;
      EXPECT_LE(err.size(), 1u) << c.name << ": " << run.stderr_text;  // at most a read-only note
    }
    ExpectUntouched(f, c.bytes, c.name);
    std::printf("%-22s info exit %d  %s\n", c.name.c_str(), run.exit_code, err.empty() ? "" : err[0].c_str());
  }
  // The sure ones.
  for (const char* name : {"empty", "text", "truncated-50", "truncated-100"}) {
    fs::path f = dir / (std::string(name) + ".atelier");
    e2e::Run run = RunAtelier({"info", f.string()}, 60);
    EXPECT_NE(run.exit_code, 0) << name;
  }
  e2e::Run newer = RunAtelier({"info", (dir / "newer-version.atelier").string(), "--json"}, 60);
  EXPECT_EQ(newer.exit_code, 0) << newer.stderr_text;  // a newer session is still readable
  EXPECT_NE(newer.stderr_text.find("newer Atelier"), std::string::npos) << newer.stderr_text;
  EXPECT_EQ(json::parse(newer.stdout_text, nullptr, false).value("events", -1), 450) << newer.stdout_text;
  EXPECT_GE(refused, 6);
  EXPECT_GE(read, 1);
}

TEST(SessionDamageCli, KioskShowsTheFrenchMessageAndNeverWrites) {
  fs::path dir = FreshDir("kiosk");
  std::string good = GoodSession(dir, 450);
  auto quit = WriteScript(dir, "quit.jsonl", {json{{"t", 300}, {"quit", true}}});
  int refused = 0, read_only = 0;
  for (const Case& c : DamagedCases(good)) {
    if (c.name.rfind("truncated-", 0) == 0 && c.name != "truncated-50" && c.name != "truncated-4097" &&
        c.name != "truncated-" + std::to_string(good.size() / 2))
      continue;  // a few truncations are enough here (one kiosk start each)
    fs::path f = dir / (c.name + ".atelier");
    WriteBytes(f, c.bytes);
    fs::path shot = dir / (c.name + ".png");
    e2e::Run run = RunAtelier({"--size", "960x540", "--session", f.string(), "--input-script", quit.string(),
                               "--quit-after-script", "--screenshot", shot.string()},
                              60);
    ASSERT_LT(run.exit_code, 128) << c.name << ": crashed\n" << run.stderr_text;
    if (run.exit_code == 2) {  // refused: the French reason, on screen and on stderr
      ++refused;
      EXPECT_NE(run.stderr_text.find("atelier: Le fichier « " + f.filename().string() + " »"), std::string::npos)
          << c.name << ":\n" << run.stderr_text;
    } else {
      EXPECT_EQ(run.exit_code, 0) << c.name << ":\n" << run.stderr_text;
      ++read_only;
    }
    Png png = ReadPng(shot);
    EXPECT_EQ(png.width, 960) << c.name << ": no screenshot";
    ExpectUntouched(f, c.bytes, c.name);
    std::printf("%-22s kiosk exit %d\n", c.name.c_str(), run.exit_code);
  }
  EXPECT_GE(refused, 4);
  // The newer file opened (read-only, with a notice) and the board shows its cards.
  EXPECT_GE(read_only, 1);
}

}  // namespace
}  // namespace atelier::e2e
