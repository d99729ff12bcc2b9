// Gesture recognition on the board: turns pointer events into taps, drags of cards and long
// presses, for several pointers at once. Pure logic, no drawing and no board changes: the
// caller turns gestures into commands (MoveCard on DragEnded, open the editor on TapCard …).
//
// Contract
// - Feed only pointers routed to the board (a pointer that went down on a UI button is not fed).
// - A press that lifts before moving drag_threshold_px is a tap. Past the threshold it becomes
//   a drag of the topmost card under the initial press, or nothing if it started on empty map
//   (no panning). A press held still for long_press_ms gives one LongPress (from Tick or from
//   the next Feed); it is then no longer a tap, but moving on still drags the card.
// - Pointers are independent: two fingers drag two cards at the same time. A press on a card
//   already held by another pointer is ignored until that finger lifts. Cards being dragged are
//   hit-tested where they are drawn (at the finger), on top of the others.
// - A dragged card that disappears from the board (deleted elsewhere) gives DragCancelled on
//   the next Feed or Sync of that board.
// - Pinch: two fingers that both went down on the empty map (no card under either press) are a
//   pinch as soon as the second one lands, whether or not the first has moved: PinchStarted,
//   PinchMoved at each move of either, PinchEnded when either lifts (the other then does
//   nothing until it lifts, or until a new finger on the empty map pairs with it). Neither
//   gives a tap. One pinch at a time; a third finger on the empty map meanwhile does nothing.
//   The caller zooms and pans its view (core::MapView::Pinch) and feeds the next events with
//   the new viewport.
// - A finger on a card and one on the empty map are not a pinch: the card's finger drags its
//   card as usual and the other finger does nothing, so nobody's card jumps under a zoom.
//   Two fingers on two different cards drag two cards. A finger on a card joins no pinch,
//   and a pinch does not stop other fingers from dragging cards.
// - Times are the caller's milliseconds; positions are framebuffer pixels converted with the
//   Viewport of the frame. Centres are map points, not clamped (the core clamps on MoveCard).
#pragma once
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "core/board.h"
#include "core/geometry.h"
#include "input/pointer.h"

namespace atelier::input {

struct TapCard {
  int pointer = 0;
  core::CardId card = 0;
  bool operator==(const TapCard&) const = default;
};
struct TapEmpty {
  int pointer = 0;
  core::MapPoint at;
  bool operator==(const TapEmpty&) const = default;
};
struct DragStarted {
  int pointer = 0;
  core::CardId card = 0;
  bool operator==(const DragStarted&) const = default;
};
// centre: where the card's centre is now (finger + grab offset, so the card doesn't jump).
struct DragMoved {
  int pointer = 0;
  core::CardId card = 0;
  core::MapPoint centre;
  bool operator==(const DragMoved&) const = default;
};
// finger: where the finger lifted, in pixels (the caller checks whether it is over the bin).
struct DragEnded {
  int pointer = 0;
  core::CardId card = 0;
  core::MapPoint centre;
  core::ScreenPoint finger;
  bool operator==(const DragEnded&) const = default;
};
struct DragCancelled {
  int pointer = 0;
  core::CardId card = 0;
  bool operator==(const DragCancelled&) const = default;
};
struct LongPress {
  int pointer = 0;
  std::optional<core::CardId> card;  // the card under the press, if any
  core::MapPoint at;                 // where the press is, in map coordinates
  bool operator==(const LongPress&) const = default;
};

// Pinch: the two fingers (pixels) when it began and now.
struct PinchStarted {
  int a = 0, b = 0;  // pointer ids
  core::ScreenPoint a_at, b_at;
  bool operator==(const PinchStarted&) const = default;
};
struct PinchMoved {
  core::ScreenPoint a0, b0;  // where the fingers were when the pinch began
  core::ScreenPoint a, b;    // where they are now
  bool operator==(const PinchMoved&) const = default;
};
struct PinchEnded {
  bool operator==(const PinchEnded&) const = default;
};

using Gesture = std::variant<TapCard, TapEmpty, DragStarted, DragMoved, DragEnded, DragCancelled, LongPress,
                             PinchStarted, PinchMoved, PinchEnded>;

// A card following a finger, for the renderer to draw lifted at centre in the same frame.
struct HeldCard {
  int pointer = 0;
  core::CardId card = 0;
  core::MapPoint centre;
  bool operator==(const HeldCard&) const = default;
};

struct GestureConfig {
  float drag_threshold_px = 12;     // at 1080p; the caller scales it with the UI scale
  std::int64_t long_press_ms = 500;  // ux.md: a long press is 500 ms and shows its progress
};

class GestureTracker {
 public:
  explicit GestureTracker(GestureConfig config = {}) : m_config(config) {}

  const GestureConfig& config() const { return m_config; }
  void set_config(GestureConfig config) { m_config = config; }

  // Feeds one event; returns the gestures it completes, in order.
  std::vector<Gesture> Feed(const PointerEvent& event, const core::Board& board, const core::Viewport& viewport);

  // Long-press timing: call every frame with the current time.
  std::vector<Gesture> Tick(std::int64_t now_ms);

  // Cancels drags of cards no longer on the board (call after the board changed, if no Feed).
  std::vector<Gesture> Sync(const core::Board& board);

  // Cancels everything (the board screen closes, the editor opens over it …).
  std::vector<Gesture> CancelAll();

  // Cards being dragged now, by pointer id.
  std::vector<HeldCard> Held() const;

  // 0 … 1 while a press is held still and its long press has not fired; 0 otherwise.
  float LongPressProgress(int pointer, std::int64_t now_ms) const;

  bool IsDown(int pointer) const;
  bool Pinching() const { return m_pinch.has_value(); }

 private:
  enum class State { Pressed, Dragging, Ignored, Pinching };
  struct Press {
    int pointer = 0;
    State state = State::Pressed;
    core::ScreenPoint down_at;
    core::ScreenPoint at;              // latest position
    bool on_empty_map = false;         // went down where there was no card
    core::MapPoint down_map;
    std::int64_t down_ms = 0;
    std::optional<core::CardId> card;  // under the initial press
    core::MapPoint grab_offset;        // card centre − press point, in map units
    core::MapPoint centre;             // while dragging
    bool long_pressed = false;
  };

  Press* Find(int pointer);
  const Press* Find(int pointer) const;
  bool HeldByOther(core::CardId card, int pointer) const;
  std::optional<core::CardId> CardUnder(core::MapPoint p, const core::Board& board, int pointer, bool& held) const;
  void FireLongPress(Press& press, std::vector<Gesture>& out);
  void EndPinch(std::vector<Gesture>& out);
  struct Pinch {
    int a = 0, b = 0;
    core::ScreenPoint a0, b0;
  };

  GestureConfig m_config;
  std::vector<Press> m_presses;  // pointers that are down, in the order they went down
  std::optional<Pinch> m_pinch;
};

}  // namespace atelier::input
