#include "render/board_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "render/shader_program.h"

namespace atelier::render {

core::Result<std::unique_ptr<BoardRenderer>> BoardRenderer::Create(const RendererConfig& config) {
  auto font = Font::Load(config.font_path);
  if (!font) return font.error();
  std::string dir = config.shader_dir.empty() ? "." : config.shader_dir;
  if (dir.back() != '/') dir += '/';
  auto program = LoadProgram(dir + "quad.vert", dir + "quad.frag");
  if (!program) return program.error();
  auto renderer = std::unique_ptr<BoardRenderer>(new BoardRenderer(std::move(*font), *program));
  renderer->UseLayer(config.cached_layer);
  return renderer;
}

BoardRenderer::BoardRenderer(Font font, GLuint program) : m_painter(std::move(font)), m_program(program) {
  m_u_target_size = glGetUniformLocation(m_program, "u_target_size");
  m_u_atlas_size = glGetUniformLocation(m_program, "u_atlas_size");
  m_u_atlas = glGetUniformLocation(m_program, "u_atlas");

  glGenVertexArrays(1, &m_vao);
  glGenBuffers(1, &m_vbo);
  glBindVertexArray(m_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
  PointAttributes(0);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  glGenTextures(1, &m_atlas_texture);
  UploadAtlas();
}

// The instance attributes read the buffer from quad `first` on (GLES 3.0 has no base instance).
void BoardRenderer::PointAttributes(std::size_t first) {
  const GLsizei stride = sizeof(QuadInstance);
  const std::size_t base = first * sizeof(QuadInstance);
  auto attribute = [&](GLuint index, GLint count, GLenum type, GLboolean normalise, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, count, type, normalise, stride, reinterpret_cast<const void*>(base + offset));
    glVertexAttribDivisor(index, 1);
  };
  attribute(0, 4, GL_FLOAT, GL_FALSE, offsetof(QuadInstance, rect));
  attribute(1, 4, GL_FLOAT, GL_FALSE, offsetof(QuadInstance, shape));
  attribute(2, 4, GL_FLOAT, GL_FALSE, offsetof(QuadInstance, params));
  attribute(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, offsetof(QuadInstance, top));
  attribute(4, 4, GL_UNSIGNED_BYTE, GL_TRUE, offsetof(QuadInstance, bottom));
}

// Draws quads [first, end) (GLES 3.0 has no base instance: the attributes point at `first`).
void BoardRenderer::DrawQuads(std::size_t first, std::size_t end) {
  if (first >= end) return;
  PointAttributes(first);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(end - first));
}

BoardRenderer::~BoardRenderer() {
  glDeleteTextures(1, &m_atlas_texture);
  glDeleteBuffers(1, &m_vbo);
  glDeleteVertexArrays(1, &m_vao);
  glDeleteProgram(m_program);
}

// Sends the atlas rows baked since the last upload (all of it when it grew).
void BoardRenderer::UploadAtlas() {
  GlyphAtlas& atlas = m_painter.atlas();
  if (atlas.dirty_begin() >= atlas.dirty_end() && m_texture_w == atlas.width() && m_texture_h == atlas.height())
    return;
  glBindTexture(GL_TEXTURE_2D, m_atlas_texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (m_texture_w != atlas.width() || m_texture_h != atlas.height()) {
    m_texture_w = atlas.width();
    m_texture_h = atlas.height();
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, m_texture_w, m_texture_h, 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas.pixels().data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  } else {
    const int y0 = atlas.dirty_begin(), rows = atlas.dirty_end() - atlas.dirty_begin();
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y0, m_texture_w, rows, GL_RED, GL_UNSIGNED_BYTE,
                    atlas.pixels().data() + static_cast<std::size_t>(y0) * m_texture_w);
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glBindTexture(GL_TEXTURE_2D, 0);
  atlas.ClearDirty();
}

void BoardRenderer::UseLayer(bool on) {
  m_layer_on = on;
  m_layer.Forget();
}

void BoardRenderer::Draw(const BoardView& view, const Overlay& overlay) {
  if (m_layer_on && view.board && view.framebuffer_w > 0 && view.framebuffer_h > 0 && view.viewport.pixels.w > 0 &&
      view.viewport.pixels.h > 0)
    DrawThroughLayer(view, overlay);
  else
    DrawDirect(view, overlay);
}

void BoardRenderer::DrawDirect(const BoardView& view, const Overlay& overlay) {
  m_painter.Paint(view, m_list);
  if (overlay) overlay(m_painter, m_list);
  UploadAtlas();  // Paint may have baked glyphs met for the first time
  ClearToMargin(view);
  Submit(view);
  m_last_quads = m_list.quads().size();
}

// The layer holds what Paint's first part (PaintStill) gives; the frame is the layer copied,
// then the second part drawn over it, exactly as Paint would have drawn both in one go.
void BoardRenderer::DrawThroughLayer(const BoardView& view, const Overlay& overlay) {
  const std::size_t still = m_painter.StillCards(view);
  LayerKey key{.board = view.board,
               .stamp = view.board->stamp(),
               .still = still,
               .card_size = view.CardSize(),
               .viewport = view.viewport.pixels,
               .framebuffer_w = view.framebuffer_w,
               .framebuffer_h = view.framebuffer_h,
               .lang = std::string(view.lang)};
  for (const HeldCard& h : view.held) key.held.push_back(h.id);
  std::sort(key.held.begin(), key.held.end());

  GLint target = 0, read = 0;  // given back as they were
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
  auto give_back = [&] {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read));
  };
  m_last_quads = 0;
  if (!m_layer.Holds(key)) {
    if (!m_layer.BeginDrawing(view.framebuffer_w, view.framebuffer_h)) {
      give_back();
      m_layer_on = false;  // this driver cannot: draw directly from now on
      DrawDirect(view, overlay);
      return;
    }
    m_list.Clear();
    m_painter.PaintStill(view, still, m_list);
    UploadAtlas();
    ClearToMargin(view);
    Submit(view);
    m_last_quads = m_list.quads().size();
    m_layer.Keep(std::move(key));
    m_list.Release();  // the frames until the next redraw need a few hundred quads, not this
  }
  m_list.Clear();
  m_painter.PaintMoving(view, still, m_list);
  if (overlay) overlay(m_painter, m_list);
  UploadAtlas();
  m_layer.CopyTo(static_cast<GLuint>(target));
  give_back();
  Submit(view);
  m_last_quads += m_list.quads().size();
}

void BoardRenderer::ClearToMargin(const BoardView& view) {
  const core::Rgb paper = view.board ? view.board->map_template().paper : core::Rgb{0xf7, 0xf5, 0xf0};
  const core::Rgb margin = Shade(paper, 0.9f);  // letterbox around the map
  glViewport(0, 0, view.framebuffer_w, view.framebuffer_h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(margin.r / 255.0f, margin.g / 255.0f, margin.b / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

void BoardRenderer::Submit(const BoardView& view) {
  glViewport(0, 0, view.framebuffer_w, view.framebuffer_h);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  const auto& quads = m_list.quads();
  if (quads.empty() || view.framebuffer_w <= 0 || view.framebuffer_h <= 0) return;

  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(m_program);
  glUniform2f(m_u_target_size, static_cast<float>(view.framebuffer_w), static_cast<float>(view.framebuffer_h));
  glUniform2f(m_u_atlas_size, static_cast<float>(m_texture_w), static_cast<float>(m_texture_h));
  glUniform1i(m_u_atlas, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, m_atlas_texture);

  glBindVertexArray(m_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
  // The buffer follows the frame's size both ways: after the layer's one big draw, the frames
  // that only draw what moves orphan a small buffer, not the layer's megabytes.
  const std::size_t bytes = quads.size() * sizeof(QuadInstance);
  if (bytes > m_vbo_capacity || bytes < m_vbo_capacity / 4)
    m_vbo_capacity = std::max<std::size_t>(bytes * 3 / 2, 64 * 1024);
  // Orphan the buffer each time, then fill it: the driver never waits for the previous draw.
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m_vbo_capacity), nullptr, GL_STREAM_DRAW);
  glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), quads.data());
  const std::size_t clipped = view.clip.w > 0 && view.clip.h > 0 ? std::min(m_list.map_end(), quads.size()) : 0;
  if (clipped > 0) {  // zoomed: the map and its cards stay inside the map's fitted area (GL's y is up)
    const core::Rect& c = view.clip;
    const int x0 = static_cast<int>(std::floor(c.x)), x1 = static_cast<int>(std::ceil(c.x + c.w));
    const int y0 = static_cast<int>(std::floor(view.framebuffer_h - (c.y + c.h)));
    const int y1 = static_cast<int>(std::ceil(view.framebuffer_h - c.y));
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, y0, x1 - x0, y1 - y0);
    DrawQuads(0, clipped);
    glDisable(GL_SCISSOR_TEST);
  }
  DrawQuads(clipped, quads.size());
  PointAttributes(0);

  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
}

}  // namespace atelier::render
