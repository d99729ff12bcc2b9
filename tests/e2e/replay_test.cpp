// Replay end to end: a session recorded by the real kiosk from an input script (three cards
// added at known times and put in distinct places), then `atelier replay` on it — pictures and
// board dumps at three moments, the replay screen playing at 10× from scripted taps, the empty
// and the damaged session.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr unsigned kYellowPaper = 0xffe97a;  // core::kPalette
constexpr unsigned kBluePaper = 0x9ccff5;
constexpr unsigned kGreenPaper = 0xc5e89a;

struct Placed {
  const char* text;
  const char* colour_label;  // the editor's swatch, empty for the default (yellow)
  double x, y;               // where it is dragged
  unsigned paper;
};
constexpr Placed kCards[] = {
    {"Alpha", "", 0.20, 0.30, kYellowPaper},
    {"Bravo", "bleu", 0.50, 0.60, kBluePaper},
    {"Charlie", "vert", 0.80, 0.30, kGreenPaper},
};
// Each card is added at about (start + 0.9 s) and dragged into place by (start + 1.6 s).
constexpr int kStartsMs[] = {300, 3300, 6300};

// Records the session once for every test of the suite.
class Replay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path dir = FreshDir("recorded");
    s_session = new fs::path(dir / "atelier.atelier");
    std::vector<json> lines;
    for (int i = 0; i < 3; ++i) {
      const Placed& c = kCards[i];
      int t = kStartsMs[i];
      lines.push_back({{"t", t}, {"tap", {{"label", "Ajouter une carte"}}}});
      lines.push_back({{"t", t + 400}, {"text", c.text}});
      if (*c.colour_label) lines.push_back({{"t", t + 600}, {"tap", {{"label", c.colour_label}}}});
      lines.push_back({{"t", t + 800}, {"tap", {{"label", "Valider"}}}});
      lines.push_back({{"t", t + 1100}, {"drag", {{"from", {{"card", c.text}}}, {"to", {{"map", {c.x, c.y}}}}, {"ms", 400}}}});
    }
    lines.push_back({{"t", 8500}, {"quit", true}});
    fs::path script = WriteScript(dir, "record.jsonl", lines);
    e2e::Run run = RunAtelier({"--session", s_session->string(), "--size", "1920x1080", "--ui-scale", "1", "--input-script",
                          script.string(), "--quit-after-script"});
    ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  }
  static void TearDownTestSuite() { delete s_session; }

  static const fs::path& Session() { return *s_session; }

  // Point inside the card away from its text, on a 16:9 picture filled by the map.
  static std::pair<int, int> PaperPoint(const json& card, int w, int h) {
    double x = card["x"].get<double>() - 0.086 * 0.38, y = card["y"].get<double>() + 0.14 * 0.40;
    return {static_cast<int>(x * w), static_cast<int>(y * h)};
  }

  static fs::path* s_session;
};
fs::path* Replay::s_session = nullptr;

std::vector<std::string> Texts(const json& board) {
  std::vector<std::string> out;
  for (const json& c : board["cards"]) out.push_back(c["text"]);
  return out;
}

TEST_F(Replay, PicturesAndDumpsAtThreeMomentsShowTheCardsOfThatMoment) {
  auto dir = FreshDir("out");
  struct Moment {
    std::string at;
    std::vector<std::string> texts;
  };
  // 0:02 — Alpha placed; 5.5 s — Bravo too; end — all three.
  const Moment moments[] = {{"0:02", {"Alpha"}}, {"5.5", {"Alpha", "Bravo"}}, {"end", {"Alpha", "Bravo", "Charlie"}}};
  json final_board;
  std::vector<Png> shots;
  for (const Moment& m : moments) {
    fs::path png = dir / ("at-" + m.at.substr(0, 3) + ".png"), board = dir / ("at-" + m.at.substr(0, 3) + ".json");
    e2e::Run run = RunAtelier({"replay", Session().string(), "--at", m.at, "--size", "960x540", "--screenshot", png.string(),
                          "--dump-board", board.string()});
    ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
    json b = ReadJson(board);
    EXPECT_EQ(Texts(b), m.texts) << m.at << "\n" << b.dump(2);
    shots.push_back(ReadPng(png));
    ASSERT_EQ(shots.back().width, 960);
    final_board = b;
  }
  // Each card's paper shows at its place exactly from the moment it is there.
  for (int i = 0; i < 3; ++i) {
    const json* card = CardWithText(final_board, kCards[i].text);
    ASSERT_NE(card, nullptr);
    EXPECT_NEAR((*card)["x"].get<double>(), kCards[i].x, 0.01);
    auto [px, py] = PaperPoint(*card, 960, 540);
    for (int shot = 0; shot < 3; ++shot) {
      const bool there = shot >= i;
      Png::Pixel p = shots[shot].At(px, py);
      EXPECT_EQ(Near(p, kCards[i].paper), there)
          << kCards[i].text << " in picture " << shot << ": " << p.r << "," << p.g << "," << p.b;
    }
  }
}

TEST_F(Replay, TimeOutOfRangeIsClampedAndSaidAndBadTimeRefused) {
  auto dir = FreshDir("out");
  e2e::Run late = RunAtelier({"replay", Session().string(), "--at", "2:00:00", "--dump-board", (dir / "late.json").string()});
  ASSERT_EQ(late.exit_code, 0) << late.stderr_text;
  EXPECT_NE(late.stderr_text.find("after the last event"), std::string::npos) << late.stderr_text;
  EXPECT_EQ(ReadJson(dir / "late.json")["cards"].size(), 3u);
  e2e::Run bad = RunAtelier({"replay", Session().string(), "--at", "soon", "--dump-board", (dir / "bad.json").string()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.stderr_text.find("not seconds, mm:ss"), std::string::npos) << bad.stderr_text;
}

TEST_F(Replay, TheScreenPlaysAtTenTimesAndShowsTheLastCardByTheEnd) {
  auto dir = FreshDir("out");
  // The whole session lasts about 7.5 s: at 10× it plays in under a second.
  std::vector<json> lines{
      {{"t", 300}, {"screenshot", (dir / "before.png").string()}},
      {{"t", 300}, {"dump", (dir / "before.json").string()}},
      {{"t", 400}, {"tap", {{"label", "10×"}}}},
      {{"t", 700}, {"tap", {{"label", "Lecture"}}}},
      {{"t", 2600}, {"screenshot", (dir / "after.png").string()}},
      {{"t", 2600}, {"dump", (dir / "after.json").string()}},
      {{"t", 2700}, {"quit", true}},
  };
  fs::path script = WriteScript(dir, "play.jsonl", lines);
  e2e::Run run = RunAtelier({"replay", Session().string(), "--size", "1920x1080", "--input-script", script.string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_TRUE(ReadJson(dir / "before.json")["cards"].empty());
  EXPECT_EQ(Texts(ReadJson(dir / "after.json")), (std::vector<std::string>{"Alpha", "Bravo", "Charlie"}));
  // Charlie's green paper: nowhere before playing, a card's worth of it at the end.
  auto green_pixels = [](const Png& png) {
    int n = 0;
    for (int y = 0; y < png.height; y += 2)
      for (int x = 0; x < png.width; x += 2) n += Near(png.At(x, y), kGreenPaper, 6);
    return n;
  };
  EXPECT_LT(green_pixels(ReadPng(dir / "before.png")), 50);
  EXPECT_GT(green_pixels(ReadPng(dir / "after.png")), 1000);
}

TEST_F(Replay, TheVideoIsANumberedPngSequenceWithAProgressLine) {
  auto dir = FreshDir("out");
  e2e::Run run = RunAtelier({"replay", Session().string(), "--frames", (dir / "frames").string(), "--fps", "4", "--speed",
                        "10", "--size", "320x180"});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_TRUE(fs::exists(dir / "frames" / "000001.png"));
  EXPECT_TRUE(fs::exists(dir / "frames" / "000003.png"));
  EXPECT_NE(run.stderr_text.find("atelier: frame "), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("3 cards at the end"), std::string::npos) << run.stderr_text;
}

TEST(ReplayFiles, AnEmptySessionShowsTheEmptyMapAndADamagedOneIsRefusedClearly) {
  auto dir = FreshDir("out");
  fs::path empty = dir / "empty.atelier";
  fs::path quit = WriteScript(dir, "quit.jsonl", {{{"t", 50}, {"quit", true}}});
  e2e::Run made = RunAtelier({"--session", empty.string(), "--size", "640x360", "--input-script", quit.string()});
  ASSERT_EQ(made.exit_code, 0) << made.stderr_text;
  fs::path look = WriteScript(dir, "look.jsonl", {{{"t", 200}, {"tap", {{"label", "Lecture"}}}},
                                                  {{"t", 500}, {"dump", (dir / "empty.json").string()}},
                                                  {{"t", 500}, {"quit", true}}});
  e2e::Run shown = RunAtelier({"replay", empty.string(), "--size", "1280x720", "--input-script", look.string(),
                          "--screenshot", (dir / "empty.png").string()});
  ASSERT_EQ(shown.exit_code, 0) << shown.stderr_text;
  EXPECT_TRUE(ReadJson(dir / "empty.json")["cards"].empty());
  EXPECT_TRUE(fs::exists(dir / "empty.png"));

  fs::path damaged = dir / "damaged.atelier";
  std::ofstream(damaged) << "this is not a workshop\n";
  e2e::Run refused = RunAtelier({"replay", damaged.string(), "--at", "0", "--dump-board", (dir / "no.json").string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.stderr_text.find("not an Atelier session"), std::string::npos) << refused.stderr_text;
  EXPECT_FALSE(fs::exists(dir / "no.json"));
  e2e::Run on_screen = RunAtelier({"replay", damaged.string(), "--size", "640x360", "--input-script", look.string(),
                              "--screenshot", (dir / "damaged.png").string()});
  EXPECT_EQ(on_screen.exit_code, 1);
  EXPECT_TRUE(fs::exists(dir / "damaged.png"));  // the French message, for people
}

}  // namespace
}  // namespace atelier::e2e
