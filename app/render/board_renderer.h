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
#include "render/board_painter.h"
#include "render/board_view.h"
#include "render/draw_list.h"

namespace atelier::render {

struct RendererConfig {
  std::string shader_dir;  // holds quad.vert and quad.frag
  std::string font_path;   // a TTF/OTF file (the caller finds it, e.g. through fontconfig)
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

  // How many quads the last Draw submitted (for benchmarks and tests).
  std::size_t last_quad_count() const { return m_list.quads().size(); }
  BoardPainter& painter() { return m_painter; }

 private:
  BoardRenderer(Font font, GLuint program);
  void UploadAtlas();
  void PointAttributes(std::size_t first);

  BoardPainter m_painter;
  DrawList m_list;
  GLuint m_program = 0;
  GLuint m_vao = 0, m_vbo = 0, m_atlas_texture = 0;
  GLint m_u_target_size = -1, m_u_atlas_size = -1, m_u_atlas = -1;
  int m_texture_w = 0, m_texture_h = 0;
  std::size_t m_vbo_capacity = 0;  // bytes
};

}  // namespace atelier::render
