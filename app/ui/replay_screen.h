// The replay screen: the board exactly as it was at the playhead (drawn by render/ underneath,
// with the cards that just changed glowing and a moved card's old place shown for a moment),
// a column of big controls on the right (time of day, card count, Lecture/Pause, Précédent,
// Suivant, speeds, "Passer les temps calmes", Actualiser, Fermer) and along the bottom a large
// timeline: elapsed time, ticks for the events coloured by kind, a playhead to drag. It only
// reads the timeline; it never changes a session.
//
// Looks: Screen (the interactive screen), Video (the map alone, glows and trails, a caption with
// the time of day: --frames), Picture (the map alone, nothing else: --at --screenshot).
//
// Per frame: HandleInput (before ImGui::NewFrame) → Advance (real ms since the last frame) →
// Draw (between NewFrame and Render) → View (what the renderer draws under the overlay).
// The app answers TakeRefreshRequest with AddEvents, and TakeCloseRequest by quitting.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "render/board_view.h"
#include "replay/playback_clock.h"
#include "replay/timeline.h"
#include "ui/board_screen.h"  // ImGuiMouse
#include "ui/controls.h"
#include "ui/frame_input.h"
#include "ui/map_zoom.h"
#include "ui/theme.h"

namespace atelier::ui {

// What the screen shows about the session besides its events (from the session file's meta).
struct ReplaySessionInfo {
  std::string title;
  std::int64_t created_ms = 0;  // wall clock at the start, Unix ms
  int utc_offset_minutes = 0;   // local − UTC, for the time of day
};

enum class ReplayLook { Screen, Video, Picture };

struct ReplayScreenConfig {
  float ui_scale = 1;
  std::string lang = "fr";
  ReplayLook look = ReplayLook::Screen;
  std::int64_t glow_ms = 1500;  // how long (real time at the playing speed) a change glows
};

class ReplayScreen {
 public:
  ReplayScreen(replay::Timeline timeline, ReplaySessionInfo info, Fonts fonts, ReplayScreenConfig config);
  ReplayScreen(const ReplayScreen&) = delete;  // m_cursor points at m_timeline
  ReplayScreen& operator=(const ReplayScreen&) = delete;

  ImGuiMouse HandleInput(const FrameInput& input);
  void Advance(double real_ms);
  void Draw(std::int64_t now_ms);
  render::BoardView View() const;

  // "Actualiser" was touched since the last call: read the events recorded since and AddEvents.
  bool TakeRefreshRequest();
  // "Fermer" (or Escape) since the last call.
  bool TakeCloseRequest();
  // Events after the last one shown; says on screen how many came.
  void AddEvents(std::vector<core::Event> events, std::int64_t now_ms);
  void ShowMessage(std::string french, std::int64_t now_ms, std::int64_t duration_ms = 5000);

  replay::PlaybackClock& clock() { return m_clock; }
  const replay::Timeline& timeline() const { return m_timeline; }
  const core::Board& board() const { return m_cursor.board(); }  // at the playhead
  const Controls& controls() const { return m_controls; }
  // Where the map is drawn now: zoomed in by two fingers (ui/map_zoom.h) or whole.
  core::Viewport viewport() const { return m_zoom.zoomed(); }
  const core::MapView& map_view() const { return m_zoom.view(); }
  bool Animating(std::int64_t now_ms) const;  // playing, dragged or showing a message

 private:
  struct Layout {
    core::Rect map, column, strip;
    core::Rect track;       // the timeline bar's touch zone (taller than the bar drawn)
    core::Rect scrub_zone;  // where a finger takes the playhead
  };
  struct Message {
    std::string text;
    std::int64_t until_ms = 0;
  };

  Layout ComputeLayout(int fb_w, int fb_h) const;
  bool Handle(const input::PointerEvent& event, ImGuiMouse& mouse);  // true: it set ImGui's mouse
  void Handle(KeyPress key);
  void ScrubTo(float x);
  void StepTo(std::optional<std::int64_t> t_ms);
  void Settle();  // the board, glows and trails for the playhead as it is now
  void DrawColumn();
  void DrawStrip();
  void DrawTicks(ImDrawList* draw, const core::Rect& bar, float head_x);
  void DrawCaption();
  void DrawMessages(std::int64_t now_ms);
  std::string TimeOfDay(std::int64_t t_ms) const;
  std::string CardCount() const;

  replay::Timeline m_timeline;
  replay::Cursor m_cursor;
  replay::PlaybackClock m_clock;
  ReplaySessionInfo m_info;
  Fonts m_fonts;
  ReplayScreenConfig m_config;
  Controls m_controls;
  core::Viewport m_viewport;
  Layout m_layout;
  int m_framebuffer_w = 0, m_framebuffer_h = 0;
  std::int64_t m_now_ms = 0;

  bool m_ui_finger = false;  // pointer 0 is down on a control (ImGui has it)
  bool m_scrubbing = false;  // pointer 0 holds the playhead
  core::ScreenPoint m_finger;
  bool m_refresh_requested = false, m_close_requested = false;
  std::optional<Message> m_message;

  // Pinch zoom: fingers that went down on the map (not on a control) are the zoom's; the
  // tracker is fed a board with no cards, so any two of them pinch (nobody drags in a replay).
  MapZoom m_zoom;
  input::GestureTracker m_pinches;
  core::Board m_no_cards;
  std::set<int> m_map_fingers;

  std::vector<render::Glow> m_glows;
  std::vector<render::Trail> m_trails;
  // Ticks per pixel column of the bar: the most telling kind of event there (0: none, else
  // 1 + replay::ChangeKind), rebuilt when the bar's width or the timeline changes.
  std::vector<std::uint8_t> m_ticks;
  int m_ticks_width = 0;
  std::size_t m_ticks_events = 0;
};

}  // namespace atelier::ui
