// One pointer event in framebuffer pixels: a mouse button, a finger, or a scripted pointer.
// Contract: pointer 0 is GLFW's mouse / the first touch; scripts may drive ids 0..9 (kMaxPointers).
// A pointer goes Down, Moves, then Up (or Cancel when the system takes the touch away).
// t_ms is on the caller's clock (milliseconds, non-decreasing for a given tracker or recorder).
#pragma once
#include <cstdint>

#include "core/geometry.h"

namespace atelier::input {

inline constexpr int kMaxPointers = 10;  // ids 0 … 9

struct PointerEvent {
  int pointer = 0;
  enum class Phase { Down, Move, Up, Cancel } phase = Phase::Down;
  core::ScreenPoint at;
  std::int64_t t_ms = 0;
  bool operator==(const PointerEvent&) const = default;
};

}  // namespace atelier::input
