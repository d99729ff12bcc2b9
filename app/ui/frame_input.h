// Everything a person (or an input script) did since the last frame, in the order it
// happened. GLFW callbacks and scripted input both end up here: one input path.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "input/input_script.h"
#include "input/pointer.h"

namespace atelier::ui {

// The keys the kiosk listens to, from a physical keyboard or a script.
using KeyPress = input::ScriptKey;

struct TypedText {
  std::string utf8;
};

using InputItem = std::variant<input::PointerEvent, TypedText, KeyPress>;

struct FrameInput {
  std::vector<InputItem> items;
  std::int64_t now_ms = 0;
  int framebuffer_w = 0;
  int framebuffer_h = 0;
};

}  // namespace atelier::ui
