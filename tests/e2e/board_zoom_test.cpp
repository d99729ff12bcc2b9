// Pinch zoom end to end on the real binary under Xvfb, with scripted pointers 0 and 1: on the
// kiosk board two fingers on the empty map zoom to 2× and pan, a card dragged with one finger
// then lands where the finger lifted (the test converts that point through the view its own
// pinch made), the card shows twice as large, and "Toute la carte" brings the whole map back;
// on the replay screen the same pinch doubles a card's size on screen and "Toute la carte"
// undoes it. Nothing of the zoom is recorded.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr unsigned kYellowPaper = 0xffe97a;  // core::kPalette "yellow"
constexpr double kW = 1920, kH = 1080;       // the window: the fitted map is all of it (16:9)

// A session with one yellow card at the middle of the default map, made by `atelier import`.
fs::path OneCardSession(const fs::path& dir) {
  std::ifstream in(fs::path(ATELIER_SOURCE_DIR) / "assets/templates/usages-impacts.json");
  const json tmpl = json::parse(in);
  const fs::path jsonl = dir / "une-carte.jsonl";
  std::ofstream out(jsonl);
  out << json{{"format", "atelier-session"}, {"version", 1}, {"title", "Zoom"}, {"template", tmpl},
              {"started_ms", 1794834300000}}
             .dump()
      << "\n"
      << json{{"seq", 1}, {"t_ms", 1000}, {"actor", "kiosk"}, {"type", "card_added"},
              {"payload", {{"id", 1}, {"text", "Kayak"}, {"colour", "yellow"}, {"at", {0.5, 0.5}}}}}
             .dump()
      << "\n";
  out.close();
  const fs::path session = dir / "zoom.atelier";
  const e2e::Run imported = RunAtelier({"import", jsonl.string(), "--session", session.string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.stderr_text;
  return session;
}

// The bounding box of the yellow paper on a screenshot (the only yellow card), in pixels.
struct Box {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  int w() const { return x1 - x0 + 1; }
  int h() const { return y1 - y0 + 1; }
  double cx() const { return (x0 + x1) / 2.0; }
  double cy() const { return (y0 + y1) / 2.0; }
};
Box YellowBox(const Png& png, int max_x) {
  Box b;
  for (int y = 0; y < png.height; ++y)
    for (int x = 0; x < std::min(png.width, max_x); ++x)
      if (Near(png.At(x, y), kYellowPaper, 10)) {
        b.x0 = std::min(b.x0, x);
        b.y0 = std::min(b.y0, y);
        b.x1 = std::max(b.x1, x);
        b.y1 = std::max(b.y1, y);
      }
  return b;
}

// The paper's top is lighter than the yellow looked for (a gradient): the box's middle sits a
// little low, so only check that a height is within the paper, away from its edges.
bool Inside(const Box& b, double y) { return y > b.y0 && y < b.y1 - b.h() * 0.25; }

json Pt(double x, double y) { return {{"x", x}, {"y", y}}; }

struct Script : ScriptLines<Script> {
  // Two fingers: down apart, then both moved step by step to where they end, then lifted.
  Script& Pinch(double ax0, double ay0, double bx0, double by0, double ax, double ay, double bx, double by) {
    Add({{"down", Pt(ax0, ay0)}, {"id", 0}}, 60);
    Add({{"down", Pt(bx0, by0)}, {"id", 1}}, 60);
    constexpr int kSteps = 8;
    for (int i = 1; i <= kSteps; ++i) {
      const double f = static_cast<double>(i) / kSteps;
      Add({{"move", Pt(ax0 + (ax - ax0) * f, ay0 + (ay - ay0) * f)}, {"id", 0}}, 0);
      Add({{"move", Pt(bx0 + (bx - bx0) * f, by0 + (by - by0) * f)}, {"id", 1}}, 60);
    }
    Add({{"up", Pt(ax, ay)}, {"id", 0}}, 60);
    Add({{"up", Pt(bx, by)}, {"id", 1}}, 200);
    return *this;
  }
};

TEST(BoardZoom, PinchPanThenADragAtTwoTimesLandsWhereTheFingerLifted) {
  const fs::path dir = FreshDir("board-zoom");
  const fs::path session = OneCardSession(dir);

  // The pinch, away from the card (at 960, 540): fingers 200 px apart around (600, 400), spread
  // to 400 px apart (2×) while their middle moves to (700, 450) (the pan).
  const double m0x = 600, m0y = 400, mx = 700, my = 450, zoom = 400.0 / 200.0;
  // What the view must be: the map point under the first middle is under the last one.
  const double ux = m0x / kW, uy = m0y / kH;                      // at 1×, the map is the window
  const double cx = ux - mx / (kW * zoom), cy = uy - my / (kH * zoom);  // map point at the top-left
  auto to_screen = [&](double x, double y) { return std::pair{(x - cx) * kW * zoom, (y - cy) * kH * zoom}; };
  auto to_map = [&](double px, double py) { return std::pair{cx + px / (kW * zoom), cy + py / (kH * zoom)}; };
  ASSERT_GT(cx, 0);
  ASSERT_GT(cy, 0);  // within the map: no edge holds the view back

  Script s;
  s.Add({{"screenshot", (dir / "whole.png").string()}}, 100);
  s.Pinch(500, 400, 700, 400, 500, 450, 900, 450);
  s.Add({{"screenshot", (dir / "zoomed.png").string()}}, 100);
  // One finger takes the card by its middle, where the zoomed view shows it, and lets go.
  const auto [gx, gy] = to_screen(0.5, 0.5);
  const double lift_x = 1000, lift_y = 620;
  s.Add({{"down", Pt(gx, gy)}}, 60);
  for (int i = 1; i <= 6; ++i)
    s.Add({{"move", Pt(gx + (lift_x - gx) * i / 6.0, gy + (lift_y - gy) * i / 6.0)}}, 60);
  s.Add({{"up", Pt(lift_x, lift_y)}}, 300);
  s.Add({{"dump", (dir / "moved.json").string()}}, 100);
  s.Add({{"screenshot", (dir / "moved.png").string()}}, 100);
  s.Tap("Toute la carte", 900);  // glides back in about a third of a second
  s.Add({{"screenshot", (dir / "back.png").string()}}, 100);
  s.Add({{"quit", true}});
  const fs::path script = WriteScript(dir, "zoom.jsonl", s.lines);
  const e2e::Run run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--input-script",
                              script.string()},
                             240);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  // Where the finger lifted, converted through the zoomed view: the card's centre now.
  const json moved = ReadJson(dir / "moved.json");
  const json* card = CardWithText(moved, "Kayak");
  ASSERT_NE(card, nullptr) << moved.dump(2);
  const auto [lx, ly] = to_map(lift_x, lift_y);
  EXPECT_NEAR(card->at("x").get<double>(), lx, 0.004) << card->dump();
  EXPECT_NEAR(card->at("y").get<double>(), ly, 0.004) << card->dump();
  // (At 1× the same drag would have carried it twice as far.)
  EXPECT_GT(std::abs(card->at("x").get<double>() - 0.5), 0.05);

  // The pixels: the card twice as wide and high while zoomed, where the view puts it.
  const Box whole = YellowBox(ReadPng(dir / "whole.png"), 1920);
  const Box zoomed = YellowBox(ReadPng(dir / "zoomed.png"), 1920);
  ASSERT_GT(whole.w(), 40);
  ASSERT_GT(zoomed.w(), 40);
  EXPECT_NEAR(static_cast<double>(zoomed.w()) / whole.w(), 2.0, 0.12) << whole.w() << " → " << zoomed.w();
  EXPECT_NEAR(static_cast<double>(zoomed.h()) / whole.h(), 2.0, 0.12) << whole.h() << " → " << zoomed.h();
  EXPECT_NEAR(zoomed.cx(), gx, 8);
  EXPECT_TRUE(Inside(zoomed, gy)) << zoomed.y0 << "…" << zoomed.y1 << " " << gy;
  // Dropped at 2×: still drawn at twice its size, its middle under where the finger lifted.
  const Box dropped = YellowBox(ReadPng(dir / "moved.png"), 1920);
  EXPECT_NEAR(static_cast<double>(dropped.w()) / whole.w(), 2.0, 0.12);
  EXPECT_NEAR(dropped.cx(), lift_x, 8);
  EXPECT_TRUE(Inside(dropped, lift_y)) << dropped.y0 << "…" << dropped.y1;
  // "Toute la carte": back to 1×, the card at its new map place, at its own size.
  const Box back = YellowBox(ReadPng(dir / "back.png"), 1920);
  EXPECT_NEAR(static_cast<double>(back.w()) / whole.w(), 1.0, 0.06) << back.w();
  EXPECT_NEAR(back.cx(), lx * kW, 6);
  EXPECT_TRUE(Inside(back, ly * kH)) << back.y0 << "…" << back.y1;
}

TEST(BoardZoom, TheReplayScreenZoomsWithTwoFingersAndShowsTheWholeMapAgain) {
  const fs::path dir = FreshDir("replay-zoom");
  const fs::path session = OneCardSession(dir);
  // First find the card on the replay screen at its end (1×), then pinch around it.
  Script look;
  look.Add({{"key", "end"}}, 400);
  look.Add({{"screenshot", (dir / "whole.png").string()}}, 100);
  look.Add({{"quit", true}});
  e2e::Run run = RunAtelier({"replay", session.string(), "--size", "1920x1080", "--input-script",
                        WriteScript(dir, "look.jsonl", look.lines).string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const Box whole = YellowBox(ReadPng(dir / "whole.png"), 1500);  // left of the controls' column
  ASSERT_GT(whole.w(), 40);

  // Fingers left and right of the card, on the empty map, spread to twice their distance.
  const double y = whole.cy(), x = whole.cx(), d = whole.w();
  Script s;
  s.Add({{"key", "end"}}, 400);
  s.Pinch(x - d, y, x + d, y, x - 2 * d, y, x + 2 * d, y);
  s.Add({{"screenshot", (dir / "zoomed.png").string()}}, 100);
  s.Tap("Toute la carte", 900);
  s.Add({{"screenshot", (dir / "back.png").string()}}, 100);
  s.Add({{"quit", true}});
  run = RunAtelier({"replay", session.string(), "--size", "1920x1080", "--input-script",
                    WriteScript(dir, "zoom.jsonl", s.lines).string()},
                   240);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const Box zoomed = YellowBox(ReadPng(dir / "zoomed.png"), 1500);
  EXPECT_NEAR(static_cast<double>(zoomed.w()) / whole.w(), 2.0, 0.12) << whole.w() << " → " << zoomed.w();
  EXPECT_NEAR(zoomed.cx(), x, 8);  // zoomed around the fingers' middle: the card stays there
  EXPECT_TRUE(Inside(zoomed, y)) << zoomed.y0 << "…" << zoomed.y1;
  const Box back = YellowBox(ReadPng(dir / "back.png"), 1500);
  EXPECT_NEAR(static_cast<double>(back.w()) / whole.w(), 1.0, 0.06) << back.w();
  EXPECT_NEAR(back.cx(), x, 4);
}

}  // namespace
}  // namespace atelier::e2e
