// The sessions screen: the workshops kept on this kiosk, newest first, each with its title,
// date, duration, card count and a small picture of its map; start a new one (title typed on
// the on-screen keyboard, map chosen), rename, open, export, replay. It only draws and asks: the
// platform does the file work and hands back fresh listings.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/board.h"
#include "core/template.h"
#include "core/text_edit.h"
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/onscreen_keyboard.h"
#include "ui/theme.h"

namespace atelier::ui {

struct SessionListing {
  std::string path;
  std::string title;
  std::string started;      // local date and time, as people read it ("26/11/2026 14:05")
  std::int64_t duration_ms = 0;
  std::size_t cards = 0;
  bool ended = false;
  bool current = false;     // the session this kiosk is recording
  core::Board preview;      // the board at its last event (for the picture)
};

// What the screen asks the platform to do.
struct OpenSessionRequest {
  std::string path;
};
struct NewSessionRequest {
  std::string title;
  std::string template_id;
};
struct RenameSessionRequest {
  std::string path;
  std::string title;
};
struct ExportSessionRequest {
  std::string path;
};
struct ReplaySessionRequest {
  std::string path;
};
struct CloseSessionsRequest {};
using SessionsRequest = std::variant<OpenSessionRequest, NewSessionRequest, RenameSessionRequest,
                                     ExportSessionRequest, ReplaySessionRequest, CloseSessionsRequest>;

class SessionsScreen {
 public:
  SessionsScreen(Fonts fonts, float scale, std::string lang, input::KeyboardLayout keyboard);

  void Show(std::vector<SessionListing> sessions, std::vector<core::Template> templates);
  void Hide() { m_open = false; }
  bool IsOpen() const { return m_open; }
  void Say(std::string french) { m_notice = std::move(french); }  // the outcome of the last request

  // A physical keyboard, while a title is being typed.
  void Type(std::string_view utf8);
  void Key(KeyPress key);

  // Draws the whole screen (between NewFrame and Render); a request when someone asked one.
  std::optional<SessionsRequest> Draw(Controls& controls);

 private:
  enum class Step { List, TypeTitle, ChooseTemplate, Rename };

  std::optional<SessionsRequest> DrawList(Controls& controls);
  std::optional<SessionsRequest> DrawTitle(Controls& controls);
  std::optional<SessionsRequest> DrawTemplates(Controls& controls);
  void DrawPreview(const core::Board& board, ImVec2 at, ImVec2 size) const;

  Fonts m_fonts;
  float m_scale;
  std::string m_lang;
  OnScreenKeyboard m_keyboard;
  bool m_open = false;
  Step m_step = Step::List;
  std::vector<SessionListing> m_sessions;
  std::vector<core::Template> m_templates;
  std::size_t m_first = 0;        // first row shown (paging, not scrolling: no fling on touch)
  core::TextEdit m_title;
  std::string m_rename_path;
  std::string m_notice;
  bool m_enter = false;  // Enter on a physical keyboard: validate at the next Draw
};

}  // namespace atelier::ui
