#include "x11_close.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <cstdlib>

namespace atelier::e2e {

bool RequestWindowClose(const std::string& window) {
  char* end = nullptr;
  const unsigned long id = std::strtoul(window.c_str(), &end, 10);
  if (window.empty() || *end != '\0') return false;
  Display* display = XOpenDisplay(nullptr);
  if (!display) return false;
  XEvent event{};
  event.xclient.type = ClientMessage;
  event.xclient.window = id;
  event.xclient.message_type = XInternAtom(display, "WM_PROTOCOLS", False);
  event.xclient.format = 32;
  event.xclient.data.l[0] = static_cast<long>(XInternAtom(display, "WM_DELETE_WINDOW", False));
  event.xclient.data.l[1] = CurrentTime;
  const bool sent = XSendEvent(display, id, False, NoEventMask, &event) != 0;
  XSync(display, False);
  XCloseDisplay(display);
  return sent;
}

}  // namespace atelier::e2e
