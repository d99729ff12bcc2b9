#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include "platform/doctor_probe.h"
#include "platform/window.h"

namespace atelier::platform {

namespace {

std::string GlString(GLenum name) {
  const GLubyte* s = glGetString(name);
  return s ? reinterpret_cast<const char*>(s) : "";
}

// Without X (over SSH): an OpenGL ES 3.0 context on Mesa's surfaceless EGL platform, to tell
// "the driver works, the screen is missing" from "no driver" (platform-notes.md).
void ProbeOffscreen(GlFacts& gl) {
  auto get_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!get_display) return;
  EGLDisplay display = get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  if (display == EGL_NO_DISPLAY || !eglInitialize(display, nullptr, nullptr)) return;
  const EGLint config_wanted[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES3_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configs = 0;
  if (eglBindAPI(EGL_OPENGL_ES_API) && eglChooseConfig(display, config_wanted, &config, 1, &configs) && configs > 0) {
    const EGLint context_wanted[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 0, EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_wanted);
    if (context != EGL_NO_CONTEXT) {
      if (eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        gl.offscreen = true;
        gl.version = GlString(GL_VERSION);
        gl.renderer = GlString(GL_RENDERER);
        gl.vendor = GlString(GL_VENDOR);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
      }
      eglDestroyContext(display, context);
    }
  }
  eglTerminate(display);
}

}  // namespace

DisplayFacts ProbeDisplay() {
  DisplayFacts facts;
  if (!glfwInit()) {
    facts.gl.display_error = LastGlfwError();
    ProbeOffscreen(facts.gl);
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
