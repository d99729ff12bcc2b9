// What GLFW reports (mouse as pointer 0, typed characters, a few keys) and what an input script
// plays, queued in order: one input path for people and scripts. Each frame takes what it can
// use: Dear ImGui 1.86 samples the mouse once per frame, and any finger may be the one driving
// it, so presses and releases that arrive together are handed out one per frame, never lost.
#pragma once
#include <cstdint>
#include <deque>

#include "ui/frame_input.h"

struct GLFWwindow;

namespace atelier::platform {

class InputQueue {
 public:
  // Installs the GLFW callbacks on window; positions are converted to framebuffer pixels.
  void Attach(GLFWwindow* window);

  void Push(ui::InputItem item) { m_items.push_back(std::move(item)); }
  // A finger at (x, y) in window coordinates (as X and GLFW give them), as a pointer event in
  // framebuffer pixels stamped now.
  void PushFinger(int pointer, input::PointerEvent::Phase phase, double x, double y);
  void set_now(std::int64_t now_ms) { m_now_ms = now_ms; }

  // The items for one frame (at most one press or release; the rest wait).
  std::vector<ui::InputItem> TakeFrame();
  bool empty() const { return m_items.empty(); }

 private:
  static void OnCursor(GLFWwindow* window, double x, double y);
  static void OnButton(GLFWwindow* window, int button, int action, int mods);
  static void OnChar(GLFWwindow* window, unsigned int code_point);
  static void OnKey(GLFWwindow* window, int key, int scancode, int action, int mods);

  core::ScreenPoint ToPixels(GLFWwindow* window, double x, double y) const;

  std::deque<ui::InputItem> m_items;
  GLFWwindow* m_window = nullptr;
  std::int64_t m_now_ms = 0;
  bool m_mouse_down = false;
};

}  // namespace atelier::platform
