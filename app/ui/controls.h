// The touch controls drawn this frame and the panels that shadow the board. Kept so that an
// input script can aim at a control by its visible label, and so that a finger landing on a
// panel is not also taken by the board. Queries answer from the last finished frame.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.h"

namespace atelier::ui {

enum class ButtonLook { Plain, Primary, Valider, Danger };

class Controls {
 public:
  void BeginFrame();  // what was drawn becomes what queries see; start a new list

  // A big button; records its visible label (the part before "##") and rectangle.
  bool Button(const char* label, ImVec2 size, ButtonLook look = ButtonLook::Plain, ImFont* font = nullptr);
  // Records a labelled area drawn by other means (a colour swatch, the bin).
  void Record(std::string_view label, core::Rect rect);
  // A panel (ImGui window) that covers the board where it stands.
  void Cover(core::Rect rect);
  void CoverCurrentWindow();

  std::optional<core::ScreenPoint> Find(std::string_view label) const;  // centre of the first match
  bool Covers(core::ScreenPoint p) const;
  std::vector<std::string> Labels() const;  // for error messages

 private:
  struct Entry {
    std::string label;
    core::Rect rect;
  };
  std::vector<Entry> m_drawn, m_shown;
  std::vector<core::Rect> m_covers_drawn, m_covers_shown;
};

}  // namespace atelier::ui
