// The participants' screen: the map with its cards (drawn by render/ underneath), the two
// "Ajouter une carte" buttons, the bin with its "Annuler" toast, short messages, and the card
// editor with its on-screen keyboard. It turns fingers into commands for the session; it never
// changes the board itself.
//
// Per frame: HandleInput (before ImGui::NewFrame) → Draw (between NewFrame and Render) →
// View (what the renderer draws under the overlay).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/session.h"
#include "input/gesture.h"
#include "render/board_renderer.h"
#include "ui/card_editor.h"
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/theme.h"

namespace atelier::ui {

struct BoardScreenConfig {
  float ui_scale = 1;
  std::string lang = "fr";
  input::KeyboardLayout keyboard = input::KeyboardLayout::Azerty;
};

// Where ImGui's single mouse is this frame: the finger of pointer 0 when it is on a control.
struct ImGuiMouse {
  bool on_ui = false;
  core::ScreenPoint at;
  bool down = false;
};

class BoardScreen {
 public:
  BoardScreen(core::Session& session, Fonts fonts, BoardScreenConfig config);

  ImGuiMouse HandleInput(const FrameInput& input);
  void Draw(std::int64_t now_ms);
  render::BoardView View() const;

  const Controls& controls() const { return m_controls; }
  core::Viewport viewport() const { return m_viewport; }
  bool editor_open() const { return m_editor.IsOpen(); }
  void ShowMessage(std::string french, std::int64_t now_ms, std::int64_t duration_ms = 6000);
  bool Animating(std::int64_t now_ms) const;  // something moves or counts down: keep drawing
  // True once after someone touched "Séances" (the platform then shows the sessions screen).
  // Lets go of every finger (another screen takes over until they lift).
  void ForgetPointers();
  bool TakeSessionsRequest() { return std::exchange(m_sessions_requested, false); }

 private:
  struct Layout {
    core::Rect add_left, add_right, bin, toast, message;
  };
  struct Toast {
    core::CardId card = 0;
    std::string text;
    std::int64_t until_ms = 0;
  };
  struct Message {
    std::string text;
    std::int64_t until_ms = 0;
  };
  enum class Owner { Board, Ui };

  Layout ComputeLayout(int fb_w, int fb_h) const;
  void Handle(const input::PointerEvent& event, ImGuiMouse& mouse);
  void Handle(const input::Gesture& gesture);
  void Submit(const core::Command& command);
  void DrawAddButtons(std::int64_t now_ms);
  void DrawBin();
  void DrawToast(std::int64_t now_ms);
  void DrawMessage(std::int64_t now_ms);
  void DrawRecording();
  void DrawSessionsButton();
  void FinishEditing(CardEditor::Outcome outcome);
  core::MapPoint SpawnPoint(bool left) const;
  bool FingerOverBin() const;

  core::Session& m_session;
  Fonts m_fonts;
  BoardScreenConfig m_config;
  Controls m_controls;
  input::GestureTracker m_gestures;
  CardEditor m_editor;
  core::Viewport m_viewport;
  int m_framebuffer_w = 0;
  int m_framebuffer_h = 0;
  Layout m_layout;
  std::int64_t m_now_ms = 0;
  std::map<int, Owner> m_owners;                 // pointers that are down, and who has them
  std::map<int, core::ScreenPoint> m_fingers;    // where each down pointer is
  std::vector<render::HeldCard> m_held;          // cards under fingers, for View()
  std::optional<Toast> m_toast;
  std::optional<Message> m_message;
  bool m_sessions_requested = false;
};

}  // namespace atelier::ui
