#include "platform/input_queue.h"

#include <GLFW/glfw3.h>

#include "core/text.h"

namespace atelier::platform {

namespace {
InputQueue& QueueOf(GLFWwindow* window) { return *static_cast<InputQueue*>(glfwGetWindowUserPointer(window)); }
using Phase = input::PointerEvent::Phase;
}  // namespace

void InputQueue::Attach(GLFWwindow* window) {
  m_window = window;
  glfwSetWindowUserPointer(window, this);
  glfwSetCursorPosCallback(window, OnCursor);
  glfwSetMouseButtonCallback(window, OnButton);
  glfwSetCharCallback(window, OnChar);
  glfwSetKeyCallback(window, OnKey);
}

core::ScreenPoint InputQueue::ToPixels(GLFWwindow* window, double x, double y) const {
  int ww = 0, wh = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window, &ww, &wh);
  glfwGetFramebufferSize(window, &fw, &fh);
  float sx = ww > 0 ? static_cast<float>(fw) / ww : 1, sy = wh > 0 ? static_cast<float>(fh) / wh : 1;
  return {static_cast<float>(x) * sx, static_cast<float>(y) * sy};
}

void InputQueue::PushFinger(int pointer, Phase phase, double x, double y) {
  Push(input::PointerEvent{pointer, phase, ToPixels(m_window, x, y), m_now_ms});
}

void InputQueue::OnCursor(GLFWwindow* window, double x, double y) {
  InputQueue& q = QueueOf(window);
  if (!q.m_mouse_down) return;  // touch first: nothing happens on hover
  q.Push(input::PointerEvent{0, Phase::Move, q.ToPixels(window, x, y), q.m_now_ms});
}

void InputQueue::OnButton(GLFWwindow* window, int button, int action, int) {
  if (button != GLFW_MOUSE_BUTTON_LEFT) return;
  InputQueue& q = QueueOf(window);
  double x = 0, y = 0;
  glfwGetCursorPos(window, &x, &y);
  q.m_mouse_down = action == GLFW_PRESS;
  q.Push(input::PointerEvent{0, q.m_mouse_down ? Phase::Down : Phase::Up, q.ToPixels(window, x, y), q.m_now_ms});
}

void InputQueue::OnChar(GLFWwindow* window, unsigned int code_point) {
  QueueOf(window).Push(ui::TypedText{core::EncodeUtf8(static_cast<char32_t>(code_point))});
}

void InputQueue::OnKey(GLFWwindow* window, int key, int, int action, int) {
  if (action == GLFW_RELEASE) return;
  std::optional<ui::KeyPress> press;
  switch (key) {
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: press = ui::KeyPress::Enter; break;
    case GLFW_KEY_BACKSPACE: press = ui::KeyPress::Backspace; break;
    case GLFW_KEY_DELETE: press = ui::KeyPress::Delete; break;
    case GLFW_KEY_ESCAPE: press = ui::KeyPress::Escape; break;
    case GLFW_KEY_LEFT: press = ui::KeyPress::Left; break;
    case GLFW_KEY_RIGHT: press = ui::KeyPress::Right; break;
    case GLFW_KEY_HOME: press = ui::KeyPress::Home; break;
    case GLFW_KEY_END: press = ui::KeyPress::End; break;
    default: return;
  }
  QueueOf(window).Push(*press);
}

std::vector<ui::InputItem> InputQueue::TakeFrame() {
  std::vector<ui::InputItem> frame;
  bool pressed_or_lifted = false;  // any finger may be the one driving ImGui's mouse
  while (!m_items.empty()) {
    const auto* pointer = std::get_if<input::PointerEvent>(&m_items.front());
    if (pointer && pointer->phase != Phase::Move) {
      if (pressed_or_lifted) break;  // the next press or release gets its own frame
      pressed_or_lifted = true;
    }
    frame.push_back(std::move(m_items.front()));
    m_items.pop_front();
  }
  return frame;
}

}  // namespace atelier::platform
