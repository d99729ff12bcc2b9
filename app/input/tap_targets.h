// Taps on buttons the app draws and hit-tests itself (an on-screen keyboard's keys, a card
// editor's colours), for any number of fingers at once: ImGui 1.86 has one mouse, so two people
// typing on two keyboards cannot both go through it. A button is tapped when a finger goes down
// on it and lifts on it; each finger only ever presses the button it went down on.
//
// Contract: targets are replaced each frame (SetTargets) by whoever lays them out; a finger
// keeps the id of the target it went down on even if the targets move, and is matched against
// the targets of the moment it lifts. Ids are the caller's (e.g. "key:é", "colour:blue").
// Pure: no drawing, no clock.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.h"
#include "input/pointer.h"

namespace atelier::input {

struct TapTarget {
  std::string id;
  core::Rect rect;
};

class TapTargets {
 public:
  void SetTargets(std::vector<TapTarget> targets) { m_targets = std::move(targets); }
  const std::vector<TapTarget>& targets() const { return m_targets; }

  // A pointer event routed here; returns the id tapped when this event completes a tap.
  std::optional<std::string> Feed(const PointerEvent& event);
  void CancelAll() { m_down.clear(); }

  // The target a finger is on now (for the pressed look): down on it and still over it.
  bool Pressed(const std::string& id) const;
  bool Holding() const { return !m_down.empty(); }  // some finger is down here

 private:
  const TapTarget* At(core::ScreenPoint p) const;

  std::vector<TapTarget> m_targets;
  struct Finger {
    std::string id;  // the target it went down on ("" between targets)
    bool over = true;  // still over it
  };
  std::map<int, Finger> m_down;
};

// Which of several panels (two card editors) each finger belongs to: the one whose rectangle it
// went down in, until it lifts, wherever it moves meanwhile. Fingers that went down outside every
// panel get nullopt and are someone else's (the board's gestures).
class PanelRouter {
 public:
  // panels: this frame's rectangles, an empty one for a closed panel; the last listed wins
  // where they overlap. Returns the panel index the event goes to.
  std::optional<std::size_t> Route(const PointerEvent& event, const std::vector<core::Rect>& panels);
  void Forget(std::size_t panel);  // a panel closed: its fingers go nowhere until they lift
  void CancelAll() { m_owner.clear(); }
  bool Owns(int pointer) const;  // this finger went down on a panel and has not lifted

 private:
  std::map<int, std::optional<std::size_t>> m_owner;  // nullopt: down on a panel now closed
};

}  // namespace atelier::input
