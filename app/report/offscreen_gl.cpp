#include "report/offscreen_gl.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES3/gl3.h>

#include <string>

namespace atelier::report {

core::Result<std::unique_ptr<OffscreenGl>> OffscreenGl::Create(int width, int height) {
  std::unique_ptr<OffscreenGl> gl(new OffscreenGl);
  auto get_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!get_display) return core::Error{"no EGL platform display support (is libegl1-mesa installed?)"};
  EGLDisplay display = get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  if (display == EGL_NO_DISPLAY || !eglInitialize(display, nullptr, nullptr))
    return core::Error{"Mesa's surfaceless EGL platform is not available (install libegl-mesa0 and libgl1-mesa-dri)"};
  gl->m_display = display;
  const EGLint config_wanted[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES3_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configs = 0;
  if (!eglBindAPI(EGL_OPENGL_ES_API) || !eglChooseConfig(display, config_wanted, &config, 1, &configs) ||
      configs == 0)
    return core::Error{"no OpenGL ES 3 configuration on the surfaceless EGL platform"};
  const EGLint context_wanted[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 0, EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_wanted);
  if (context == EGL_NO_CONTEXT) return core::Error{"cannot create an OpenGL ES 3.0 context without a display"};
  gl->m_context = context;
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context))
    return core::Error{"cannot make the off-screen OpenGL ES context current"};

  GLint max_renderbuffer = 0, max_viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_viewport);
  if (width > max_renderbuffer || height > max_renderbuffer || width > max_viewport[0] || height > max_viewport[1])
    return core::Error{"this GL driver draws at most " + std::to_string(std::min(max_renderbuffer, max_viewport[0])) +
                       " pixels wide; ask for a smaller --size"};
  glGenFramebuffers(1, &gl->m_fbo);
  glGenRenderbuffers(1, &gl->m_colour);
  glBindRenderbuffer(GL_RENDERBUFFER, gl->m_colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, gl->m_fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, gl->m_colour);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE || glGetError() != GL_NO_ERROR)
    return core::Error{"cannot make a " + std::to_string(width) + "×" + std::to_string(height) +
                       " off-screen picture (not enough memory?)"};
  gl->m_width = width;
  gl->m_height = height;
  return gl;
}

OffscreenGl::~OffscreenGl() {
  if (m_context) {
    if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
    if (m_colour) glDeleteRenderbuffers(1, &m_colour);
    eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(m_display, m_context);
  }
  if (m_display) eglTerminate(m_display);
}

}  // namespace atelier::report
