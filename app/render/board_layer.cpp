#include "render/board_layer.h"

#include <utility>

namespace atelier::render {

BoardLayer::~BoardLayer() {
  if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
  if (m_colour) glDeleteRenderbuffers(1, &m_colour);
}

bool BoardLayer::BeginDrawing(int w, int h) {
  m_valid = false;
  if (w <= 0 || h <= 0) return false;
  if (!m_fbo) glGenFramebuffers(1, &m_fbo);
  if (!m_colour) glGenRenderbuffers(1, &m_colour);
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  if (w != m_w || h != m_h) {
    glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
    m_w = w;
    m_h = h;
  }
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    m_w = m_h = 0;
    return false;
  }
  return true;
}

void BoardLayer::Keep(LayerKey key) {
  m_key = std::move(key);
  m_valid = true;
  ++m_redraws;
}

void BoardLayer::CopyTo(GLuint target) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
  glBlitFramebuffer(0, 0, m_w, m_h, 0, 0, m_w, m_h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

}  // namespace atelier::render
