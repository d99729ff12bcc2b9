// The kiosk's one window: full-screen on the primary monitor without decoration (or a plain
// window for development), with an OpenGL ES 3.0 context — the one context type that works on
// a Raspberry Pi and on any PC — and Dear ImGui's GLFW + GLES3 backends attached.
#pragma once
#include <memory>
#include <string>

#include "core/error.h"

struct GLFWwindow;

namespace atelier::platform {

struct WindowConfig {
  bool kiosk = true;       // full screen, no decoration, cursor hidden, cannot be closed
  int width = 0;           // 0: the monitor's size (kiosk) or 1600×900 (windowed)
  int height = 0;
  std::string title = "Atelier";
};

// GLFW's description of its last error, for messages ("unknown error" when it gave none).
std::string LastGlfwError();

class Window {
 public:
  // Errors say in plain French what is wrong (no display, no OpenGL ES 3.0).
  static core::Result<std::unique_ptr<Window>> Open(const WindowConfig& config);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* glfw() const { return m_window; }
  int framebuffer_w() const;
  int framebuffer_h() const;
  float pixels_per_screen_unit() const;  // framebuffer pixels per GLFW cursor unit
  int physical_width_mm() const;         // as the monitor reports it, 0 if unknown
  bool kiosk() const { return m_kiosk; }
  bool ShouldClose() const;
  void SwapBuffers();

 private:
  Window() = default;
  GLFWwindow* m_window = nullptr;
  bool m_kiosk = true;
};

}  // namespace atelier::platform
