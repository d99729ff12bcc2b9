#include "platform/window.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

namespace atelier::platform {

namespace {

// In kiosk mode nothing closes the window but the facilitator's exit (Alt+F4, a WM's close).
void RefuseClose(GLFWwindow* window) { glfwSetWindowShouldClose(window, GLFW_FALSE); }

}  // namespace

std::string LastGlfwError() {
  const char* description = nullptr;
  glfwGetError(&description);
  return description ? description : "unknown error";
}

core::Result<std::unique_ptr<Window>> Window::Open(const WindowConfig& config) {
  if (!glfwInit())
    return core::Error{"Aucun écran n'est disponible (" + LastGlfwError() +
                       "). Lancez Atelier depuis la session graphique."};

  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_DECORATED, config.kiosk ? GLFW_FALSE : GLFW_TRUE);
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // a kiosk never minimises on focus loss

  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  int w = config.width, h = config.height;
  if (w <= 0 || h <= 0) {
    if (config.kiosk && mode) {
      w = mode->width;
      h = mode->height;
    } else {
      w = 1600;
      h = 900;
    }
  }
  GLFWmonitor* fullscreen_on = (config.kiosk && monitor && config.width <= 0) ? monitor : nullptr;
  auto window = std::unique_ptr<Window>(new Window());
  window->m_kiosk = config.kiosk;
  window->m_window = glfwCreateWindow(w, h, config.title.c_str(), fullscreen_on, nullptr);
  if (!window->m_window) {
    std::string why = LastGlfwError();
    glfwTerminate();
    return core::Error{"Cet ordinateur ne propose pas OpenGL ES 3.0, nécessaire à Atelier (" + why +
                       "). Mettez à jour le pilote graphique (Mesa)."};
  }
  glfwMakeContextCurrent(window->m_window);
  glfwSwapInterval(1);
  if (config.kiosk) {
    glfwSetInputMode(window->m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    glfwSetWindowCloseCallback(window->m_window, RefuseClose);
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // a kiosk keeps no window layout (and writes no imgui.ini)
  // Our own callbacks feed pointers and keys (platform/input_queue); the backend only reads
  // the display size and time each frame.
  ImGui_ImplGlfw_InitForOpenGL(window->m_window, false);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  return window;
}

Window::~Window() {
  if (!m_window) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

int Window::framebuffer_w() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  return w;
}

int Window::framebuffer_h() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  return h;
}

float Window::pixels_per_screen_unit() const {
  int w = 0, h = 0;
  glfwGetWindowSize(m_window, &w, &h);
  return w > 0 ? static_cast<float>(framebuffer_w()) / w : 1.0f;
}

int Window::physical_width_mm() const {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (!monitor) return 0;
  int wmm = 0, hmm = 0;
  glfwGetMonitorPhysicalSize(monitor, &wmm, &hmm);
  return wmm;
}

bool Window::ShouldClose() const { return glfwWindowShouldClose(m_window); }

void Window::SwapBuffers() { glfwSwapBuffers(m_window); }

}  // namespace atelier::platform
