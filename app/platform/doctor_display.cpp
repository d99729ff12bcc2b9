#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include "platform/doctor_probe.h"

namespace atelier::platform {

namespace {

std::string LastGlfwError() {
  const char* description = nullptr;
  glfwGetError(&description);
  return description ? description : "unknown error";
}

std::string GlString(GLenum name) {
  const GLubyte* s = glGetString(name);
  return s ? reinterpret_cast<const char*>(s) : "";
}

}  // namespace

DisplayFacts ProbeDisplay() {
  DisplayFacts facts;
  if (!glfwInit()) {
    facts.gl.display_error = LastGlfwError();
    return facts;
  }
  facts.gl.display = true;

  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  GLFWmonitor* primary = glfwGetPrimaryMonitor();
  for (int i = 0; i < count; ++i) {
    MonitorFacts m;
    const char* name = glfwGetMonitorName(monitors[i]);
    m.name = name ? name : "?";
    m.primary = monitors[i] == primary;
    if (const GLFWvidmode* mode = glfwGetVideoMode(monitors[i])) {
      m.width_px = mode->width;
      m.height_px = mode->height;
      m.refresh_hz = mode->refreshRate;
    }
    glfwGetMonitorPhysicalSize(monitors[i], &m.width_mm, &m.height_mm);
    facts.monitors.push_back(m);
  }

  // The same hints as platform/window.cpp, hidden: nothing flashes on the kiosk's screen.
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(64, 64, "atelier doctor", nullptr, nullptr);
  if (!window) {
    facts.gl.context_error = LastGlfwError();
  } else {
    glfwMakeContextCurrent(window);
    facts.gl.context = true;
    facts.gl.version = GlString(GL_VERSION);
    facts.gl.renderer = GlString(GL_RENDERER);
    facts.gl.vendor = GlString(GL_VENDOR);
    glfwDestroyWindow(window);
  }
  glfwTerminate();
  return facts;
}

}  // namespace atelier::platform
