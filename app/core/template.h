// A map template: the board's background — title, the two axes and their ends, named zones.
// Plain data; loading it from JSON lives in store/template_file.h.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.h"
#include "core/palette.h"

namespace atelier::core {

// A text with its French and (optional) English wording; French is the default.
struct Label {
  std::string fr;
  std::string en;  // empty: fall back to French
  const std::string& In(std::string_view lang) const { return (lang == "en" && !en.empty()) ? en : fr; }
  bool operator==(const Label&) const = default;
};

struct Axis {
  Label title;  // "Usages", "Impact"; empty title: no axis drawn
  Label low;    // left end (horizontal) or bottom end (vertical)
  Label high;   // right end or top end
  bool operator==(const Axis&) const = default;
};

struct Zone {
  std::string id;  // stable, used in exports
  Label label;
  Rect area;       // normalised map coordinates
  Rgb tint;
  bool operator==(const Zone&) const = default;
};

enum class Background { Plain, Grid, Dots };

struct Template {
  std::string id;  // "usages-impacts"
  Label title;
  Axis horizontal;
  Axis vertical;
  std::vector<Zone> zones;
  Background background = Background::Grid;
  Rgb paper{0xf7, 0xf5, 0xf0};
  bool operator==(const Template&) const = default;

  // The zone under p (the first listed wins where zones overlap), if any.
  const Zone* ZoneAt(MapPoint p) const;

  // Labels the facilitator may rename, by key: "title", "horizontal.title", "horizontal.low",
  // "horizontal.high", "vertical.title", "vertical.low", "vertical.high", "zone.<id>". Only
  // labels that exist (axes with a title, zones) are listed, in reading order.
  std::vector<std::string> LabelKeys() const;
  Label* FindLabel(std::string_view key);
  const Label* FindLabel(std::string_view key) const;
};

// Impact score from a vertical map position: +1 at the top ("really helps"), −1 at the bottom.
float ImpactAt(MapPoint p);

}  // namespace atelier::core
