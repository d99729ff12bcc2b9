// Sections: routing fingers (HandleInput) · commands and messages · the frame (Draw).
// The other parts of the screen: board_map.cpp (the map: gestures, new cards landing, card size
// and moves on screen, what the renderer draws), board_overlays.cpp (add buttons, deck button,
// bin, toast, message, recording), board_facilitator.cpp (corner mark, PIN pad, panel, phase
// countdown, votes, lock notice, idle invitation).
#include "ui/board_screen.h"

#include <algorithm>
#include <cfloat>
#include "ui/phase_timer.h"

#include "core/command.h"
#include "ui/board_screen_parts.h"
#include "ui/i18n.h"

namespace atelier::ui {

using namespace board_parts;

BoardScreen::BoardScreen(core::Session& session, Fonts fonts, BoardScreenConfig config)
    : m_session(session),
      m_fonts(fonts),
      m_config(std::move(config)),
      m_gestures(input::GestureConfig{.drag_threshold_px = 12 * m_config.ui_scale}),
      m_editors{CardEditor(m_config.keyboard), CardEditor(m_config.keyboard)} {
  m_panel.SetKeyboardLayout(m_config.keyboard);
}

void BoardScreen::ApplySettings(Fonts fonts, BoardScreenConfig config, std::string problem) {
  // Between frames (the fonts may be new ones): everything drawn from the next frame on uses
  // them; open editors and the panel stay as they are.
  m_fonts = fonts;
  m_config = std::move(config);
  m_gestures.set_config(input::GestureConfig{.drag_threshold_px = 12 * m_config.ui_scale});
  for (CardEditor& editor : m_editors) editor.SetKeyboardLayout(m_config.keyboard);
  m_panel.SetKeyboardLayout(m_config.keyboard);
  m_settings_problem = std::move(problem);  // said on the Réglages page (a board message would sit under the panel)
}

// ---------------------------------------------------------------------------------------------
// Routing fingers: a finger that lands on a control belongs to the UI until it lifts (pointer 0
// drives ImGui's mouse); anywhere else it belongs to the board's gestures.

BoardScreen::Layout BoardScreen::ComputeLayout(int fb_w, int fb_h) const {
  float s = m_config.ui_scale;
  float margin = 24 * s;
  float add_w = std::min(460 * s, fb_w * 0.3f), add_h = 100 * s;
  float bin_w = 230 * s, bin_h = 110 * s;
  Layout l;
  l.add_left = {margin, fb_h - margin - add_h, add_w, add_h};
  l.add_right = {fb_w - margin - add_w, fb_h - margin - add_h, add_w, add_h};
  l.bin = {(fb_w - bin_w) / 2, fb_h - margin - bin_h, bin_w, bin_h};
  float toast_w = std::min(760 * s, fb_w - 2 * margin);
  l.toast = {(fb_w - toast_w) / 2, l.bin.y - margin - 110 * s, toast_w, 110 * s};
  float message_w = std::min(1100 * s, fb_w - 2 * margin);
  l.message = {(fb_w - message_w) / 2, margin, message_w, 0};
  if (m_tray.HasDeck()) {
    // "Cartes prêtes" and the bin share the middle; on a narrow screen the bin keeps only its
    // picture so both stay big enough to touch.
    const float free = fb_w - 2 * margin - 2 * add_w - 2 * margin;
    float deck_w = 300 * s;
    if (free < deck_w + margin + bin_w) bin_w = 110 * s;
    deck_w = std::min(deck_w, free - margin - bin_w);
    const float x = (fb_w - deck_w - margin - bin_w) / 2;
    l.deck = {x, fb_h - margin - add_h, deck_w, add_h};
    l.bin = {x + deck_w + margin, fb_h - margin - bin_h, bin_w, bin_h};
  }
  return l;
}

ImGuiMouse BoardScreen::HandleInput(const FrameInput& input) {
  m_now_ms = input.now_ms;
  m_framebuffer_w = input.framebuffer_w;
  m_framebuffer_h = input.framebuffer_h;
  m_viewport = core::Viewport::Fit(static_cast<float>(input.framebuffer_w), static_cast<float>(input.framebuffer_h));
  if (m_panel.IsOpen() || m_pin_pad.IsOpen()) m_zoom.Reset();  // the facilitator sees the whole map
  m_zoom.Follow(m_viewport, m_now_ms);
  if (m_config.decks && m_config.decks->version() != m_deck_version) {  // a new deck, or a new setting
    m_deck_version = m_config.decks->version();
    m_tray.SetDeck(m_config.decks->Cards(), m_config.decks->Mode());
  }
  m_layout = ComputeLayout(input.framebuffer_w, input.framebuffer_h);
  m_tray.Layout(m_viewport, input.framebuffer_w, input.framebuffer_h, m_config.ui_scale, m_session.board());

  ImGuiMouse mouse;
  mouse.at = {-FLT_MAX, -FLT_MAX};
  for (const InputItem& item : input.items) {
    // A physical keyboard types into the editor used last (or the only one open).
    if (!m_editors[m_typing].IsOpen()) m_typing = 1 - m_typing;
    CardEditor& typing = m_editors[m_typing];
    if (const auto* pointer = std::get_if<input::PointerEvent>(&item)) {
      Handle(*pointer, mouse);
    } else if (const auto* text = std::get_if<TypedText>(&item)) {
      if (typing.IsOpen()) typing.Type(text->utf8);
      else if (m_panel.Type(text->utf8)) m_last_touch_ms = m_now_ms;  // renaming a map label
    } else if (const auto* key = std::get_if<KeyPress>(&item)) {
      if (typing.IsOpen()) FinishEditing(m_typing, typing.Key(*key));
      else if (m_panel.Key(*key)) m_last_touch_ms = m_now_ms;
    }
  }
  // The corner mark held long enough: the PIN pad. The finger then belongs to nobody.
  if (m_corner_pointer && m_now_ms - m_corner_down_ms >= m_config.corner_press_ms) {
    m_owners[*m_corner_pointer] = Owner::Swallowed;
    m_corner_pointer.reset();
    if (m_config.pins) {
      for (CardEditor& editor : m_editors) editor.Close();  // the pad takes the whole screen
      m_pin_for_inbox = false;  // the corner opens the panel
      m_pin_pad.OpenToEnter(*m_config.pins);
      m_gestures.CancelAll();
    }
  }
  if (m_panel.IsOpen() && m_now_ms - m_last_touch_ms > m_config.panel_idle_ms) {
    m_panel.Close();  // left open by mistake: a participant must not find it
    m_selected.reset();
  }
  if (m_pin_pad.IsOpen() && m_now_ms - m_last_touch_ms > m_config.panel_idle_ms) m_pin_pad.Close();
  if (m_config.idle_ms > 0 && !m_idle && m_now_ms - m_last_touch_ms > m_config.idle_ms && !editor_open() &&
      !m_panel.IsOpen() && !m_pin_pad.IsOpen() && m_owners.empty())
    m_idle = true;
  for (const input::Gesture& g : m_gestures.Tick(m_now_ms)) Handle(g);
  for (const input::Gesture& g : m_gestures.Sync(m_session.board())) Handle(g);

  // ImGui keeps the finger where it lifted for one frame (so the release lands on the button),
  // then loses it, so no hover look sticks after a touch.
  if (m_ui_pointer) {
    mouse = {.on_ui = true, .at = m_fingers[*m_ui_pointer], .down = true};
  } else if (mouse.on_ui) {
    mouse.down = false;
  }
  return mouse;
}

void BoardScreen::ForgetPointers() {
  m_gestures.CancelAll();
  m_editor_fingers.CancelAll();
  for (CardEditor& editor : m_editors) editor.LetGo();
  m_ui_pointer.reset();
  m_tray.CancelAll();
  m_owners.clear();
  m_fingers.clear();
}

void BoardScreen::Handle(const input::PointerEvent& event, ImGuiMouse& mouse) {
  using Phase = input::PointerEvent::Phase;
  const std::vector<core::Rect> editors{m_editors[0].Panel(), m_editors[1].Panel()};
  std::optional<std::size_t> editor;  // the card editor this finger went down in, if any
  if (event.phase == Phase::Down) {
    m_last_touch_ms = m_now_ms;
    const bool modal = m_pin_pad.IsOpen();
    if (m_idle && !modal) {
      m_idle = false;  // this touch only wakes the board: it does nothing else
      m_owners[event.pointer] = Owner::Swallowed;
    } else if (!modal && !m_panel.IsOpen() && CornerRect().Contains(event.at.x, event.at.y)) {
      m_owners[event.pointer] = Owner::Corner;
      m_corner_pointer = event.pointer;
      m_corner_down_ms = m_now_ms;
    } else if (!modal && m_tray.Press(event.pointer, event.at)) {
      m_owners[event.pointer] = Owner::Tray;
    } else if (!modal && (editor = m_editor_fingers.Route(event, editors))) {
      m_owners[event.pointer] = Owner::Editor;  // its keys, hit-tested by the editor, not ImGui
    } else {
      bool on_ui = modal || m_controls.Covers(event.at);
      bool on_tray = m_tray.Band().Contains(event.at.x, event.at.y);  // between its cards: nothing
      // ImGui has one mouse: the first finger on the controls drives it, whichever finger it
      // is; another one landing on them meanwhile does nothing rather than jump the mouse.
      if (on_ui && !m_ui_pointer) m_ui_pointer = event.pointer;
      m_owners[event.pointer] = on_ui ? (m_ui_pointer == event.pointer ? Owner::Ui : Owner::Swallowed)
                                      : on_tray ? Owner::Swallowed : Owner::Board;
    }
  } else {
    m_last_touch_ms = m_now_ms;
  }
  auto owner = m_owners.find(event.pointer);
  if (owner == m_owners.end()) return;  // a move with no finger down
  m_fingers[event.pointer] = event.at;
  if (owner->second == Owner::Corner || owner->second == Owner::Swallowed) {
    if (event.phase == Phase::Up || event.phase == Phase::Cancel) {
      if (m_corner_pointer == event.pointer) m_corner_pointer.reset();  // lifted too soon: nothing
      m_owners.erase(owner);
      m_fingers.erase(event.pointer);
    }
    return;
  }
  if (owner->second == Owner::Board) {
    for (const input::Gesture& g : m_gestures.Feed(event, m_session.board(), m_zoom.zoomed())) Handle(g);
  } else if (owner->second == Owner::Tray) {
    HandleTray(event);
  } else if (owner->second == Owner::Editor) {
    if (event.phase != Phase::Down) editor = m_editor_fingers.Route(event, editors);
    if (editor && m_editors[*editor].IsOpen()) {
      m_typing = *editor;
      FinishEditing(*editor, m_editors[*editor].Feed(event));
    }
  } else {
    mouse = {.on_ui = true, .at = event.at, .down = event.phase == Phase::Down || event.phase == Phase::Move};
  }
  if (event.phase == Phase::Up || event.phase == Phase::Cancel) {
    if (m_ui_pointer == event.pointer) m_ui_pointer.reset();
    m_owners.erase(owner);
    m_fingers.erase(event.pointer);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands and messages.

void BoardScreen::Submit(const core::Command& command) {
  auto done = m_session.Submit(command);
  if (!done.ok()) ShowMessage(done.error().message, m_now_ms);
}

void BoardScreen::FinishEditing(std::size_t which, CardEditor::Outcome outcome) {
  CardEditor& editor = m_editors[which];
  if (outcome == CardEditor::Outcome::Cancelled) {
    editor.Close();
    if (m_editing_inbox && m_inbox_editor == which) {  // back to the inbox: the card still waits there
      m_editing_inbox.reset();
      m_inbox.Open(std::exchange(m_editor_actor[which], core::Actor::Kiosk));
    }
  } else if (outcome == CardEditor::Outcome::Validated) {
    std::string text = core::SanitizeCardText(editor.text());
    if (text.empty()) {
      ShowMessage(Tr("Écrivez quelques mots sur la carte, ou touchez « Annuler »."), m_now_ms);
      return;
    }
    if (FinishInboxEdit(which, text)) return;  // an inbox card, edited then accepted (board_inbox.cpp)
    const core::Card* card = editor.card() ? m_session.board().Find(*editor.card()) : nullptr;
    bool unchanged = card && card->text == text && card->colour == editor.colour();
    if (!unchanged) {  // validating an untouched card just closes the editor
      core::Result<core::Event> done =
          editor.card() ? m_session.Submit(core::EditCard{*editor.card(), text, editor.colour()}, m_editor_actor[which])
                        : m_session.Submit(NewCard(text, editor.colour(), editor.left_side()), m_editor_actor[which]);
      if (!done.ok()) {
        ShowMessage(done.error().message, m_now_ms);
        return;
      }
    }
    editor.Close();
  }
  if (!editor.IsOpen() && m_editor_actor[which] == core::Actor::Facilitator) {
    m_editor_actor[which] = core::Actor::Kiosk;
    m_panel.Open(/*cards=*/true);  // back to moderation, where the edit was asked
  }
}

std::optional<std::size_t> BoardScreen::FreeEditorFor(const core::Card& card) const {
  for (const CardEditor& editor : m_editors)
    if (editor.IsOpen() && editor.card() == card.id) return std::nullopt;  // someone edits it already
  const std::size_t side = card.at.x < 0.5f ? 0 : 1;
  if (!m_editors[side].IsOpen()) return side;
  if (!m_editors[1 - side].IsOpen()) return 1 - side;
  return std::nullopt;
}

std::string BoardScreen::LockedReason() const {
  // The core's own refusal, so the words are the same wherever a participant meets the lock.
  if (!m_session.board().locked()) return {};
  auto refused = core::Decide(m_session.board(), core::AddCard{"x", std::string(core::kDefaultColour), {0.5f, 0.5f}},
                              {.actor = core::Actor::Kiosk});
  return refused.ok() ? std::string() : refused.error().message;
}

void BoardScreen::ShowMessage(std::string french, std::int64_t now_ms, std::int64_t duration_ms) {
  m_message = Message{std::move(french), now_ms + duration_ms};
}

bool BoardScreen::Animating(std::int64_t now_ms) const {
  const auto& phase = m_session.board().phase();
  return !m_owners.empty() || (m_toast && m_toast->until_ms > now_ms) || (m_message && m_message->until_ms > now_ms) ||
         m_panel.IsOpen() || m_pin_pad.IsOpen() || m_inbox.IsOpen() || (phase && phase->timed() && !phase->paused()) || m_glide ||
         !m_landed.empty() || m_zoom.Animating() || (m_shown_size && !(*m_shown_size == m_session.board().card_size()));
}

// ---------------------------------------------------------------------------------------------
// Drawing the overlay.

void BoardScreen::Draw(std::int64_t now_ms) {
  m_now_ms = now_ms;
  FollowBoard(now_ms);
  m_controls.BeginFrame();
  m_held.clear();
  // A held card keeps the size it was taken at: a card landing meanwhile (another finger, a
  // phone) may step the board's size down, but the card under the finger does not jump.
  const std::vector<input::HeldCard> held = m_gestures.Held();
  std::erase_if(m_grabbed_size, [&](const auto& entry) {
    return std::none_of(held.begin(), held.end(), [&](const input::HeldCard& h) { return h.card == entry.first; });
  });
  for (const input::HeldCard& h : held) {
    const auto [it, fresh] = m_grabbed_size.try_emplace(h.card, m_shown_size.value_or(m_session.board().card_size()));
    m_held.push_back({h.card, h.centre, it->second});
  }

  m_highlighted.clear();
  if (m_panel.Choosing() && m_selected && m_session.board().Find(*m_selected)) m_highlighted.push_back(*m_selected);
  DrawPileBadges();
  if (m_session.board().voting() && !m_panel.IsOpen()) DrawVoteControls();

  float top = 12 * m_config.ui_scale;
  std::optional<core::Rect> countdown;
  if (const auto& phase = m_session.board().phase())
    countdown = DrawPhaseTimer(*phase, m_session.NowMs(), m_fonts, m_config.ui_scale, top);
  float bottom = countdown ? countdown->y + countdown->h + 10 * m_config.ui_scale : top;
  if (m_session.board().locked())
    bottom = std::max(bottom, DrawLockNotice(top, countdown ? &*countdown : nullptr) + 10 * m_config.ui_scale);
  m_message_top = bottom;  // messages go under the countdown and the lock notice, never over them
  if (editor_open() || m_panel.IsOpen() || m_pin_pad.IsOpen()) m_tray.Close();  // they need the room
  if (m_tray.IsOpen()) {
    m_tray.DrawControls(m_controls, m_fonts, m_config.ui_scale);
  } else {
    if (!m_panel.IsOpen() && !m_inbox.IsOpen()) DrawAddButtons(now_ms);  // each beside no open editor
    if (!editor_open() && !m_panel.IsOpen() && m_tray.HasDeck()) DrawDeckButton();
    if (!m_panel.IsOpen()) DrawBin();
  }
  m_loose.clear();
  m_tray.AppendLoose(m_loose);
  DrawToast(now_ms);
  for (std::size_t i = 0; i < m_editors.size(); ++i)  // their keys answer in HandleInput (Feed)
    if (m_editors[i].IsOpen() && !m_pin_pad.IsOpen())
      m_editors[i].Draw(m_controls, EditorScope(i), m_fonts, m_config.ui_scale, m_now_ms);
  DrawPhoneInbox(now_ms);
  DrawPhoneQr();
  if (!m_panel.IsOpen()) {  // while zoomed, under "Enregistré"
    const float s = m_config.ui_scale, w = std::min(400 * s, m_framebuffer_w * 0.3f);
    m_zoom.DrawButton(m_controls, m_fonts, s, {m_framebuffer_w - 24 * s - w, 56 * s, w, 96 * s}, now_ms);
  }
  DrawMessage(now_ms);
  DrawRecording();
  DrawFacilitator(now_ms);
  if (m_idle) DrawIdleInvitation();
}

}  // namespace atelier::ui
