// The map and its gestures: taps and drags of cards turned into commands, cards pulled from the
// deck's tray, where new cards land, and what the renderer draws (View).
#include "ui/board_screen.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/command.h"
#include "core/pile.h"
#include "ui/board_screen_parts.h"
#include "ui/i18n.h"

namespace atelier::ui {

using namespace board_parts;

// ---------------------------------------------------------------------------------------------
// Gestures to commands.

void BoardScreen::Handle(const input::Gesture& gesture) {
  if (m_zoom.Take(gesture)) return;  // a pinch (ui/map_zoom.h)
  if (const auto* tap = std::get_if<input::TapCard>(&gesture)) {
    const core::Card* card = m_session.board().Find(tap->card);
    if (!card) return;
    if (m_panel.Choosing()) {
      m_selected = tap->card;  // moderation: the facilitator chose this card
    } else if (!m_panel.IsOpen() && TapPile(*card)) {
      // a tap on a pile fans it out (board_piles.cpp)
    } else if (m_session.board().voting() && !m_panel.IsOpen()) {
      Submit(core::VoteCard{tap->card});  // a tap is a dot during a vote phase
    } else if (std::string why = LockedReason(); !why.empty()) {
      ShowMessage(why, m_now_ms);
    } else if (std::optional<std::size_t> free = FreeEditorFor(*card)) {
      m_editor_actor[*free] = core::Actor::Kiosk;
      m_editors[*free].OpenExisting(*card, /*left_side=*/*free == 0, m_zoom.zoomed());
      m_typing = *free;
    }
  } else if (const auto* end = std::get_if<input::DragEnded>(&gesture)) {
    if (m_layout.bin.Contains(end->finger.x, end->finger.y)) {
      const core::Card* card = m_session.board().Find(end->card);
      std::string text = card ? card->text : std::string();
      for (CardEditor& editor : m_editors)
        if (editor.IsOpen() && editor.card() == end->card) editor.Close();
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
      // Where it was let go, or the nearest free place to it: it never covers another card.
      drop.add.landing = ButtonsToAvoid();
      drop.add.at = core::ClampToMap(m_zoom.zoomed().ToMap(m_viewport.ToScreen(drop.add.at)));  // the tray is unzoomed
      Submit(drop.add);  // a locked board refuses it, and the message says why
    } else if (drop.what == DeckTray::Drop::What::Tapped) {
      std::string why = LockedReason();
      ShowMessage(why.empty() ? std::string(Tr("Faites glisser la carte jusqu'à sa place sur le tableau.")) : why,
                  m_now_ms);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Where new cards land.

core::MapPoint BoardScreen::SpawnPoint(bool left) const {
  // Just beside the button that made the card, in the quiet band below the zones.
  const core::Rect& button = left ? m_layout.add_left : m_layout.add_right;
  const float gap = 24 * m_config.ui_scale + m_session.board().card_size().w * m_viewport.pixels.w / 2;
  const core::ScreenPoint beside{left ? button.x + button.w + gap : button.x - gap, button.y + button.h / 2};
  return m_viewport.ToMap(beside);
}

core::LandingArea BoardScreen::ButtonsToAvoid() const {
  auto to_map = [&](const core::Rect& r) {
    const core::MapPoint a = m_viewport.ToMap({r.x, r.y}), b = m_viewport.ToMap({r.x + r.w, r.y + r.h});
    return core::Rect{a.x, a.y, b.x - a.x, b.y - a.y};
  };
  core::LandingArea landing;
  for (const core::Rect& r : {m_layout.add_left, m_layout.add_right, m_layout.bin, CornerRect()})
    landing.avoid.push_back(to_map(r));
  if (m_tray.HasDeck()) landing.avoid.push_back(to_map(m_layout.deck));
  if (const core::Rect qr = PhoneQrRect(); qr.w > 0) landing.avoid.push_back(to_map(qr));  // the phones' code
  return landing;
}

core::AddCard BoardScreen::NewCard(std::string text, std::string colour, bool left) const {
  // The landing area: the band under the zones, from the button to the middle of the screen.
  core::LandingArea landing = ButtonsToAvoid();
  const core::Template& tmpl = m_session.board().map_template();
  float top = m_viewport.ToMap({0, (left ? m_layout.add_left : m_layout.add_right).y}).y - 0.02f;
  if (!tmpl.zones.empty()) {
    top = 0;
    for (const core::Zone& z : tmpl.zones) top = std::max(top, z.area.y + z.area.h);
  }
  const core::Rect& button = left ? m_layout.add_left : m_layout.add_right;
  const float middle = m_viewport.ToMap({m_framebuffer_w / 2.0f, 0}).x;
  const float edge = m_viewport.ToMap({left ? button.x + button.w : button.x, 0}).x;
  landing.area = left ? core::Rect{edge, top, middle - edge, 1 - top} : core::Rect{middle, top, edge - middle, 1 - top};
  return core::AddCard{std::move(text), std::move(colour), SpawnPoint(left), std::move(landing)};
}

core::AddCard BoardScreen::PhoneCard(std::string text, std::string colour, const core::Zone* zone) const {
  if (!zone) return NewCard(std::move(text), std::move(colour), /*left=*/false);
  core::LandingArea landing = ButtonsToAvoid();
  landing.area = zone->area;
  const core::MapPoint middle{zone->area.x + zone->area.w / 2, zone->area.y + zone->area.h / 2};
  return core::AddCard{std::move(text), std::move(colour), middle, std::move(landing)};
}

bool BoardScreen::FingerOverBin() const {
  for (const input::HeldCard& held : m_gestures.Held()) {
    auto finger = m_fingers.find(held.pointer);
    if (finger != m_fingers.end() && m_layout.bin.Contains(finger->second.x, finger->second.y)) return true;
  }
  return false;
}
// ---------------------------------------------------------------------------------------------
// What the screen shows of what just happened: glows, glides, the card size easing.

namespace {
constexpr std::int64_t kLandGlowMs = 1600;  // a new card glows where it landed
constexpr std::int64_t kGlideMs = 500;      // "Ranger la carte", piles: cards glide to their places
constexpr float kSizeEaseMs = 120;          // time constant of the card size's easing

float SmoothStep(float f) { return f * f * (3 - 2 * f); }
}  // namespace

void BoardScreen::FollowBoard(std::int64_t now_ms) {
  const core::Board& board = m_session.board();
  if (m_session.events_so_far() != m_seen_events) {
    const bool first = m_seen_events < 0;  // the session as it was opened: nothing "just happened"
    m_seen_events = m_session.events_so_far();
    if (!first && m_session.last_event()) {
      const core::EventData& data = m_session.last_event()->data;
      // The events that move many cards at once glide: an arrangement, a grouping of
      // duplicates into piles, a pile fanned out (and their undo and redo).
      auto many_moves = [](const auto& v) -> const std::vector<core::CardMoved>* {
        if (const auto* e = std::get_if<core::CardsArranged>(&v)) return &e->moves;
        if (const auto* e = std::get_if<core::CardsPiled>(&v)) return &e->moves;
        if (const auto* e = std::get_if<core::PileSpread>(&v)) return &e->moves;
        return nullptr;
      };
      const std::vector<core::CardMoved>* arranged = many_moves(data);
      bool back = false;
      if (const auto* undone = std::get_if<core::ActionUndone>(&data)) {
        arranged = many_moves(undone->what);
        back = true;
      } else if (const auto* redone = std::get_if<core::ActionRedone>(&data)) {
        arranged = many_moves(redone->what);
      }
      if (const auto* added = std::get_if<core::CardAdded>(&data)) m_landed.push_back({added->id, now_ms});
      if (arranged) {
        Glide glide{.start_ms = now_ms, .moves = *arranged};
        if (back)
          for (core::CardMoved& m : glide.moves) std::swap(m.from, m.to);
        std::sort(glide.moves.begin(), glide.moves.end(),
                  [](const core::CardMoved& a, const core::CardMoved& b) { return a.id < b.id; });
        m_glide = std::move(glide);
      } else if (const auto* moved = std::get_if<core::CardMoved>(&data)) {
        // A pile dragged by its top card: the cards under it follow the finger's card.
        const core::Card* dragged = board.Find(moved->id);
        if (dragged && dragged->pile != 0) {
          Glide glide{.start_ms = now_ms, .moves = {}};
          const float dx = moved->to.x - moved->from.x, dy = moved->to.y - moved->from.y;
          for (const core::Card* c : core::PileCards(board, dragged->pile))
            if (c->id != moved->id) glide.moves.push_back({c->id, {c->at.x - dx, c->at.y - dy}, c->at});
          std::sort(glide.moves.begin(), glide.moves.end(),
                    [](const core::CardMoved& a, const core::CardMoved& b) { return a.id < b.id; });
          if (!glide.moves.empty()) m_glide = std::move(glide);
        }
      }
    }
  }

  std::erase_if(m_landed, [&](const Landed& l) { return now_ms - l.at_ms >= kLandGlowMs || !board.Find(l.card); });
  m_glows.clear();
  for (const Landed& l : m_landed) {  // full for a moment, then fading
    const float age = static_cast<float>(now_ms - l.at_ms) / kLandGlowMs;
    m_glows.push_back({l.card, std::clamp(1.6f * (1 - age), 0.0f, 1.0f)});
  }

  m_placed.clear();
  if (m_glide && now_ms - m_glide->start_ms >= kGlideMs) m_glide.reset();
  if (m_glide) {
    const float f = SmoothStep(std::clamp(static_cast<float>(now_ms - m_glide->start_ms) / kGlideMs, 0.0f, 1.0f));
    for (const core::CardMoved& m : m_glide->moves)
      if (const core::Card* card = board.Find(m.id); card && card->at == m.to)  // moved since: where it is
        m_placed.push_back({m.id, {m.from.x + (m.to.x - m.from.x) * f, m.from.y + (m.to.y - m.from.y) * f}});
  }

  const core::CardSize target = board.card_size();
  if (!m_shown_size) {
    m_shown_size = target;
  } else if (!(*m_shown_size == target)) {
    const float k = 1 - std::exp(-static_cast<float>(std::max<std::int64_t>(0, now_ms - m_size_ms)) / kSizeEaseMs);
    core::CardSize& shown = *m_shown_size;
    shown.w += (target.w - shown.w) * k;
    shown.h += (target.h - shown.h) * k;
    if (std::abs(shown.w - target.w) < 2e-4f && std::abs(shown.h - target.h) < 2e-4f) shown = target;
  }
  m_size_ms = now_ms;
}

// ---------------------------------------------------------------------------------------------
// What the renderer draws under the overlay.

render::BoardView BoardScreen::View() const {
  render::BoardView view;
  view.board = &m_session.board();
  m_zoom.Into(view);  // zoomed: the map clipped to its fitted place, the tray unzoomed over it
  view.framebuffer_w = m_framebuffer_w;
  view.framebuffer_h = m_framebuffer_h;
  view.held = m_held;
  view.lang = m_config.lang;
  view.highlighted = m_highlighted;
  view.tray_band = m_tray.Band();
  view.loose = m_loose;
  view.glows = m_glows;
  view.card_size = m_shown_size;
  view.placed = m_placed;
  return view;
}

}  // namespace atelier::ui
