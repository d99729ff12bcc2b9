// Several fingers at once on an X11 touchscreen. GLFW 3.3 turns touches into one mouse (the
// first finger; the others are dropped), so the kiosk opens a second X connection, asks it for
// XInput 2.2 and selects touch begin/update/end on its window (see platform-notes.md): each
// finger then arrives as its own pointer (input::TouchIds), in the same InputQueue as the mouse
// and the scripts. X stops turning those touches into clicks for this window, so nothing is
// counted twice. A small thread watches the second connection and wakes GLFW's event wait when
// touches come in (glfwWaitEvents only watches GLFW's own connection).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "input/touch_ids.h"
#include "platform/input_queue.h"

struct GLFWwindow;
struct _XDisplay;

namespace atelier::platform {

class TouchInput {
 public:
  // Nothing (with the reason, English, for the log) when the display has no XInput 2.2: the
  // kiosk then works with GLFW's single pointer.
  static std::unique_ptr<TouchInput> Attach(GLFWwindow* window, std::string& why_not);
  ~TouchInput();
  TouchInput(const TouchInput&) = delete;
  TouchInput& operator=(const TouchInput&) = delete;

  // Moves the touches X delivered since the last call into queue (once per frame).
  void Poll(InputQueue& queue);

 private:
  TouchInput() = default;
  void Watch();  // the waker thread

  _XDisplay* m_display = nullptr;
  unsigned long m_window = 0;
  int m_opcode = 0;
  input::TouchIds m_ids;
  std::thread m_waker;
  int m_stop_pipe[2] = {-1, -1};
  std::mutex m_mutex;
  std::condition_variable m_drained;
  bool m_waiting = false;  // the waker saw data and waits for Poll to read it
};

}  // namespace atelier::platform
