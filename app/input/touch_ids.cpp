#include "input/touch_ids.h"

#include <set>

namespace atelier::input {

int TouchIds::Begin(std::uint32_t touch) {
  if (auto known = Find(touch)) return *known;
  std::set<int> taken;
  for (const auto& [t, id] : m_ids) taken.insert(id);
  int id = 0;
  while (taken.count(id)) ++id;
  m_ids[touch] = id;
  return id;
}

std::optional<int> TouchIds::Find(std::uint32_t touch) const {
  auto it = m_ids.find(touch);
  if (it == m_ids.end()) return std::nullopt;
  return it->second;
}

std::optional<int> TouchIds::End(std::uint32_t touch) {
  auto id = Find(touch);
  m_ids.erase(touch);
  return id;
}

}  // namespace atelier::input
