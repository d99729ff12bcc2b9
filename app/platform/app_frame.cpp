#include "platform/app_frame.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <csignal>
#include <cstdio>

#include "render/capture.h"
#include "ui/frame_input.h"

namespace atelier::platform {

namespace {
// A signal handler can only set a flag like this one.
volatile std::sig_atomic_t g_terminate = 0;
void OnTerminate(int) { g_terminate = 1; }
}  // namespace

void StopOnTerminationSignals() {
  std::signal(SIGTERM, OnTerminate);
  std::signal(SIGINT, OnTerminate);
}

bool TerminationRequested() { return g_terminate != 0; }

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void BeginImGuiFrame(core::ScreenPoint mouse_at, bool mouse_down, bool fixed_time) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (fixed_time) io.DeltaTime = kFixedFrameMs / 1000.0f;
  io.MousePos = ImVec2(mouse_at.x, mouse_at.y);
  for (bool& down : io.MouseDown) down = false;
  io.MouseDown[0] = mouse_down;
  ImGui::NewFrame();
}

core::Status PlayDueSteps(input::ScriptPlayer& player, std::int64_t now_ms, input::TargetResolver& targets,
                          InputQueue& queue, ScriptRequests& requests, const std::string& script_path) {
  auto due = player.Due(now_ms, targets);
  if (!due.ok()) return core::Error{script_path + ": " + due.error().message};
  for (input::ScriptAction& action : due.value()) {
    if (auto* p = std::get_if<input::PointerEvent>(&action.what)) queue.Push(*p);
    else if (auto* t = std::get_if<input::TypeText>(&action.what)) queue.Push(ui::TypedText{t->utf8});
    else if (auto* k = std::get_if<input::PressKey>(&action.what)) queue.Push(k->key);
    else if (auto* s = std::get_if<input::TakeScreenshot>(&action.what)) requests.screenshots.push_back(s->path);
    else if (auto* d = std::get_if<input::DumpBoard>(&action.what)) requests.dumps.push_back(d->path);
    else if (std::holds_alternative<input::QuitApp>(action.what)) requests.quit = true;
  }
  return core::Ok{};
}

void SaveScreenshot(int width, int height, const std::string& path) {
  auto written = render::WritePng(render::CaptureFramebuffer(width, height), path);
  if (!written.ok()) std::fprintf(stderr, "atelier: %s\n", written.error().message.c_str());
}

void ShowProblemScreen(Window& window, const std::string& headline, const std::string& reason,
                       const std::string& hint, bool scripted, const std::string& screenshot,
                       bool close_on_touch) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.FontDefault = nullptr;  // it pointed into the atlas just cleared
  ImFontConfig config;
  config.SizePixels = 26;
  io.Fonts->AddFontDefault(&config);
  for (int frame = 0; !window.ShouldClose() && (!scripted || frame < 3); ++frame) {
    scripted ? glfwPollEvents() : glfwWaitEventsTimeout(0.5);
    // A touch reaches GLFW as the left button; wait for the frame after the window appeared.
    if (close_on_touch && frame > 1 && glfwGetMouseButton(window.glfw(), GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) break;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.6f, 0));
    ImGui::Begin("##problem", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextWrapped("%s", headline.c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", reason.c_str());
    if (!hint.empty()) {
      ImGui::Spacing();
      ImGui::TextWrapped("%s", hint.c_str());
    }
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, window.framebuffer_w(), window.framebuffer_h());
    glClearColor(0.97f, 0.96f, 0.94f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!screenshot.empty()) SaveScreenshot(window.framebuffer_w(), window.framebuffer_h(), screenshot);
    window.SwapBuffers();
  }
}

}  // namespace atelier::platform
