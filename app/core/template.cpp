#include "core/template.h"

#include <algorithm>
#include <utility>

namespace atelier::core {

const Zone* Template::ZoneAt(MapPoint p) const {
  for (const Zone& z : zones)
    if (z.area.Contains(p.x, p.y)) return &z;
  return nullptr;
}

std::vector<std::string> Template::LabelKeys() const {
  std::vector<std::string> keys{"title"};
  for (const char* axis : {"horizontal", "vertical"}) {
    const Axis& a = std::string_view(axis) == "horizontal" ? horizontal : vertical;
    if (a.title.fr.empty()) continue;
    for (const char* part : {".title", ".low", ".high"}) keys.push_back(std::string(axis) + part);
  }
  for (const Zone& z : zones) keys.push_back("zone." + z.id);
  return keys;
}

Label* Template::FindLabel(std::string_view key) {
  if (key == "title") return &title;
  for (auto [name, axis] : {std::pair{std::string_view("horizontal."), &horizontal},
                            std::pair{std::string_view("vertical."), &vertical}}) {
    if (!key.starts_with(name)) continue;
    std::string_view part = key.substr(name.size());
    if (part == "title") return &axis->title;
    if (part == "low") return &axis->low;
    if (part == "high") return &axis->high;
    return nullptr;
  }
  if (key.starts_with("zone."))
    for (Zone& z : zones)
      if (key.substr(5) == z.id) return &z.label;
  return nullptr;
}

const Label* Template::FindLabel(std::string_view key) const { return const_cast<Template*>(this)->FindLabel(key); }

float ImpactAt(MapPoint p) { return std::clamp(1.0f - 2.0f * p.y, -1.0f, 1.0f); }

}  // namespace atelier::core
