// The participants' screen: the map with its cards (drawn by render/ underneath), the two
// "Ajouter une carte" buttons, the bin with its "Annuler" toast, short messages, and the two card
// editors with their on-screen keyboards (one per side: two people can write at once). It turns fingers into commands for the session; it never
// changes the board itself. Also what the facilitator reaches from it: a 3-second press on the
// discreet mark in the top-left corner (a ring fills while it is held) opens the PIN pad, then
// the facilitator's panel; the phase countdown, the vote controls, the locked-board notice and
// the idle invitation are drawn here too.
//
// Per frame: HandleInput (before ImGui::NewFrame) → Draw (between NewFrame and Render) →
// View (what the renderer draws under the overlay).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/session.h"
#include "input/gesture.h"
#include "render/board_renderer.h"
#include "core/pin_guard.h"
#include "ui/card_editor.h"
#include "ui/controls.h"
#include "ui/deck_library.h"
#include "ui/deck_tray.h"
#include "ui/facilitator_panel.h"
#include "ui/phone_inbox.h"
#include "ui/phones_page.h"
#include "ui/pin_pad.h"
#include "ui/qr_view.h"
#include "ui/frame_input.h"
#include "ui/map_zoom.h"
#include "ui/theme.h"

namespace atelier::ui {

struct BoardScreenConfig {
  float ui_scale = 1;
  std::string lang = "fr";
  input::KeyboardLayout keyboard = input::KeyboardLayout::Azerty;
  std::int64_t idle_ms = 180000;         // quiet time before the invitation; 0: never
  std::int64_t panel_idle_ms = 60000;    // the panel closes itself after this long untouched
  std::int64_t corner_press_ms = 3000;   // the press on the corner mark that opens the PIN pad
  PinKeeper* pins = nullptr;             // the platform's; no keeper: the panel cannot open
  DeckLibrary* decks = nullptr;          // the platform's; no library: no tray
  // For the panel's Réglages page: the size the facilitator chose (none: ui_scale is the
  // screen's own, ui_scale_auto) and the largest that still fits the screen.
  std::optional<float> ui_scale_setting;
  float ui_scale_auto = 1;
  float ui_scale_largest = 4;
  // The phones' inbox (docs/phones.md): phone cards wait in it (phones_moderation = inbox),
  // and whether anyone may open it or only the facilitator, with the PIN.
  bool phones_inbox = false;
  bool phones_inbox_anyone = false;
};

// Where ImGui's single mouse is this frame: the first finger that landed on a control.
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
  // Where the map is drawn now: zoomed in (board_zoom.cpp) or the whole map, fitted.
  core::Viewport viewport() const { return m_zoom.zoomed(); }
  const core::MapView& map_view() const { return m_zoom.view(); }
  bool editor_open() const { return m_editors[0].IsOpen() || m_editors[1].IsOpen(); }
  void ShowMessage(std::string french, std::int64_t now_ms, std::int64_t duration_ms = 6000);
  // A card from a phone (the one function for where it lands, docs/phones.md): at the nearest
  // free place to its zone's middle when the phone chose one, else as from the right-hand button.
  core::AddCard PhoneCard(std::string text, std::string colour, const core::Zone* zone) const;
  bool Animating(std::int64_t now_ms) const;  // something moves or counts down: keep drawing
  // True once after someone touched "Séances" (the platform then shows the sessions screen).
  // Lets go of every finger (another screen takes over until they lift).
  void ForgetPointers();
  bool TakeSessionsRequest() { return std::exchange(m_sessions_requested, false); }
  // True once after the facilitator ended the session / asked to quit to the desktop.
  bool TakeEndRequest() { return std::exchange(m_end_requested, false); }
  bool TakeQuitRequest() { return std::exchange(m_quit_requested, false); }
  // The settings the facilitator asked for on the panel's Réglages page, once. The platform
  // applies and saves them, then calls ApplySettings (between frames: fonts may be rebuilt)
  // with the new fonts and config, and what it could not do (French; empty when all went well).
  std::optional<KioskSettings> TakeSettingsRequest() { return std::exchange(m_settings_requested, std::nullopt); }
  void ApplySettings(Fonts fonts, BoardScreenConfig config, std::string problem);
  void SetTitle(std::string title) { m_title = std::move(title); }
  // The phones' server as the platform runs it (every frame), for the panel's Téléphones page
  // and the QR code in the board's corner; what that page asked, once (the platform does it).
  void SetPhones(PhonesView view) { m_phones = std::move(view); }
  std::optional<PhonesAsk> TakePhonesRequest() { return std::exchange(m_phones_requested, std::nullopt); }
  // The panel's Exporter page: what the platform's export is doing (each frame), and the
  // export the facilitator asked for, once (true: to the USB stick).
  void SetExportView(ExportView view) { m_export_view = std::move(view); }
  std::optional<bool> TakeExportRequest() { return std::exchange(m_export_requested, std::nullopt); }
  bool panel_open() const { return m_panel.IsOpen(); }
  const DeckTray& tray() const { return m_tray; }
  bool pin_pad_open() const { return m_pin_pad.IsOpen(); }
  // phones_moderation = inbox: the platform sends phone cards to the inbox (docs/phones.md).
  bool phones_inbox() const { return m_config.phones_inbox; }
  bool inbox_open() const { return m_inbox.IsOpen(); }

 private:
  struct Layout {
    core::Rect add_left, add_right, bin, toast, message;
    core::Rect deck;  // "Cartes prêtes", between the left add button and the bin
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
  // Who a finger that is down belongs to: the board's gestures, the ImGui controls, the corner
  // mark (the facilitator's long press), the deck's tray (a card pulled out of it), or nobody
  // (the touch that wakes the idle board, a touch on the tray's empty band), or a card editor
  // (it went down in one: m_editor_fingers says which).
  enum class Owner { Board, Ui, Corner, Tray, Editor, Swallowed };

  Layout ComputeLayout(int fb_w, int fb_h) const;
  void Handle(const input::PointerEvent& event, ImGuiMouse& mouse);
  void Handle(const input::Gesture& gesture);
  void Submit(const core::Command& command);
  void DrawAddButtons(std::int64_t now_ms);
  void DrawDeckButton();
  void HandleTray(const input::PointerEvent& event);
  void DrawBin();
  void DrawToast(std::int64_t now_ms);
  void DrawMessage(std::int64_t now_ms);
  void DrawRecording();
  void DrawFacilitator(std::int64_t now_ms);
  void DrawCornerMark(std::int64_t now_ms);
  void DrawVoteControls();
  // Piles of duplicates (board_piles.cpp): the count badges; a tap on a pile fans it out
  // (false: the card is in no pile).
  void DrawPileBadges();
  bool TapPile(const core::Card& card);
  float DrawLockNotice(float top_y, const core::Rect* countdown);  // returns its bottom edge
  void DrawIdleInvitation();
  // The phones' inbox (board_inbox.cpp): its badge, the panel, and what its buttons ask.
  void DrawPhoneInbox(std::int64_t now_ms);
  void OpenInbox();
  void DecideInbox(const InboxChoice& choice);
  bool FinishInboxEdit(std::size_t editor, const std::string& text);  // true: it was an inbox card
  // The phones' QR code and "Ajoutez une carte depuis votre téléphone" (board_phones.cpp): where
  // it stands (empty when not shown), and drawing it.
  core::Rect PhoneQrRect() const;
  void DrawPhoneQr();
  core::Rect CornerRect() const;
  // Why a participant cannot change the board now (locked), or empty.
  std::string LockedReason() const;
  // What a card editor's keys asked (Valider, Annuler); editor: 0 left, 1 right.
  void FinishEditing(std::size_t editor, CardEditor::Outcome outcome);
  // The editor to open for a card tapped (or chosen by the facilitator): the one on the card's
  // side if it is closed, else the other one; none when both are open or one has that card.
  std::optional<std::size_t> FreeEditorFor(const core::Card& card) const;
  static const char* EditorScope(std::size_t editor) { return editor == 0 ? "editor-left" : "editor-right"; }
  core::MapPoint SpawnPoint(bool left) const;
  // A new card from the add button on that side: it lands in the band beside the button
  // (core/landing.h), clear of the screen's buttons.
  core::AddCard NewCard(std::string text, std::string colour, bool left) const;
  core::LandingArea ButtonsToAvoid() const;
  // What the screen shows of what just happened on the board (board_map.cpp): a glow on a card
  // that just landed, the cards of "Ranger la carte" gliding to their places, the card size
  // easing toward the board's. Called once a frame, before drawing.
  void FollowBoard(std::int64_t now_ms);
  bool FingerOverBin() const;

  core::Session& m_session;
  Fonts m_fonts;
  BoardScreenConfig m_config;
  Controls m_controls;
  input::GestureTracker m_gestures;
  std::array<CardEditor, 2> m_editors;  // left, right: two people can write at once
  input::PanelRouter m_editor_fingers;   // which editor each finger went down in
  std::size_t m_typing = 0;              // the editor a physical keyboard types into: the last used
  core::Viewport m_viewport;
  int m_framebuffer_w = 0;
  int m_framebuffer_h = 0;
  Layout m_layout;
  std::int64_t m_now_ms = 0;
  std::map<int, Owner> m_owners;                 // pointers that are down, and who has them
  std::map<int, core::ScreenPoint> m_fingers;    // where each down pointer is
  std::optional<int> m_ui_pointer;               // the finger driving ImGui's mouse, if any
  std::vector<render::HeldCard> m_held;          // cards under fingers, for View()
  std::map<core::CardId, core::CardSize> m_grabbed_size;  // each held card's size when it was taken
  DeckTray m_tray;
  std::uint64_t m_deck_version = ~0ull;          // the library's, when the tray last took its cards
  std::vector<render::LooseCard> m_loose;        // the tray's cards, for View()
  std::optional<Toast> m_toast;
  std::optional<Message> m_message;
  bool m_sessions_requested = false;
  bool m_end_requested = false;
  bool m_quit_requested = false;
  std::optional<KioskSettings> m_settings_requested;
  PhonesView m_phones;
  std::optional<PhonesAsk> m_phones_requested;
  QrCache m_phone_qr;
  std::string m_settings_problem;  // the last settings change that could not be saved
  ExportView m_export_view;
  std::optional<bool> m_export_requested;  // true: to the USB stick
  std::string m_title;
  // Per editor: who edits (the facilitator edits through moderation).
  std::array<core::Actor, 2> m_editor_actor{core::Actor::Kiosk, core::Actor::Kiosk};
  PinPad m_pin_pad;
  core::PinGuard m_pin_guard;
  FacilitatorPanel m_panel;
  PhoneInbox m_inbox;
  bool m_pin_for_inbox = false;                     // the PIN pad opens the inbox, not the panel
  std::optional<core::InboxId> m_editing_inbox;     // the inbox card in an editor, if any
  std::size_t m_inbox_editor = 1;                   // and which editor it is in
  std::optional<core::CardId> m_selected;           // chosen in the panel's Cartes page
  std::vector<core::CardId> m_highlighted;          // for View()
  std::optional<int> m_corner_pointer;
  std::int64_t m_corner_down_ms = 0;
  std::int64_t m_last_touch_ms = 0;
  bool m_idle = false;
  float m_message_top = 0;  // below the phase countdown and the lock notice

  // The map's motion (board_map.cpp).
  struct Landed {
    core::CardId card = 0;
    std::int64_t at_ms = 0;
  };
  struct Glide {  // "Ranger la carte" (or its undo): cards on their way, for kGlideMs
    std::int64_t start_ms = 0;
    std::vector<core::CardMoved> moves;  // sorted by id
  };
  std::int64_t m_seen_events = -1;         // the session's event count FollowBoard last saw
  std::vector<Landed> m_landed;            // cards glowing where they landed
  std::vector<render::Glow> m_glows;       // for View()
  std::optional<Glide> m_glide;
  std::vector<render::HeldCard> m_placed;  // gliding cards where they are now, for View()
  std::optional<core::CardSize> m_shown_size;  // the size drawn, easing toward the board's
  std::int64_t m_size_ms = 0;                  // when m_shown_size was last eased
  // Pinch zoom (ui/map_zoom.h): the map as drawn is m_zoom.zoomed(); m_viewport stays the
  // fitted whole map, for the buttons, the landing of new cards and the tray.
  MapZoom m_zoom;
};

}  // namespace atelier::ui
