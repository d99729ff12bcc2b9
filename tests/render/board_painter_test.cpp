// The GL-free half of the renderer: the glyph atlas, the draw list a board turns into (order,
// held cards, highlights, cached layouts), shader log parsing and PNG writing errors.
#include "render/board_painter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "render/capture.h"
#include "render/shader_program.h"

namespace atelier::render {
namespace {

Font TestFont() {
  auto loaded = Font::Load(ATELIER_TEST_FONT);
  EXPECT_TRUE(loaded.ok());
  return *loaded;
}

core::Board BoardWith(int cards) {
  core::Template t;
  t.title = {"Nos outils", "Our tools"};
  t.vertical = {{"Impact", ""}, {"Nuit", ""}, {"Aide", ""}};
  t.horizontal = {{"Usages", ""}, {"Rare", ""}, {"Souvent", ""}};
  t.zones = {{"a", {"À garder", "Keep"}, {0.06f, 0.12f, 0.45f, 0.72f}, {0x9c, 0xd8, 0xb0}},
             {"b", {"À changer", "Change"}, {0.51f, 0.12f, 0.45f, 0.72f}, {0xf5, 0xa8, 0x9c}}};
  core::Board board(t);
  for (int i = 1; i <= cards; ++i)
    board.Apply({i, i, core::Actor::Kiosk,
                 core::CardAdded{i, "Carte numéro " + std::to_string(i), "blue",
                                 {0.1f + 0.8f * ((i * 37) % 100) / 100.0f, 0.2f + 0.6f * ((i * 53) % 100) / 100.0f}}});
  return board;
}

BoardView ViewOf(const core::Board& board, int w = 1920, int h = 1080) {
  return {.board = &board, .viewport = core::Viewport::Fit(w, h), .framebuffer_w = w, .framebuffer_h = h};
}

// Index of the first Fill quad with exactly the card's rectangle (its paper), or -1.
int CardFillIndex(const DrawList& list, const BoardView& view, core::MapPoint at, float scale = 1) {
  const core::ScreenPoint c = view.viewport.ToScreen(at);
  const float half_w = core::kCardWidth * view.viewport.pixels.w * scale / 2;
  const auto& q = list.quads();
  for (std::size_t i = 0; i < q.size(); ++i)
    if (q[i].params[0] == static_cast<float>(QuadKind::Fill) && std::abs(q[i].shape[0] - c.x) < 0.01f &&
        std::abs(q[i].shape[1] - c.y) < 0.01f && std::abs(q[i].shape[2] - half_w) < 0.01f)
      return static_cast<int>(i);
  return -1;
}

TEST(GlyphAtlas, BakesFrenchRangesAndGrowsOnDemand) {
  GlyphAtlas atlas(TestFont(), 256, 64);
  atlas.BakeRanges(kFrenchRanges);
  EXPECT_GT(atlas.glyph_count(), 200);
  EXPECT_GT(atlas.height(), 64);  // grew to hold them
  EXPECT_EQ(atlas.pixels().size(), static_cast<std::size_t>(atlas.width()) * atlas.height());
  const AtlasGlyph* oe = atlas.Get(U'œ');
  ASSERT_NE(oe, nullptr);
  EXPECT_GT(oe->w, 0);
  EXPECT_LE(oe->x + oe->w, atlas.width());
  EXPECT_LE(oe->y + oe->h, atlas.height());
  const AtlasGlyph* space = atlas.Get(U' ');
  ASSERT_NE(space, nullptr);
  EXPECT_EQ(space->w, 0);

  atlas.ClearDirty();
  const int before = atlas.glyph_count();
  const AtlasGlyph* greek = atlas.Get(U'λ');  // not in the French ranges, baked on first use
  ASSERT_NE(greek, nullptr);
  EXPECT_EQ(atlas.glyph_count(), before + 1);
  EXPECT_LT(atlas.dirty_begin(), atlas.dirty_end());
  EXPECT_EQ(atlas.Get(U'λ'), greek);  // cached
}

TEST(GlyphAtlas, MissingCodePointGetsTheReplacementGlyph) {
  GlyphAtlas atlas(TestFont());
  const AtlasGlyph* emoji = atlas.Get(0x1F600);
  ASSERT_NE(emoji, nullptr);
  EXPECT_EQ(emoji, atlas.Get(0xFFFD));
}

TEST(BoardPainter, DrawsMapThenCardsInZOrderWithHeldCardsLast) {
  core::Board board = BoardWith(3);
  BoardPainter painter(TestFont());
  DrawList list;
  HeldCard held[] = {{1, {0.5f, 0.5f}}};
  BoardView view = ViewOf(board);
  view.held = held;
  painter.Paint(view, list);
  const int card2 = CardFillIndex(list, view, board.Find(2)->at);
  const int card3 = CardFillIndex(list, view, board.Find(3)->at);
  const int lifted = CardFillIndex(list, view, {0.5f, 0.5f}, CardStyle{}.lift_scale);
  ASSERT_GE(card2, 0);
  ASSERT_GE(card3, 0);
  ASSERT_GE(lifted, 0);
  EXPECT_LT(card2, card3);
  EXPECT_LT(card3, lifted);
  EXPECT_EQ(CardFillIndex(list, view, board.Find(1)->at), -1);  // not also drawn at its board place
  // The map background is the first quad and covers the viewport.
  EXPECT_EQ(list.quads().front().rect[2], view.viewport.pixels.w + 2);
  // Glyphs follow the held card's paper: its text is on top too.
  EXPECT_EQ(list.quads().back().params[0], static_cast<float>(QuadKind::Glyph));
}

TEST(BoardPainter, TrayBandCoversBoardCardsAndADraggedDeckCardIsOnTopOfEverything) {
  core::Board board = BoardWith(3);
  BoardPainter painter(TestFont());
  DrawList list;
  HeldCard held[] = {{1, {0.5f, 0.5f}}};
  LooseCard loose[] = {{"HelloAsso", "green", {0.2f, 0.93f}, false}, {"Canva", "blue", {0.7f, 0.4f}, true}};
  BoardView view = ViewOf(board);
  view.held = held;
  view.tray_band = {0, 880, 1920, 200};
  view.loose = loose;
  painter.Paint(view, list);
  const auto& q = list.quads();
  int band = -1;
  for (std::size_t i = 0; i < q.size(); ++i)
    if (q[i].params[0] == static_cast<float>(QuadKind::Fill) && q[i].shape[1] == 980 && q[i].shape[2] == 960)
      band = static_cast<int>(i);
  const int board_card = CardFillIndex(list, view, board.Find(3)->at);
  const int in_tray = CardFillIndex(list, view, {0.2f, 0.93f});
  const int held_card = CardFillIndex(list, view, {0.5f, 0.5f}, CardStyle{}.lift_scale);
  const int dragged = CardFillIndex(list, view, {0.7f, 0.4f}, CardStyle{}.lift_scale);
  ASSERT_GE(band, 0);
  ASSERT_GE(in_tray, 0);
  ASSERT_GE(dragged, 0);
  EXPECT_LT(board_card, band);
  EXPECT_LT(band, in_tray);
  EXPECT_LT(in_tray, held_card);
  EXPECT_LT(held_card, dragged);
  // Loose cards wear their colour's paper: the tray card is green, not the default yellow.
  const core::Rgb green = core::FindColour("green")->paper;
  EXPECT_NEAR(q[in_tray].bottom.g, green.g * 0.97f, 2);

  DrawList closed;
  view.tray_band = {};
  painter.Paint(view, closed);  // no tray: only the dragged card is left of the loose ones
  EXPECT_EQ(CardFillIndex(closed, view, {0.2f, 0.93f}), -1);
  EXPECT_GE(CardFillIndex(closed, view, {0.7f, 0.4f}, CardStyle{}.lift_scale), 0);
}

TEST(BoardPainter, HighlightedCardsGetAGlow) {
  core::Board board = BoardWith(2);
  BoardPainter painter(TestFont());
  DrawList plain, glowing;
  BoardView view = ViewOf(board);
  painter.Paint(view, plain);
  core::CardId ids[] = {2};
  view.highlighted = ids;
  painter.Paint(view, glowing);
  EXPECT_EQ(glowing.quads().size(), plain.quads().size() + 2);
}

TEST(BoardPainter, FadingGlowsScaleTheGlowAndTheStrongestWins) {
  core::Board board = BoardWith(2);
  BoardPainter painter(TestFont());
  DrawList plain, half, none;
  BoardView view = ViewOf(board);
  painter.Paint(view, plain);
  Glow glows[] = {{2, 0.5f}, {2, 0.25f}, {1, 0.0f}};
  view.glows = glows;
  painter.Paint(view, half);
  ASSERT_EQ(half.quads().size(), plain.quads().size() + 2);  // card 2 only; card 1's glow is 0
  const int paper = CardFillIndex(half, view, board.Find(2)->at);
  ASSERT_GE(paper, 4);  // glow soft + ring, two shadows, then the paper
  EXPECT_EQ(half.quads()[paper - 3].params[0], static_cast<float>(QuadKind::Ring));
  EXPECT_EQ(half.quads()[paper - 4].params[0], static_cast<float>(QuadKind::Soft));
  EXPECT_NEAR(half.quads()[paper - 3].top.a, 0.95f * 0.5f * 255, 1.0f);
  Glow gone[] = {{2, 0.0f}};
  view.glows = gone;
  painter.Paint(view, none);
  EXPECT_EQ(none.quads().size(), plain.quads().size());
}

TEST(BoardPainter, TrailsDrawAGhostWhereTheCardWasUnderTheCardsWithDotsToIt) {
  core::Board board = BoardWith(3);
  BoardPainter painter(TestFont());
  DrawList plain, with_trail, faded;
  BoardView view = ViewOf(board);
  painter.Paint(view, plain);
  const core::MapPoint was{0.2f, 0.5f};
  Trail trails[] = {{1, was, 1.0f}};
  view.trails = trails;
  painter.Paint(view, with_trail);
  ASSERT_GT(with_trail.quads().size(), plain.quads().size() + 8);  // ghost fill, dashes, dots
  // The ghost's faint fill is a card-sized rectangle at `was`, drawn before every card.
  const int ghost = CardFillIndex(with_trail, view, was);
  ASSERT_GE(ghost, 0);
  EXPECT_LT(ghost, CardFillIndex(with_trail, view, board.Find(1)->at));
  for (int id = 1; id <= 3; ++id) EXPECT_LT(ghost, CardFillIndex(with_trail, view, board.Find(id)->at));
  EXPECT_LT(with_trail.quads()[ghost].top.a, 128);
  // A trail for a card no longer on the board (binned): the ghost without dots.
  Trail binned[] = {{99, was, 1.0f}};
  view.trails = binned;
  painter.Paint(view, faded);
  EXPECT_LT(faded.quads().size(), with_trail.quads().size());
  EXPECT_GT(faded.quads().size(), plain.quads().size());
  Trail invisible[] = {{1, was, 0.0f}};
  view.trails = invisible;
  painter.Paint(view, faded);
  EXPECT_EQ(faded.quads().size(), plain.quads().size());
}

TEST(BoardPainter, VotedCardsCarryABadgeWithTheirCount) {
  core::Board board = BoardWith(1);
  BoardPainter painter(TestFont());
  DrawList plain;
  painter.Paint(ViewOf(board), plain);
  board.Apply({2, 2, core::Actor::Kiosk, core::PhaseStarted{"Voter", core::PhaseKind::Vote, 0}});
  for (int i = 0; i < 12; ++i) board.Apply({3 + i, 3 + i, core::Actor::Kiosk, core::CardVoted{1}});
  ASSERT_EQ(board.Find(1)->votes, 12);
  DrawList voted;
  const BoardView view = ViewOf(board);
  painter.Paint(view, voted);
  // The badge: a shadow, a round dark-blue disc, then the two glyphs of "12".
  ASSERT_EQ(voted.quads().size(), plain.quads().size() + 4);
  const core::Card& card = *board.Find(1);
  const core::ScreenPoint c = view.viewport.ToScreen(card.at);
  const float card_right = c.x + core::kCardWidth * view.viewport.pixels.w / 2;
  const float card_top = c.y - core::kCardHeight * view.viewport.pixels.h / 2;
  bool found = false;
  for (const auto& q : voted.quads()) {
    if (q.params[0] != static_cast<float>(QuadKind::Fill)) continue;
    // Fill shapes are centre x, centre y, half width, half height.
    if (std::abs(q.shape[0] - card_right) < 20 && std::abs(q.shape[1] - card_top) < 20 && q.shape[2] > 15 &&
        std::abs(q.shape[2] - q.shape[3]) < 0.01f)
      found = true;
  }
  EXPECT_TRUE(found) << "no round badge at the card's top-right corner";
}

TEST(BoardPainter, CachesCardLayouts) {
  core::Board board = BoardWith(50);
  BoardPainter painter(TestFont());
  DrawList list;
  painter.Paint(ViewOf(board), list);
  const std::size_t cached = painter.cached_layouts();
  EXPECT_GE(cached, 50u);
  const std::size_t quads = list.quads().size();
  painter.Paint(ViewOf(board), list);
  EXPECT_EQ(painter.cached_layouts(), cached);
  EXPECT_EQ(list.quads().size(), quads);
  painter.Paint(ViewOf(board, 3840, 2160), list);  // a new box size in pixels: new layouts
  EXPECT_GT(painter.cached_layouts(), cached);
}

// How fast is bench/render_bench.cpp's job (BM_PaintBoard); here: a crowded board loses no
// card, and the cached second frame draws what the first did.
TEST(BoardPainter, TwoThousandCardsAllPaintAndRepaintTheSame) {
  core::Board board = BoardWith(2000);
  BoardPainter painter(TestFont());
  DrawList first;
  const BoardView view = ViewOf(board);
  painter.Paint(view, first);  // fills the layout cache
  const float half_w = board.card_size().w * view.viewport.pixels.w / 2;  // the crowd's size
  const auto papers = std::count_if(first.quads().begin(), first.quads().end(), [&](const auto& q) {
    return q.params[0] == static_cast<float>(QuadKind::Fill) && std::abs(q.shape[2] - half_w) < 0.01f;
  });
  EXPECT_EQ(papers, 2000);
  DrawList again;
  painter.Paint(view, again);
  ASSERT_EQ(again.quads().size(), first.quads().size());
  for (std::size_t i = 0; i < first.quads().size(); ++i)
    ASSERT_EQ(std::memcmp(&again.quads()[i], &first.quads()[i], sizeof(first.quads()[i])), 0) << "quad " << i;
}

TEST(BoardPainter, NoBoardDrawsNothing) {
  BoardPainter painter(TestFont());
  DrawList list;
  painter.Paint({}, list);
  EXPECT_TRUE(list.quads().empty());
}

TEST(ShaderLog, FindsTheLineInCommonDriverFormats) {
  EXPECT_EQ(ShaderLogLine("0:12(5): error: syntax error, unexpected IDENTIFIER"), 12);  // Mesa
  EXPECT_EQ(ShaderLogLine("ERROR: 0:7: 'foo' : undeclared identifier"), 7);            // ANGLE
  EXPECT_EQ(ShaderLogLine("0(31) : error C0000: syntax error"), 31);                     // NVIDIA
  EXPECT_EQ(ShaderLogLine("link failed"), std::nullopt);
}

TEST(Capture, WritePngReportsUnwritablePaths) {
  Image image{.width = 2, .height = 1, .rgba = {255, 0, 0, 255, 0, 0, 255, 255}};
  auto bad = WritePng(image, "/nonexistent-dir/shot.png");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("/nonexistent-dir/shot.png"), std::string::npos);
  EXPECT_FALSE(WritePng(Image{}, "/tmp/empty.png").ok());
  const std::string path = ::testing::TempDir() + "render_test_shot.png";
  ASSERT_TRUE(WritePng(image, path).ok());
  std::FILE* f = std::fopen(path.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  unsigned char magic[8] = {};
  EXPECT_EQ(std::fread(magic, 1, 8, f), 8u);
  std::fclose(f);
  std::remove(path.c_str());
  EXPECT_EQ(magic[1], 'P');
  EXPECT_EQ(magic[2], 'N');
  EXPECT_EQ(magic[3], 'G');
}

}  // namespace
}  // namespace atelier::render
