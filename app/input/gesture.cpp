#include "input/gesture.h"

#include <algorithm>
#include <cmath>

namespace atelier::input {

namespace {

core::MapPoint Add(core::MapPoint a, core::MapPoint b) { return {a.x + b.x, a.y + b.y}; }

core::Rect BoundsAt(core::MapPoint centre, const core::Board& board) {
  return core::CardRectAt(centre, board.card_size());
}

float Distance(core::ScreenPoint a, core::ScreenPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

GestureTracker::Press* GestureTracker::Find(int pointer) {
  for (Press& p : m_presses)
    if (p.pointer == pointer) return &p;
  return nullptr;
}

const GestureTracker::Press* GestureTracker::Find(int pointer) const {
  for (const Press& p : m_presses)
    if (p.pointer == pointer) return &p;
  return nullptr;
}

bool GestureTracker::IsDown(int pointer) const { return Find(pointer) != nullptr; }

bool GestureTracker::HeldByOther(core::CardId card, int pointer) const {
  for (const Press& p : m_presses)
    if (p.pointer != pointer && p.state != State::Ignored && p.card == card) return true;
  return false;
}

std::optional<core::CardId> GestureTracker::CardUnder(core::MapPoint at, const core::Board& board, int pointer,
                                                      bool& held) const {
  held = false;
  // Cards being dragged are drawn at their finger, above everything else.
  bool any_dragged = false;
  for (const Press& p : m_presses) {
    if (p.state != State::Dragging) continue;
    any_dragged = true;
    if (p.pointer != pointer && BoundsAt(p.centre, board).Contains(at.x, at.y)) {
      held = true;
      return p.card;
    }
  }
  std::optional<core::CardId> found;
  if (!any_dragged) {
    found = board.CardAt(at);
  } else {  // Board::CardAt, but skipping the cards that are not where the board has them
    const core::Card* best = nullptr;
    for (const auto& [id, card] : board.cards()) {
      bool dragged = std::any_of(m_presses.begin(), m_presses.end(), [&](const Press& p) {
        return p.state == State::Dragging && p.card == id;
      });
      if (!dragged && board.CardBounds(card).Contains(at.x, at.y) && (!best || card.z > best->z)) best = &card;
    }
    if (best) found = best->id;
  }
  if (found && HeldByOther(*found, pointer)) held = true;
  return found;
}

void GestureTracker::FireLongPress(Press& press, std::vector<Gesture>& out) {
  press.long_pressed = true;
  out.push_back(LongPress{press.pointer, press.card, press.down_map});
}

void GestureTracker::EndPinch(std::vector<Gesture>& out) {
  if (!m_pinch) return;
  for (Press& p : m_presses)
    if (p.state == State::Pinching) p.state = State::Ignored;  // the finger left does nothing
  m_pinch.reset();
  out.push_back(PinchEnded{});
}

std::vector<Gesture> GestureTracker::Feed(const PointerEvent& event, const core::Board& board,
                                          const core::Viewport& viewport) {
  std::vector<Gesture> out = Sync(board);
  const core::MapPoint at_map = viewport.ToMap(event.at);
  Press* press = Find(event.pointer);

  auto erase = [&] {
    std::erase_if(m_presses, [&](const Press& p) { return p.pointer == event.pointer; });
  };
  auto long_press_due = [&](Press& p) {
    if (p.state == State::Pressed && !p.long_pressed && event.t_ms - p.down_ms >= m_config.long_press_ms)
      FireLongPress(p, out);
  };
  // A Move, or the position an Up lifts at: may turn the press into a drag.
  auto moved = [&](Press& p) {
    if (p.state == State::Pressed && Distance(event.at, p.down_at) >= m_config.drag_threshold_px) {
      if (p.card && board.Find(*p.card) && !HeldByOther(*p.card, p.pointer)) {
        p.state = State::Dragging;
        out.push_back(DragStarted{p.pointer, *p.card});
      } else {
        p.state = State::Ignored;  // started on empty map (no panning), or the card is gone
      }
    }
    if (p.state == State::Dragging) {
      p.centre = Add(at_map, p.grab_offset);
      if (event.phase == PointerEvent::Phase::Move) out.push_back(DragMoved{p.pointer, *p.card, p.centre});
    }
  };

  switch (event.phase) {
    case PointerEvent::Phase::Down: {
      if (press) {  // a lost Up: end the previous press without a gesture
        if (press->state == State::Dragging) out.push_back(DragCancelled{press->pointer, *press->card});
        if (press->state == State::Pinching) EndPinch(out);
        erase();
      }
      Press p;
      p.pointer = event.pointer;
      p.down_at = event.at;
      p.at = event.at;
      p.down_map = at_map;
      p.down_ms = event.t_ms;
      bool held = false;
      p.card = CardUnder(at_map, board, event.pointer, held);
      if (held) {
        p.state = State::Ignored;
        p.card.reset();
      } else if (p.card) {
        const core::Card* card = board.Find(*p.card);
        p.grab_offset = {card->at.x - at_map.x, card->at.y - at_map.y};
        p.centre = card->at;
      }
      p.on_empty_map = !held && !p.card;
      if (p.on_empty_map && m_pinch) {
        p.state = State::Ignored;  // one pinch at a time
      } else if (p.on_empty_map) {  // a second finger on the empty map: a pinch with the latest one
        auto partner = std::find_if(m_presses.rbegin(), m_presses.rend(), [](const Press& q) { return q.on_empty_map; });
        if (partner != m_presses.rend()) {
          partner->state = State::Pinching;
          p.state = State::Pinching;
          m_pinch = Pinch{partner->pointer, p.pointer, partner->at, p.at};
          out.push_back(PinchStarted{partner->pointer, p.pointer, partner->at, p.at});
        }
      }
      m_presses.push_back(p);
      break;
    }
    case PointerEvent::Phase::Move:
      if (press) press->at = event.at;
      if (press && press->state == State::Pinching) {
        const Press* a = Find(m_pinch->a);
        const Press* b = Find(m_pinch->b);
        out.push_back(PinchMoved{m_pinch->a0, m_pinch->b0, a->at, b->at});
        break;
      }
      if (!press || press->state == State::Ignored) break;
      long_press_due(*press);
      moved(*press);
      break;
    case PointerEvent::Phase::Up:
      if (!press) break;
      if (press->state == State::Pinching) {
        EndPinch(out);
        erase();
        break;
      }
      long_press_due(*press);
      moved(*press);
      if (press->state == State::Dragging) {
        out.push_back(DragEnded{press->pointer, *press->card, press->centre, event.at});
      } else if (press->state == State::Pressed && !press->long_pressed) {
        if (!press->card)
          out.push_back(TapEmpty{press->pointer, press->down_map});
        else if (board.Find(*press->card))
          out.push_back(TapCard{press->pointer, *press->card});
      }
      erase();
      break;
    case PointerEvent::Phase::Cancel:
      if (!press) break;
      if (press->state == State::Pinching) EndPinch(out);
      if (press->state == State::Dragging) out.push_back(DragCancelled{press->pointer, *press->card});
      erase();
      break;
  }
  return out;
}

std::vector<Gesture> GestureTracker::Tick(std::int64_t now_ms) {
  std::vector<Gesture> out;
  for (Press& p : m_presses)
    if (p.state == State::Pressed && !p.long_pressed && now_ms - p.down_ms >= m_config.long_press_ms)
      FireLongPress(p, out);
  return out;
}

std::vector<Gesture> GestureTracker::Sync(const core::Board& board) {
  std::vector<Gesture> out;
  for (Press& p : m_presses) {
    if (p.state == State::Dragging && !board.Find(*p.card)) {
      out.push_back(DragCancelled{p.pointer, *p.card});
      p.state = State::Ignored;  // the rest of this finger's stream means nothing
      p.card.reset();
    }
  }
  return out;
}

std::vector<Gesture> GestureTracker::CancelAll() {
  std::vector<Gesture> out;
  for (const Press& p : m_presses)
    if (p.state == State::Dragging) out.push_back(DragCancelled{p.pointer, *p.card});
  if (m_pinch) out.push_back(PinchEnded{});
  m_pinch.reset();
  m_presses.clear();
  return out;
}

std::vector<HeldCard> GestureTracker::Held() const {
  std::vector<HeldCard> out;
  for (const Press& p : m_presses)
    if (p.state == State::Dragging) out.push_back(HeldCard{p.pointer, *p.card, p.centre});
  std::sort(out.begin(), out.end(), [](const HeldCard& a, const HeldCard& b) { return a.pointer < b.pointer; });
  return out;
}

float GestureTracker::LongPressProgress(int pointer, std::int64_t now_ms) const {
  const Press* p = Find(pointer);
  if (!p || p->state != State::Pressed || p->long_pressed || m_config.long_press_ms <= 0) return 0;
  float f = static_cast<float>(now_ms - p->down_ms) / static_cast<float>(m_config.long_press_ms);
  return std::clamp(f, 0.0f, 1.0f);
}

}  // namespace atelier::input
