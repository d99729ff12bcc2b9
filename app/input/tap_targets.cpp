#include "input/tap_targets.h"

namespace atelier::input {

const TapTarget* TapTargets::At(core::ScreenPoint p) const {
  for (const TapTarget& t : m_targets)
    if (t.rect.Contains(p.x, p.y)) return &t;
  return nullptr;
}

std::optional<std::string> TapTargets::Feed(const PointerEvent& event) {
  using Phase = PointerEvent::Phase;
  const TapTarget* under = At(event.at);
  if (event.phase == Phase::Down) {
    m_down[event.pointer] = Finger{under ? under->id : std::string(), true};
    return std::nullopt;
  }
  auto finger = m_down.find(event.pointer);
  if (finger == m_down.end()) return std::nullopt;  // went down elsewhere
  finger->second.over = under && under->id == finger->second.id;
  if (event.phase == Phase::Move) return std::nullopt;
  Finger done = finger->second;
  m_down.erase(finger);
  if (event.phase == Phase::Up && done.over && !done.id.empty()) return done.id;
  return std::nullopt;
}

bool TapTargets::Pressed(const std::string& id) const {
  for (const auto& [pointer, finger] : m_down)
    if (finger.id == id && finger.over) return true;
  return false;
}

std::optional<std::size_t> PanelRouter::Route(const PointerEvent& event, const std::vector<core::Rect>& panels) {
  using Phase = PointerEvent::Phase;
  if (event.phase == Phase::Down) {
    m_owner.erase(event.pointer);
    for (std::size_t i = panels.size(); i-- > 0;)
      if (panels[i].Contains(event.at.x, event.at.y)) {
        m_owner[event.pointer] = i;
        return i;
      }
    return std::nullopt;
  }
  auto owner = m_owner.find(event.pointer);
  if (owner == m_owner.end()) return std::nullopt;
  std::optional<std::size_t> panel = owner->second;
  if (event.phase == Phase::Up || event.phase == Phase::Cancel) m_owner.erase(owner);
  return panel;
}

void PanelRouter::Forget(std::size_t panel) {
  for (auto& [pointer, owner] : m_owner)
    if (owner == panel) owner.reset();
}

bool PanelRouter::Owns(int pointer) const { return m_owner.contains(pointer); }

}  // namespace atelier::input
