#include "core/template.h"

#include <algorithm>

namespace atelier::core {

const Zone* Template::ZoneAt(MapPoint p) const {
  for (const Zone& z : zones)
    if (z.area.Contains(p.x, p.y)) return &z;
  return nullptr;
}

float ImpactAt(MapPoint p) { return std::clamp(1.0f - 2.0f * p.y, -1.0f, 1.0f); }

}  // namespace atelier::core
