// A list taller than the room for it, shown a page at a time with two big buttons ("↑ Plus
// haut", "↓ Plus bas"): Dear ImGui 1.86 does not scroll by finger, and rows out of sight are
// not drawn at all, so an input script never aims at a control nobody can see. Used by the
// panel's pages whose rows may not all fit (a small screen, a large UI scale).
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "ui/controls.h"
#include "ui/theme.h"

namespace atelier::ui {

class RowPager {
 public:
  struct Range {
    std::size_t first = 0, end = 0;  // rows [first, end) are shown
  };
  // The rows to draw: as many rows of row_h pixels (spacing included) as fit in avail_h,
  // keeping buttons_h for the buttons when not all fit. sections: the rows that start a group
  // (an axis, the zones); a page ends before a group rather than cutting it, when it stays
  // more than half full. Call before drawing the rows.
  Range Layout(std::size_t count, float row_h, float avail_h, float buttons_h,
               const std::vector<std::size_t>& sections = {});
  bool Paged() const { return m_starts.size() > 1; }
  // Draws the two buttons (only when the rows did not all fit), w pixels wide in all.
  void DrawButtons(Controls& controls, const Fonts& fonts, float scale, float w);
  void Reset() { m_page = 0; }
  void ShowRow(std::size_t row) { m_show = row; }  // at the next Layout, the page holding row

 private:
  std::vector<std::size_t> m_starts{0};  // first row of each page
  std::size_t m_page = 0;
  std::optional<std::size_t> m_show;
};

}  // namespace atelier::ui
