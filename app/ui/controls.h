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
ImVec4 ButtonFill(ButtonLook look);  // the colour of a button of that look (drawn by Button or by hand)

class Controls {
 public:
  void BeginFrame();  // what was drawn becomes what queries see; start a new list

  // A big button; records its visible label (the part before "##") and rectangle.
  bool Button(const char* label, ImVec2 size, ButtonLook look = ButtonLook::Plain, ImFont* font = nullptr);
  // Records a labelled area drawn by other means (a colour swatch, the bin, a key the app
  // hit-tests itself). scope names the panel it is in when the same label shows twice (the two
  // card editors: "editor-left", "editor-right"), so a script can say which one it means.
  void Record(std::string_view label, core::Rect rect, std::string_view scope = {});
  // A panel (ImGui window) that covers the board where it stands.
  void Cover(core::Rect rect);
  void CoverCurrentWindow();

  // The centre of the first control with that label (in that scope, unless scope is empty).
  std::optional<core::ScreenPoint> Find(std::string_view label, std::string_view scope = {}) const;
  bool Covers(core::ScreenPoint p) const;
  std::vector<std::string> Labels() const;  // for error messages

 private:
  struct Entry {
    std::string label;
    core::Rect rect;
    std::string scope;
  };
  std::vector<Entry> m_drawn, m_shown;
  std::vector<core::Rect> m_covers_drawn, m_covers_shown;
};

}  // namespace atelier::ui
