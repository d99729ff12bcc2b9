// The kiosk's cached layer (render/board_layer.h) with real OpenGL ES 3.0 (Mesa's surfaceless
// EGL, no display needed): a frame drawn through the layer has the pixels of the same frame
// drawn whole, before and after the board changes, while a card is dragged, while cards glow,
// glide or change size; and the layer is drawn again only when what it shows changes.
#include <GLES3/gl3.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "render/board_renderer.h"
#include "render/capture.h"
#include "report/offscreen_gl.h"

namespace atelier::render {
namespace {

constexpr int kW = 1280, kH = 720;

core::Board BoardWith(int cards) {
  core::Template t;
  t.title = {"Nos outils", "Our tools"};
  t.vertical = {{"Impact", ""}, {"Nuit", ""}, {"Aide", ""}};
  t.horizontal = {{"Usages", ""}, {"Rare", ""}, {"Souvent", ""}};
  t.zones = {{"a", {"À garder", "Keep"}, {0.06f, 0.12f, 0.45f, 0.72f}, {0x9c, 0xd8, 0xb0}},
             {"b", {"À changer", "Change"}, {0.51f, 0.12f, 0.45f, 0.72f}, {0xf5, 0xa8, 0x9c}}};
  core::Board board(t);
  const char* colours[] = {"blue", "yellow", "green", "pink"};
  for (int i = 1; i <= cards; ++i)
    board.Apply({i, i, core::Actor::Kiosk,
                 core::CardAdded{i, "Carte numéro " + std::to_string(i), colours[i % 4],
                                 {0.1f + 0.8f * ((i * 37) % 100) / 100.0f, 0.2f + 0.6f * ((i * 53) % 100) / 100.0f}}});
  return board;
}

BoardView ViewOf(const core::Board& board) {
  return {.board = &board, .viewport = core::Viewport::Fit(kW, kH), .framebuffer_w = kW, .framebuffer_h = kH};
}

class BoardLayerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto gl = report::OffscreenGl::Create(kW, kH);
    if (!gl.ok()) GTEST_SKIP() << "no off-screen OpenGL ES here: " << gl.error().message;
    m_gl = std::move(gl.value());
    const RendererConfig config{.shader_dir = std::string(ATELIER_SOURCE_DIR) + "/shaders",
                                .font_path = ATELIER_TEST_FONT};
    auto direct = BoardRenderer::Create(config);
    ASSERT_TRUE(direct.ok()) << direct.error().message;
    RendererConfig layered_config = config;
    layered_config.cached_layer = true;
    auto layered = BoardRenderer::Create(layered_config);
    ASSERT_TRUE(layered.ok()) << layered.error().message;
    m_direct = std::move(direct.value());
    m_layered = std::move(layered.value());
    ASSERT_FALSE(m_direct->using_layer());
    ASSERT_TRUE(m_layered->using_layer());
  }

  Image Frame(BoardRenderer& renderer, const BoardView& view) {
    renderer.Draw(view);
    glFinish();
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
    return CaptureFramebuffer(kW, kH);
  }

  // The largest difference of one channel between the frame drawn whole and through the layer
  // (the layer's frame drawn second, so it cannot reuse what the whole one left behind).
  int Difference(const Image& whole, const Image& layered) {
    EXPECT_EQ(whole.rgba.size(), layered.rgba.size());
    int worst = 0;
    for (std::size_t i = 0; i < whole.rgba.size() && i < layered.rgba.size(); ++i)
      if (i % 4 != 3) worst = std::max(worst, std::abs(whole.rgba[i] - layered.rgba[i]));
    return worst;
  }

  void ExpectSame(const BoardView& view, const char* what) {
    const Image whole = Frame(*m_direct, view);
    const Image layered = Frame(*m_layered, view);
    EXPECT_EQ(Difference(whole, layered), 0) << what;
  }

  static std::array<int, 3> Pixel(const Image& image, core::ScreenPoint p) {
    const std::size_t i = (static_cast<std::size_t>(p.y) * image.width + static_cast<std::size_t>(p.x)) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]};
  }

  std::unique_ptr<report::OffscreenGl> m_gl;
  std::unique_ptr<BoardRenderer> m_direct, m_layered;
};

TEST_F(BoardLayerTest, CachedFrameHasThePixelsOfTheWholeFrame) {
  const core::Board board = BoardWith(80);
  const BoardView view = ViewOf(board);
  ExpectSame(view, "first frame (layer drawn)");
  const std::size_t redraws = m_layered->layer_redraws();
  EXPECT_EQ(redraws, 1u);
  ExpectSame(view, "second frame (layer reused)");
  EXPECT_EQ(m_layered->layer_redraws(), redraws) << "nothing changed: the layer is not drawn again";
  // Reused, the frame submits only what goes over the layer: no card of the board.
  EXPECT_LT(m_layered->last_quad_count(), 10u);
}

TEST_F(BoardLayerTest, MovingACardDrawsItAtItsNewPlaceOnly) {
  core::Board board = BoardWith(40);
  const core::Card& top = *board.InDrawOrder().back();
  const core::CardId id = top.id;
  const core::MapPoint from = top.at, to{0.5f, 0.95f};  // below the zones: nothing else there
  BoardView view = ViewOf(board);
  const Image before = Frame(*m_layered, view);

  board.Apply({41, 41, core::Actor::Kiosk, core::CardMoved{id, from, to}});
  view = ViewOf(board);
  const Image whole = Frame(*m_direct, view);
  const Image after = Frame(*m_layered, view);
  EXPECT_EQ(Difference(whole, after), 0);
  EXPECT_EQ(m_layered->layer_redraws(), 2u) << "the board changed: the layer is drawn again";
  // The card left its old place and shows at the new one.
  EXPECT_NE(Pixel(before, view.viewport.ToScreen(from)), Pixel(after, view.viewport.ToScreen(from)));
  EXPECT_NE(Pixel(before, view.viewport.ToScreen(to)), Pixel(after, view.viewport.ToScreen(to)));
}

TEST_F(BoardLayerTest, DraggedCardIsNotAlsoInTheLayerAtItsOldPlace) {
  const core::Board board = BoardWith(60);
  const core::Card& card = *board.InDrawOrder()[10];  // under others: the layer must leave it out
  BoardView view = ViewOf(board);
  (void)Frame(*m_layered, view);
  const std::size_t redraws = m_layered->layer_redraws();

  const core::ScreenPoint old_place = view.viewport.ToScreen(card.at);
  for (int step = 0; step < 4; ++step) {
    const HeldCard held[] = {{card.id, {card.at.x + 0.1f * step, 0.93f}}};
    view.held = held;
    ExpectSame(view, "dragging");
  }
  EXPECT_EQ(m_layered->layer_redraws(), redraws + 1) << "drawn once without the held card, then reused";
  // Where the card was, the frame shows what the whole frame shows without it.
  const HeldCard away[] = {{card.id, {0.5f, 0.93f}}};
  view.held = away;
  const Image layered = Frame(*m_layered, view);
  const Image whole = Frame(*m_direct, view);
  EXPECT_EQ(Pixel(layered, old_place), Pixel(whole, old_place));
}

TEST_F(BoardLayerTest, GlowsTrailsGlidesAndSizeChangesStayExact) {
  const core::Board board = BoardWith(50);
  const auto order = board.InDrawOrder();
  BoardView view = ViewOf(board);
  (void)Frame(*m_layered, view);

  const Glow glows[] = {{order[20]->id, 0.6f}};
  view.glows = glows;
  ExpectSame(view, "a card in the middle glows");
  view.glows = {};

  HeldCard placed[] = {{order[5]->id, {0.3f, 0.5f}}, {order[30]->id, {0.7f, 0.4f}}};
  std::sort(std::begin(placed), std::end(placed), [](const HeldCard& a, const HeldCard& b) { return a.id < b.id; });
  view.placed = placed;
  ExpectSame(view, "two cards glide (Ranger la carte)");
  view.placed = {};

  const Trail trails[] = {{order[12]->id, {0.2f, 0.3f}, 0.8f}};
  view.trails = trails;
  ExpectSame(view, "a trail under the cards (replay)");
  view.trails = {};

  core::CardSize eased = board.card_size();
  eased.w *= 0.9f;
  eased.h *= 0.9f;
  view.card_size = eased;
  ExpectSame(view, "card size easing");
  view.card_size.reset();

  view.lang = "en";
  ExpectSame(view, "another language");
  view.viewport.pixels = {-200, -100, kW * 1.5f, kH * 1.5f};  // zoomed in
  ExpectSame(view, "zoomed view");
}

}  // namespace
}  // namespace atelier::render
