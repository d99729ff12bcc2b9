// Draws the board with OpenGL ES 3.0: map background then cards, in one instanced draw call
// (BoardPainter builds the quads, this class uploads them and the glyph atlas). Create and use
// it on the thread whose GL context is current; destroy it while that context still exists.
// After Draw, no VAO, program, buffer or texture of ours is left bound, so Dear ImGui's GLES3
// backend can draw on top.
#pragma once
#include <GLES3/gl3.h>

#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "render/board_layer.h"
#include "render/board_painter.h"
#include "render/board_view.h"
#include "render/draw_list.h"

namespace atelier::render {

struct RendererConfig {
  std::string shader_dir;  // holds quad.vert and quad.frag
  std::string font_path;   // a TTF/OTF file (the caller finds it, e.g. through fontconfig)
  // Keep the map and the still cards in a cached layer (render/board_layer.h) and draw only
  // what moves over it: for a screen that draws frame after frame (the kiosk). A one-off
  // picture (exports) draws directly and spares the layer's memory (4 bytes a pixel).
  bool cached_layer = false;
};

class BoardRenderer {
 public:
  // Needs a current OpenGL ES 3.0 context. A missing or invalid shader file (the message names
  // the file and the compiler's line) or an unreadable font is an error value.
  static core::Result<std::unique_ptr<BoardRenderer>> Create(const RendererConfig& config);
  ~BoardRenderer();
  BoardRenderer(const BoardRenderer&) = delete;
  BoardRenderer& operator=(const BoardRenderer&) = delete;

  // Clears the framebuffer and draws the map background then the cards. overlay, when given,
  // adds its own shapes and text on top, with the same painter (the video's caption).
  using Overlay = std::function<void(BoardPainter& painter, DrawList& list)>;
  void Draw(const BoardView& view, const Overlay& overlay = {});

  // How many quads the last Draw submitted (for benchmarks and tests); with the cached layer,
  // those of the moving part only, plus the layer's when it was drawn again.
  std::size_t last_quad_count() const { return m_last_quads; }
  BoardPainter& painter() { return m_painter; }
  // The cached layer (tests and benchmarks: how often it was drawn again).
  void UseLayer(bool on);
  bool using_layer() const { return m_layer_on; }
  std::size_t layer_redraws() const { return m_layer.redraws(); }

 private:
  BoardRenderer(Font font, GLuint program);
  void UploadAtlas();
  void DrawDirect(const BoardView& view, const Overlay& overlay);
  void DrawThroughLayer(const BoardView& view, const Overlay& overlay);
  void ClearToMargin(const BoardView& view);
  // Draws m_list's quads into the bound framebuffer (blending over what is there).
  void Submit(const BoardView& view);
  void PointAttributes(std::size_t first);
  void DrawQuads(std::size_t first, std::size_t end);

  BoardPainter m_painter;
  DrawList m_list;
  GLuint m_program = 0;
  GLuint m_vao = 0, m_vbo = 0, m_atlas_texture = 0;
  GLint m_u_target_size = -1, m_u_atlas_size = -1, m_u_atlas = -1;
  int m_texture_w = 0, m_texture_h = 0;
  std::size_t m_vbo_capacity = 0;  // bytes
  bool m_layer_on = false;
  BoardLayer m_layer;
  std::size_t m_last_quads = 0;
};

}  // namespace atelier::render
