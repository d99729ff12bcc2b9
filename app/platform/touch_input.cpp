#include "platform/touch_input.h"

#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3native.h>
#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>
#include <poll.h>
#include <unistd.h>

namespace atelier::platform {

std::unique_ptr<TouchInput> TouchInput::Attach(GLFWwindow* window, std::string& why_not) {
  const ::Window x_window = glfwGetX11Window(window);
  if (!x_window) {
    why_not = "not an X11 window";
    return nullptr;
  }
  // A second connection: GLFW's own speaks XI 2.0 and drops the touch events it does not know.
  Display* display = XOpenDisplay(nullptr);
  if (!display) {
    why_not = "cannot open a second X connection";
    return nullptr;
  }
  int opcode = 0, first_event = 0, first_error = 0;
  int major = 2, minor = 2;
  if (!XQueryExtension(display, "XInputExtension", &opcode, &first_event, &first_error) ||
      XIQueryVersion(display, &major, &minor) != Success || major < 2 || (major == 2 && minor < 2)) {
    XCloseDisplay(display);
    why_not = "the X server has no XInput 2.2";
    return nullptr;
  }
  unsigned char bits[XIMaskLen(XI_LASTEVENT)] = {};
  XISetMask(bits, XI_TouchBegin);  // the three together, or X refuses the selection
  XISetMask(bits, XI_TouchUpdate);
  XISetMask(bits, XI_TouchEnd);
  XIEventMask mask{.deviceid = XIAllMasterDevices, .mask_len = sizeof bits, .mask = bits};
  XISelectEvents(display, x_window, &mask, 1);
  XSync(display, False);

  std::unique_ptr<TouchInput> touch(new TouchInput());
  touch->m_display = display;
  touch->m_window = x_window;
  touch->m_opcode = opcode;
  if (pipe(touch->m_stop_pipe) != 0) {
    why_not = "no pipe for the touch thread";
    return nullptr;  // the destructor closes the display
  }
  touch->m_waker = std::thread(&TouchInput::Watch, touch.get());
  return touch;
}

TouchInput::~TouchInput() {
  if (m_waker.joinable()) {
    {
      std::lock_guard lock(m_mutex);
      m_waiting = false;
    }
    m_drained.notify_all();
    (void)!write(m_stop_pipe[1], "x", 1);
    m_waker.join();
  }
  for (int fd : m_stop_pipe)
    if (fd >= 0) close(fd);
  if (m_display) XCloseDisplay(m_display);
}

void TouchInput::Watch() {
  pollfd fds[2] = {{ConnectionNumber(m_display), POLLIN, 0}, {m_stop_pipe[0], POLLIN, 0}};
  for (;;) {
    if (poll(fds, 2, -1) < 0) continue;  // EINTR
    if (fds[1].revents) return;
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) return;  // X is gone: nothing more will come
    if (!(fds[0].revents & POLLIN)) continue;
    // Wake the frame loop, then wait until it has read what came (else poll would fire again
    // and again on the same bytes).
    std::unique_lock lock(m_mutex);
    m_waiting = true;
    glfwPostEmptyEvent();
    m_drained.wait(lock, [this] { return !m_waiting; });
    if (poll(&fds[1], 1, 0) > 0) return;
  }
}

void TouchInput::Poll(InputQueue& queue) {
  using Phase = input::PointerEvent::Phase;
  while (XPending(m_display) > 0) {
    XEvent event;
    XNextEvent(m_display, &event);
    XGenericEventCookie* cookie = &event.xcookie;
    if (cookie->type != GenericEvent || cookie->extension != m_opcode || !XGetEventData(m_display, cookie)) continue;
    const auto* e = static_cast<const XIDeviceEvent*>(cookie->data);
    const auto touch = static_cast<std::uint32_t>(e->detail);
    if (cookie->evtype == XI_TouchBegin) {
      queue.PushFinger(m_ids.Begin(touch), Phase::Down, e->event_x, e->event_y);
    } else if (cookie->evtype == XI_TouchUpdate) {
      if (auto id = m_ids.Find(touch)) queue.PushFinger(*id, Phase::Move, e->event_x, e->event_y);
    } else if (cookie->evtype == XI_TouchEnd) {
      if (auto id = m_ids.End(touch)) queue.PushFinger(*id, Phase::Up, e->event_x, e->event_y);
    }
    XFreeEventData(m_display, cookie);
  }
  {
    std::lock_guard lock(m_mutex);
    m_waiting = false;
  }
  m_drained.notify_all();
}

}  // namespace atelier::platform
