// Sections: routing fingers (HandleInput) · gestures to commands · drawing the overlay
// (add buttons, bin, toast, message) · the facilitator (corner mark, PIN pad, panel, phase
// countdown, votes, lock notice, idle invitation) · what the renderer draws (View).
#include "ui/board_screen.h"

#include <algorithm>
#include <cfloat>

#include "core/command.h"
#include "ui/i18n.h"
#include "ui/phase_timer.h"

namespace atelier::ui {

namespace {

constexpr std::int64_t kToastMs = 8000;
constexpr float kPi = 3.14159265f;
constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;

ImVec2 Pos(const core::Rect& r) { return ImVec2(r.x, r.y); }
ImVec2 Size(const core::Rect& r) { return ImVec2(r.w, r.h); }

}  // namespace

BoardScreen::BoardScreen(core::Session& session, Fonts fonts, BoardScreenConfig config)
    : m_session(session),
      m_fonts(fonts),
      m_config(std::move(config)),
      m_gestures(input::GestureConfig{.drag_threshold_px = 12 * m_config.ui_scale}),
      m_editor(m_config.keyboard) {
  m_panel.SetKeyboardLayout(m_config.keyboard);
}

void BoardScreen::ApplySettings(Fonts fonts, BoardScreenConfig config, std::string problem) {
  // Between frames (the fonts may be new ones): everything drawn from the next frame on uses
  // them; open editors and the panel stay as they are.
  m_fonts = fonts;
  m_config = std::move(config);
  m_gestures.set_config(input::GestureConfig{.drag_threshold_px = 12 * m_config.ui_scale});
  m_editor.SetKeyboardLayout(m_config.keyboard);
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
  if (m_config.decks && m_config.decks->version() != m_deck_version) {  // a new deck, or a new setting
    m_deck_version = m_config.decks->version();
    m_tray.SetDeck(m_config.decks->Cards(), m_config.decks->Mode());
  }
  m_layout = ComputeLayout(input.framebuffer_w, input.framebuffer_h);
  m_tray.Layout(m_viewport, input.framebuffer_w, input.framebuffer_h, m_config.ui_scale, m_session.board());

  ImGuiMouse mouse;
  mouse.at = {-FLT_MAX, -FLT_MAX};
  for (const InputItem& item : input.items) {
    if (const auto* pointer = std::get_if<input::PointerEvent>(&item)) {
      Handle(*pointer, mouse);
    } else if (const auto* text = std::get_if<TypedText>(&item)) {
      if (m_editor.IsOpen()) m_editor.Type(text->utf8);
      else if (m_panel.Type(text->utf8)) m_last_touch_ms = m_now_ms;  // renaming a map label
    } else if (const auto* key = std::get_if<KeyPress>(&item)) {
      if (m_editor.IsOpen()) FinishEditing(m_editor.Key(*key));
      else if (m_panel.Key(*key)) m_last_touch_ms = m_now_ms;
    }
  }
  // The corner mark held long enough: the PIN pad. The finger then belongs to nobody.
  if (m_corner_pointer && m_now_ms - m_corner_down_ms >= m_config.corner_press_ms) {
    m_owners[*m_corner_pointer] = Owner::Swallowed;
    m_corner_pointer.reset();
    if (m_config.pins) {
      m_editor.Close();  // the pad takes the whole screen; a half-typed card would be lost anyway
      m_pin_pad.OpenToEnter(*m_config.pins);
      m_gestures.CancelAll();
    }
  }
  if (m_panel.IsOpen() && m_now_ms - m_last_touch_ms > m_config.panel_idle_ms) {
    m_panel.Close();  // left open by mistake: a participant must not find it
    m_selected.reset();
  }
  if (m_pin_pad.IsOpen() && m_now_ms - m_last_touch_ms > m_config.panel_idle_ms) m_pin_pad.Close();
  if (m_config.idle_ms > 0 && !m_idle && m_now_ms - m_last_touch_ms > m_config.idle_ms && !m_editor.IsOpen() &&
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
  m_ui_pointer.reset();
  m_tray.CancelAll();
  m_owners.clear();
  m_fingers.clear();
}

void BoardScreen::Handle(const input::PointerEvent& event, ImGuiMouse& mouse) {
  using Phase = input::PointerEvent::Phase;
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
    for (const input::Gesture& g : m_gestures.Feed(event, m_session.board(), m_viewport)) Handle(g);
  } else if (owner->second == Owner::Tray) {
    HandleTray(event);
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
// Gestures to commands.

void BoardScreen::Handle(const input::Gesture& gesture) {
  if (const auto* tap = std::get_if<input::TapCard>(&gesture)) {
    const core::Card* card = m_session.board().Find(tap->card);
    if (!card) return;
    if (m_panel.Choosing()) {
      m_selected = tap->card;  // moderation: the facilitator chose this card
    } else if (m_session.board().voting() && !m_panel.IsOpen()) {
      Submit(core::VoteCard{tap->card});  // a tap is a dot during a vote phase
    } else if (std::string why = LockedReason(); !why.empty()) {
      ShowMessage(why, m_now_ms);
    } else if (!m_editor.IsOpen()) {
      m_editor_actor = core::Actor::Kiosk;
      m_editor.OpenExisting(*card, m_viewport);
    }
  } else if (const auto* end = std::get_if<input::DragEnded>(&gesture)) {
    if (m_layout.bin.Contains(end->finger.x, end->finger.y)) {
      const core::Card* card = m_session.board().Find(end->card);
      std::string text = card ? card->text : std::string();
      if (m_editor.IsOpen() && m_editor.card() == end->card) m_editor.Close();
      auto done = m_session.Submit(core::DeleteCard{end->card});
      if (done.ok())
        m_toast = Toast{end->card, text, m_now_ms + kToastMs};
      else
        ShowMessage(done.error().message, m_now_ms);
    } else {
      Submit(core::MoveCard{end->card, end->centre});
    }
  }
}

void BoardScreen::HandleTray(const input::PointerEvent& event) {
  using Phase = input::PointerEvent::Phase;
  if (event.phase == Phase::Move) {
    m_tray.Move(event.pointer, event.at);
  } else if (event.phase == Phase::Cancel) {
    m_tray.Cancel(event.pointer);
  } else if (event.phase == Phase::Up) {
    DeckTray::Drop drop = m_tray.Release(event.pointer, event.at);
    if (drop.what == DeckTray::Drop::What::OnMap) {
      Submit(drop.add);  // a locked board refuses it, and the message says why
    } else if (drop.what == DeckTray::Drop::What::Tapped) {
      std::string why = LockedReason();
      ShowMessage(why.empty() ? std::string(Tr("Faites glisser la carte jusqu'à sa place sur le tableau.")) : why,
                  m_now_ms);
    }
  }
}

void BoardScreen::Submit(const core::Command& command) {
  auto done = m_session.Submit(command);
  if (!done.ok()) ShowMessage(done.error().message, m_now_ms);
}

void BoardScreen::FinishEditing(CardEditor::Outcome outcome) {
  if (outcome == CardEditor::Outcome::Cancelled) {
    m_editor.Close();
  } else if (outcome == CardEditor::Outcome::Validated) {
    std::string text = core::SanitizeCardText(m_editor.text());
    if (text.empty()) {
      ShowMessage(Tr("Écrivez quelques mots sur la carte, ou touchez « Annuler »."), m_now_ms);
      return;
    }
    const core::Card* card = m_editor.card() ? m_session.board().Find(*m_editor.card()) : nullptr;
    bool unchanged = card && card->text == text && card->colour == m_editor.colour();
    if (!unchanged) {  // validating an untouched card just closes the editor
      core::Result<core::Event> done =
          m_editor.card() ? m_session.Submit(core::EditCard{*m_editor.card(), text, m_editor.colour()}, m_editor_actor)
                          : m_session.Submit(core::AddCard{text, m_editor.colour(), m_editor.spawn()}, m_editor_actor);
      if (!done.ok()) {
        ShowMessage(done.error().message, m_now_ms);
        return;
      }
    }
    m_editor.Close();
  }
  if (!m_editor.IsOpen() && m_editor_actor == core::Actor::Facilitator) {
    m_editor_actor = core::Actor::Kiosk;
    m_panel.Open(/*cards=*/true);  // back to moderation, where the edit was asked
  }
}

std::string BoardScreen::LockedReason() const {
  // The core's own refusal, so the words are the same wherever a participant meets the lock.
  if (!m_session.board().locked()) return {};
  auto refused = core::Decide(m_session.board(), core::AddCard{"x", std::string(core::kDefaultColour), {0.5f, 0.5f}},
                              {.actor = core::Actor::Kiosk});
  return refused.ok() ? std::string() : refused.error().message;
}

core::MapPoint BoardScreen::PhoneCardLanding(const core::Zone* zone) const {
  if (!zone) return SpawnPoint(/*left=*/false);
  core::MapPoint at{zone->area.x + zone->area.w / 2, zone->area.y + zone->area.h / 2};
  int crowd = 0;  // each new one a little lower and to the right, so none hides another
  for (const auto& [id, card] : m_session.board().cards())
    if (std::abs(card.at.x - at.x) < 0.1f && std::abs(card.at.y - at.y) < 0.1f) ++crowd;
  at.x += 0.015f * static_cast<float>(crowd % 5);
  at.y += 0.02f * static_cast<float>(crowd % 4);
  return at;
}

core::MapPoint BoardScreen::SpawnPoint(bool left) const {
  // New cards wait in the quiet band at the bottom, just beside the button that made them,
  // until someone drags them to their place; each new one is offset so none hides another.
  const core::Rect& button = left ? m_layout.add_left : m_layout.add_right;
  float gap = 24 * m_config.ui_scale + core::kCardWidth * m_viewport.pixels.w / 2;
  core::ScreenPoint beside{left ? button.x + button.w + gap : button.x - gap, button.y + button.h / 2};
  core::MapPoint spawn = m_viewport.ToMap(beside);
  spawn.y = std::min(spawn.y, 1.0f - core::kCardHeight / 2);
  int crowd = 0;
  for (const auto& [id, card] : m_session.board().cards())
    if (std::abs(card.at.x - spawn.x) < 0.1f && std::abs(card.at.y - spawn.y) < 0.03f) ++crowd;
  spawn.x += (left ? 1 : -1) * 0.02f * static_cast<float>(crowd % 5);
  return spawn;
}

void BoardScreen::ShowMessage(std::string french, std::int64_t now_ms, std::int64_t duration_ms) {
  m_message = Message{std::move(french), now_ms + duration_ms};
}

bool BoardScreen::Animating(std::int64_t now_ms) const {
  const auto& phase = m_session.board().phase();
  return !m_owners.empty() || (m_toast && m_toast->until_ms > now_ms) || (m_message && m_message->until_ms > now_ms) ||
         m_panel.IsOpen() || m_pin_pad.IsOpen() || (phase && phase->timed() && !phase->paused());
}

bool BoardScreen::FingerOverBin() const {
  for (const input::HeldCard& held : m_gestures.Held()) {
    auto finger = m_fingers.find(held.pointer);
    if (finger != m_fingers.end() && m_layout.bin.Contains(finger->second.x, finger->second.y)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Drawing the overlay.

void BoardScreen::Draw(std::int64_t now_ms) {
  m_now_ms = now_ms;
  m_controls.BeginFrame();
  m_held.clear();
  for (const input::HeldCard& h : m_gestures.Held()) m_held.push_back({h.card, h.centre});

  m_highlighted.clear();
  if (m_panel.Choosing() && m_selected && m_session.board().Find(*m_selected)) m_highlighted.push_back(*m_selected);
  if (m_session.board().voting() && !m_panel.IsOpen()) DrawVoteControls();

  float top = 12 * m_config.ui_scale;
  std::optional<core::Rect> countdown;
  if (const auto& phase = m_session.board().phase())
    countdown = DrawPhaseTimer(*phase, m_session.NowMs(), m_fonts, m_config.ui_scale, top);
  float bottom = countdown ? countdown->y + countdown->h + 10 * m_config.ui_scale : top;
  if (m_session.board().locked())
    bottom = std::max(bottom, DrawLockNotice(top, countdown ? &*countdown : nullptr) + 10 * m_config.ui_scale);
  m_message_top = bottom;  // messages go under the countdown and the lock notice, never over them
  if (m_editor.IsOpen() || m_panel.IsOpen() || m_pin_pad.IsOpen()) m_tray.Close();  // they need the room
  if (m_tray.IsOpen()) {
    m_tray.DrawControls(m_controls, m_fonts, m_config.ui_scale);
  } else {
    if (!m_editor.IsOpen() && !m_panel.IsOpen()) DrawAddButtons(now_ms);
    if (!m_editor.IsOpen() && !m_panel.IsOpen() && m_tray.HasDeck()) DrawDeckButton();
    if (!m_panel.IsOpen()) DrawBin();
  }
  m_loose.clear();
  m_tray.AppendLoose(m_loose);
  DrawToast(now_ms);
  if (m_editor.IsOpen() && !m_pin_pad.IsOpen())
    FinishEditing(m_editor.Draw(m_controls, m_fonts, m_config.ui_scale, m_now_ms));
  DrawMessage(now_ms);
  DrawRecording();
  DrawFacilitator(now_ms);
  if (m_idle) DrawIdleInvitation();
}

// ---------------------------------------------------------------------------------------------
// The facilitator: corner mark, PIN pad, panel; and what everyone sees of the phases and the lock.

core::Rect BoardScreen::CornerRect() const {
  const float side = 110 * m_config.ui_scale;  // big enough for a thumb, in a corner nobody works in
  return {0, 0, side, side};
}

void BoardScreen::DrawCornerMark(std::int64_t now_ms) {
  // Discreet: a small grey ring. While pressed, a ring fills clockwise over the 3 seconds, so
  // the facilitator knows to hold on (and a curious finger sees that nothing happens quickly).
  const float s = m_config.ui_scale;
  const core::Rect r = CornerRect();
  const ImVec2 c(r.x + 34 * s, r.y + 34 * s);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddCircle(c, 12 * s, IM_COL32(0x8a, 0x85, 0x7a, 0x90), 0, 2 * s);
  m_controls.Record("Accès animation", r);  // for input scripts; nothing written on screen
  if (!m_corner_pointer) return;
  const float f = std::clamp(static_cast<float>(now_ms - m_corner_down_ms) / m_config.corner_press_ms, 0.0f, 1.0f);
  const float radius = 26 * s, start = -kPi / 2;
  draw->AddCircleFilled(c, radius + 6 * s, IM_COL32(0xfb, 0xfa, 0xf7, 0xe0));
  draw->PathArcTo(c, radius, start, start + f * 2 * kPi, 48);
  draw->PathStroke(colours::kAccent, 0, 7 * s);
}

void BoardScreen::DrawFacilitator(std::int64_t now_ms) {
  if (!m_pin_pad.IsOpen() && !m_panel.IsOpen()) DrawCornerMark(now_ms);
  if (m_panel.IsOpen() && !m_pin_pad.IsOpen()) {
    std::string said;
    const PanelInfo info{
        .title = m_title,
        .selected = m_selected,
        .decks = m_config.decks,
        .lang = m_config.lang,
        .settings = {.now = {.lang = m_config.lang,
                             .keyboard = m_config.keyboard,
                             .idle_delay_s = static_cast<int>(m_config.idle_ms / 1000),
                             .ui_scale = m_config.ui_scale_setting},
                     .scale_auto = m_config.ui_scale_auto,
                     .scale_largest = m_config.ui_scale_largest,
                     .problem = m_settings_problem}};
    PanelRequest request = m_panel.Draw(m_controls, m_fonts, m_config.ui_scale, m_session, info, said);
    if (!said.empty()) ShowMessage(said, now_ms);
    switch (request) {
      case PanelRequest::None: break;
      case PanelRequest::Close: m_selected.reset(); break;
      case PanelRequest::Sessions:
        m_panel.Close();
        m_sessions_requested = true;
        break;
      case PanelRequest::EndSession:
        m_panel.Close();
        m_end_requested = true;
        break;
      case PanelRequest::Quit: m_quit_requested = true; break;
      case PanelRequest::ChangePin: m_pin_pad.OpenToChange(); break;
      case PanelRequest::Settings: m_settings_requested = m_panel.settings(); break;
      case PanelRequest::EditSelected:
        if (const core::Card* card = m_selected ? m_session.board().Find(*m_selected) : nullptr) {
          m_panel.Close();
          m_editor_actor = core::Actor::Facilitator;
          m_editor.OpenExisting(*card, m_viewport);
        }
        break;
    }
  }
  if (m_pin_pad.IsOpen() && m_config.pins) {
    const bool changing = m_panel.IsOpen();
    if (m_pin_pad.Draw(m_controls, m_fonts, m_config.ui_scale, now_ms, *m_config.pins, m_pin_guard) ==
        PinPad::Outcome::Granted) {
      if (changing) ShowMessage(Tr("Nouveau code enregistré."), now_ms);
      else m_panel.Open();
    }
  }
}

void BoardScreen::DrawVoteControls() {
  // On every card, a round "+" at its bottom-right corner: the sign that a touch adds a dot.
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float s = m_config.ui_scale;
  for (const core::Card* card : m_session.board().InDrawOrder()) {
    const core::Rect b = card->Bounds();
    const core::ScreenPoint corner = m_viewport.ToScreen({b.x + b.w, b.y + b.h});
    const ImVec2 c(corner.x - 6 * s, corner.y - 6 * s);
    const float r = 20 * s;
    draw->AddCircleFilled(c, r, IM_COL32_WHITE);
    draw->AddCircle(c, r, colours::kAccent, 0, 3 * s);
    draw->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x + r * 0.5f, c.y), colours::kAccent, 4 * s);
    draw->AddLine(ImVec2(c.x, c.y - r * 0.5f), ImVec2(c.x, c.y + r * 0.5f), colours::kAccent, 4 * s);
  }
}

float BoardScreen::DrawLockNotice(float top_y, const core::Rect* countdown) {
  // Top right, in the band above the zones, just left of the recording dot: the template's title
  // is top left and the phase countdown top centre, so the notice covers neither. Beside a wide
  // countdown the sentence takes two lines; only a screen too narrow even for that puts it under
  // the countdown.
  const float s = m_config.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  const char* text = Tr("Tableau verrouillé : on regarde ensemble");
  ImFont* font = m_fonts.body;
  const float pad = 20 * s, icon = 40 * s, gap = 16 * s;
  const char* recorded = Tr("Enregistré");  // DrawRecording's word and dot, 24 px from the right edge
  const float right = io.DisplaySize.x - 24 * s -
                      m_fonts.small->CalcTextSizeA(m_fonts.small->FontSize, FLT_MAX, 0, recorded).x - 23 * s - gap;
  const float left_limit = countdown ? countdown->x + countdown->w + gap : 0;
  const ImVec2 line = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
  float wrap = 0;  // one line
  ImVec2 size = line;
  if (right - (line.x + 2 * pad + icon) < left_limit) {
    wrap = line.x * 0.55f;
    size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text);
  }
  ImVec2 a(right - (size.x + 2 * pad + icon), top_y);
  if (a.x < left_limit) {  // no room beside the countdown: under it, on one line
    wrap = 0;
    size = line;
    a = ImVec2((io.DisplaySize.x - (line.x + 2 * pad + icon)) / 2, countdown->y + countdown->h + 10 * s);
  }
  const ImVec2 b(a.x + size.x + 2 * pad + icon, a.y + size.y + 20 * s);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(a, b, IM_COL32(0x2b, 0x30, 0x38, 0xe8), std::min(b.y - a.y, line.y + 20 * s) / 2);
  // A small padlock: shackle and body.
  const ImVec2 lock(a.x + pad + 12 * s, (a.y + b.y) / 2 + 4 * s);
  draw->AddCircle(ImVec2(lock.x, lock.y - 8 * s), 8 * s, IM_COL32_WHITE, 0, 3 * s);
  draw->AddRectFilled(ImVec2(lock.x - 12 * s, lock.y - 6 * s), ImVec2(lock.x + 12 * s, lock.y + 12 * s),
                      IM_COL32_WHITE, 3 * s);
  draw->AddText(font, font->FontSize, ImVec2(a.x + pad + icon, a.y + 10 * s), IM_COL32_WHITE, text, nullptr, wrap);
  return b.y;
}

void BoardScreen::DrawIdleInvitation() {
  // Soft: the board stays visible behind a light veil; one sentence, large, in the middle.
  const ImGuiIO& io = ImGui::GetIO();
  const float s = m_config.ui_scale;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0xfb, 0xfa, 0xf7, 0x90));
  const char* text = Tr("Touchez l'écran pour ajouter votre carte");
  ImFont* font = m_fonts.large;
  const float size_px = font->FontSize * 1.4f;
  const ImVec2 size = font->CalcTextSizeA(size_px, FLT_MAX, 0, text);
  const ImVec2 a((io.DisplaySize.x - size.x) / 2 - 48 * s, io.DisplaySize.y / 2 - size.y / 2 - 36 * s);
  const ImVec2 b(a.x + size.x + 96 * s, a.y + size.y + 72 * s);
  draw->AddRectFilled(ImVec2(a.x + 3 * s, a.y + 6 * s), ImVec2(b.x + 3 * s, b.y + 6 * s), IM_COL32(0, 0, 0, 0x30), 28 * s);
  draw->AddRectFilled(a, b, colours::kAccent, 28 * s);
  draw->AddText(font, size_px, ImVec2(a.x + 48 * s, a.y + 36 * s), IM_COL32_WHITE, text);
  m_controls.Record(text, {a.x, a.y, b.x - a.x, b.y - a.y});
}

void BoardScreen::DrawRecording() {
  // A discreet dot while every event reaches the disk; a red banner that says what to do when
  // it does not (the cards stay in memory and are written once the disk is back).
  const core::Journal& journal = m_session.journal();
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  float s = m_config.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  if (journal.healthy()) {
    const char* word = Tr("Enregistré");
    ImFont* font = m_fonts.small;
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, word);
    ImVec2 at(io.DisplaySize.x - 24 * s - size.x, 14 * s);
    draw->AddCircleFilled(ImVec2(at.x - 16 * s, at.y + size.y / 2), 7 * s, colours::kOk);
    draw->AddText(font, font->FontSize, at, colours::kInkSoft, word);
    m_controls.Record(word, {at.x - 24 * s, at.y, size.x + 24 * s, size.y});
    return;
  }
  std::string text = journal.problem();
  if (text.empty()) text = Tr("L'enregistrement ne fonctionne pas.");
  float w = std::min(900 * s, io.DisplaySize.x - 48 * s);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 24 * s - w, 140 * s));  // under the top-right button
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, colours::kDanger);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  ImGui::Begin("##recording", nullptr, kOverlay | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(m_fonts.body);
  ImGui::PushTextWrapPos(w - 2 * ImGui::GetStyle().WindowPadding.x);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  m_controls.CoverCurrentWindow();
  m_controls.Record(Tr("Enregistrement impossible"), {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y,
                                                      ImGui::GetWindowSize().x, ImGui::GetWindowSize().y});
  ImGui::End();
  ImGui::PopStyleColor(2);
}

void BoardScreen::DrawAddButtons(std::int64_t) {
  int index = 0;
  for (const core::Rect& r : {m_layout.add_left, m_layout.add_right}) {
    bool left = index++ == 0;
    ImGui::SetNextWindowPos(Pos(r));
    ImGui::SetNextWindowSize(Size(r));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::SetNextWindowBgAlpha(0);
    ImGui::Begin(left ? "##add_left" : "##add_right", nullptr, kOverlay);
    std::string label = std::string(Tr("Ajouter une carte")) + (left ? "##left" : "##right");
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.75f, 0.5f));  // clear of the plus
    if (m_controls.Button(label.c_str(), Size(r), ButtonLook::Primary, m_fonts.large))
    {
      if (std::string why = LockedReason(); !why.empty()) {
        ShowMessage(why, m_now_ms);  // locked: say why rather than open an editor that cannot save
      } else {
        m_editor_actor = core::Actor::Kiosk;
        m_editor.OpenNew(SpawnPoint(left), left, m_viewport);
      }
    }
    ImGui::PopStyleVar();
    // A big plus in a ring, left of the words: the sign people know for "add".
    float s = m_config.ui_scale, radius = 26 * s;
    ImVec2 c(r.x + 24 * s + radius, r.y + r.h / 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircle(c, radius, IM_COL32_WHITE, 0, 3 * s);
    draw->AddLine(ImVec2(c.x - radius * 0.5f, c.y), ImVec2(c.x + radius * 0.5f, c.y), IM_COL32_WHITE, 4 * s);
    draw->AddLine(ImVec2(c.x, c.y - radius * 0.5f), ImVec2(c.x, c.y + radius * 0.5f), IM_COL32_WHITE, 4 * s);
    ImGui::End();
    ImGui::PopStyleVar(2);
  }
}

void BoardScreen::DrawDeckButton() {
  const core::Rect& r = m_layout.deck;
  ImGui::SetNextWindowPos(Pos(r));
  ImGui::SetNextWindowSize(Size(r));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::SetNextWindowBgAlpha(0);
  ImGui::Begin("##deck_button", nullptr, kOverlay);
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.9f, 0.5f));  // clear of the little stack
  if (m_controls.Button(Tr("Cartes prêtes"), Size(r), ButtonLook::Plain, m_fonts.body)) {
    m_tray.Open();  // laid out now, so this very frame already shows its cards
    m_tray.Layout(m_viewport, m_framebuffer_w, m_framebuffer_h, m_config.ui_scale, m_session.board());
  }
  ImGui::PopStyleVar();
  // A little fanned stack of cards, left of the words.
  const float s = m_config.ui_scale;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 papers[] = {ToImU32(core::kPalette[2].paper), ToImU32(core::kPalette[1].paper), ToImU32(core::kPalette[0].paper)};
  for (int i = 0; i < 3; ++i) {
    const ImVec2 a(r.x + (22 + 9 * i) * s, r.y + r.h / 2 - (26 - 5 * i) * s);
    draw->AddRectFilled(a, ImVec2(a.x + 38 * s, a.y + 40 * s), papers[i], 4 * s);
    draw->AddRect(a, ImVec2(a.x + 38 * s, a.y + 40 * s), colours::kPanelBorder, 4 * s, 0, 1.5f * s);
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void BoardScreen::DrawBin() {
  const core::Rect& r = m_layout.bin;
  bool armed = FingerOverBin();
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  float s = m_config.ui_scale;
  ImU32 fill = armed ? colours::kDanger : IM_COL32(0xee, 0xec, 0xe6, 0xf0);
  ImU32 ink = armed ? IM_COL32_WHITE : colours::kInkSoft;
  draw->AddRectFilled(Pos(r), ImVec2(r.x + r.w, r.y + r.h), fill, 20 * s);
  draw->AddRect(Pos(r), ImVec2(r.x + r.w, r.y + r.h), armed ? colours::kDanger : colours::kPanelBorder, 20 * s, 0,
                3 * s);
  // A simple bin: lid, body and three slats, left of the word.
  float cx = r.x + 52 * s, top = r.y + 26 * s;
  draw->AddRectFilled(ImVec2(cx - 24 * s, top), ImVec2(cx + 24 * s, top + 7 * s), ink, 3 * s);
  draw->AddRectFilled(ImVec2(cx - 8 * s, top - 6 * s), ImVec2(cx + 8 * s, top), ink, 2 * s);
  draw->AddRect(ImVec2(cx - 19 * s, top + 11 * s), ImVec2(cx + 19 * s, top + 60 * s), ink, 5 * s, 0, 4 * s);
  for (float dx : {-8.0f, 0.0f, 8.0f})
    draw->AddLine(ImVec2(cx + dx * s, top + 20 * s), ImVec2(cx + dx * s, top + 51 * s), ink, 3 * s);
  const char* word = armed ? Tr("Lâcher ici") : Tr("Corbeille");
  ImFont* font = m_fonts.body;
  ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, word);
  float text_x = r.x + 92 * s;
  if (r.w > 200 * s)  // the compact bin beside "Cartes prêtes" is its picture alone
    draw->AddText(font, font->FontSize, ImVec2(text_x, r.y + (r.h - size.y) / 2), ink, word);
  m_controls.Record(Tr("Corbeille"), r);
}

void BoardScreen::DrawToast(std::int64_t now_ms) {
  if (!m_toast) return;
  if (now_ms >= m_toast->until_ms || !m_session.board().FindBinned(m_toast->card)) {
    m_toast.reset();
    return;
  }
  const core::Rect& r = m_layout.toast;
  float s = m_config.ui_scale;
  ImGui::SetNextWindowPos(Pos(r));
  ImGui::SetNextWindowSize(Size(r));
  ImGui::Begin("##toast", nullptr, kOverlay);
  m_controls.CoverCurrentWindow();
  float button_w = 220 * s;
  ImGui::PushFont(m_fonts.body);
  ImGui::SetCursorPosY((r.h - ImGui::GetTextLineHeight()) / 2 - 4 * s);
  std::string what = core::TruncateChars(m_toast->text, 24);
  if (what.size() < m_toast->text.size()) what += "…";
  std::string line = std::string(Tr("Carte supprimée")) + " : « " + what + " »";
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                      ImVec2(r.x + r.w - button_w - 30 * s, r.y + r.h), true);
  ImGui::TextUnformatted(line.c_str());
  ImGui::PopClipRect();
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(r.w - button_w - 18 * s, 14 * s));
  if (m_controls.Button(Tr("Annuler"), ImVec2(button_w, r.h - 28 * s - 8 * s), ButtonLook::Primary, m_fonts.large)) {
    Submit(core::RestoreCard{m_toast->card});
    m_toast.reset();
  }
  if (m_toast) {  // time left, as a bar that shrinks
    float left = static_cast<float>(m_toast->until_ms - now_ms) / kToastMs;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x + 18 * s, r.y + r.h - 10 * s),
                                              ImVec2(r.x + 18 * s + (r.w - 36 * s) * left, r.y + r.h - 5 * s),
                                              colours::kAccent, 3 * s);
  }
  ImGui::End();
}

void BoardScreen::DrawMessage(std::int64_t now_ms) {
  if (!m_message || now_ms >= m_message->until_ms) {
    m_message.reset();
    return;
  }
  const core::Rect& r = m_layout.message;
  ImGui::SetNextWindowPos(ImVec2(r.x + r.w / 2, std::max(r.y, m_message_top)), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(r.w, FLT_MAX));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0xff, 0xf4, 0xc2, 0xff));
  ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(0xc9, 0x8a, 0x00, 0xff));
  ImGui::Begin("##message", nullptr, kOverlay | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(m_fonts.body);
  ImGui::PushTextWrapPos(r.w - ImGui::GetStyle().WindowPadding.x * 2);
  ImGui::TextUnformatted(m_message->text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  m_controls.CoverCurrentWindow();
  ImGui::End();
  ImGui::PopStyleColor(2);
}

// ---------------------------------------------------------------------------------------------
// What the renderer draws under the overlay.

render::BoardView BoardScreen::View() const {
  render::BoardView view;
  view.board = &m_session.board();
  view.viewport = m_viewport;
  view.framebuffer_w = m_framebuffer_w;
  view.framebuffer_h = m_framebuffer_h;
  view.held = m_held;
  view.lang = m_config.lang;
  view.highlighted = m_highlighted;
  view.tray_band = m_tray.Band();
  view.loose = m_loose;
  return view;
}

}  // namespace atelier::ui
