// An OpenGL ES 3.0 context with no display and no window: Mesa's EGL surfaceless platform
// (platform-notes.md, "Drawing with no display"), drawing into a framebuffer object of the
// asked size. Works with DISPLAY unset: over SSH, in CI, on a kiosk whose screen is off.
// Create, draw and read back on one thread; the context is current from Create until the
// object is destroyed.
#pragma once
#include <memory>

#include "core/error.h"

namespace atelier::report {

class OffscreenGl {
 public:
  // A context and a width × height RGBA8 framebuffer, bound for drawing and reading. An error
  // says what failed (no EGL, no surfaceless platform, a size beyond the driver's limit).
  static core::Result<std::unique_ptr<OffscreenGl>> Create(int width, int height);
  ~OffscreenGl();
  OffscreenGl(const OffscreenGl&) = delete;
  OffscreenGl& operator=(const OffscreenGl&) = delete;

  int width() const { return m_width; }
  int height() const { return m_height; }

 private:
  OffscreenGl() = default;
  void* m_display = nullptr;  // EGLDisplay
  void* m_context = nullptr;  // EGLContext
  unsigned m_fbo = 0, m_colour = 0;
  int m_width = 0, m_height = 0;
};

}  // namespace atelier::report
