// Pieces of the frame loop that every Atelier screen app shares (the kiosk and the replay):
// starting a Dear ImGui frame with our own pointer state, playing the due steps of an input
// script into the input queue, saving screenshots, and the French "cannot start" screen.
// The replay uses them; kiosk_app.cpp has its own copies of the same code for now (the
// integrator may switch it over). Call on the thread that owns the window's GL context.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/geometry.h"
#include "input/input_script.h"
#include "platform/input_queue.h"
#include "platform/window.h"

namespace atelier::platform {

inline constexpr std::int64_t kFixedFrameMs = 16;  // scripted, video and benchmark runs

// SIGTERM and SIGINT (systemd stopping the kiosk, a test harness, Ctrl+C) end the frame loops
// cleanly so their exit work (screenshot, board dump, frames written) still happens.
void StopOnTerminationSignals();
bool TerminationRequested();

// Milliseconds of the steady clock since start.
double MsSince(std::chrono::steady_clock::time_point start);

// The backends' NewFrame, then ImGui's mouse from pointer 0 as the screen routed it (the GLFW
// backend overwrites it, so it is set after), then ImGui::NewFrame. fixed_time: the frame lasts
// kFixedFrameMs for ImGui too, so scripted runs are deterministic.
void BeginImGuiFrame(core::ScreenPoint mouse_at, bool mouse_down, bool fixed_time);

// What the due script steps asked for besides input (which went into the queue).
struct ScriptRequests {
  std::vector<std::string> screenshots;
  std::vector<std::string> dumps;
  bool quit = false;
};
// Plays the steps due by now_ms: pointer, text and key steps into queue, the rest into
// requests. An error (a target not found …) is returned with the script's path in front.
core::Status PlayDueSteps(input::ScriptPlayer& player, std::int64_t now_ms, input::TargetResolver& targets,
                          InputQueue& queue, ScriptRequests& requests, const std::string& script_path);

// PNG of the current framebuffer; a failure is reported on stderr (never fatal).
void SaveScreenshot(int width, int height, const std::string& path);

// A screen that only says, in French, why the app cannot go on (headline, then the reason,
// then what to do), with ImGui's built-in font (the problem may be the font itself). Shown
// until the window is closed (or, with close_on_touch, touched), or for a few frames when
// `scripted`; a screenshot of it is written when screenshot is not empty.
void ShowProblemScreen(Window& window, const std::string& headline, const std::string& reason,
                       const std::string& hint, bool scripted, const std::string& screenshot,
                       bool close_on_touch = false);

}  // namespace atelier::platform
