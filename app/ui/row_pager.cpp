#include "ui/row_pager.h"

#include <algorithm>
#include <string>

#include "core/touch_scale.h"
#include "ui/i18n.h"

namespace atelier::ui {

RowPager::Range RowPager::Layout(std::size_t count, float row_h, float avail_h, float buttons_h,
                                 const std::vector<std::size_t>& sections) {
  const auto fit = [&](float h) { return static_cast<std::size_t>(std::max(0.0f, h) / std::max(1.0f, row_h)); };
  const std::size_t per_page = fit(avail_h) >= count ? std::max<std::size_t>(count, 1)
                                                     : std::max<std::size_t>(1, fit(avail_h - buttons_h));
  m_starts.clear();
  std::size_t i = 0;
  do {
    m_starts.push_back(i);
    std::size_t end = std::min(count, i + per_page);
    if (end < count) {  // end the page where a group starts, if one starts on it
      std::size_t cut = 0;
      for (std::size_t s : sections)
        if (s > i && s <= end) cut = std::max(cut, s);
      if (cut && cut - i > per_page / 2) end = cut;  // only when the page stays more than half full
    }
    i = end;
  } while (i < count);
  if (m_show) {
    m_page = 0;
    while (m_page + 1 < m_starts.size() && m_starts[m_page + 1] <= *m_show) ++m_page;
    m_show.reset();
  }
  m_page = std::min(m_page, m_starts.size() - 1);
  const std::size_t first = m_starts[m_page];
  return {first, m_page + 1 < m_starts.size() ? m_starts[m_page + 1] : count};
}

void RowPager::DrawButtons(Controls& controls, const Fonts& fonts, float s, float w) {
  if (!Paged()) return;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const std::string where = std::to_string(m_page + 1) + " / " + std::to_string(m_starts.size());
  const float middle = ImGui::CalcTextSize(where.c_str()).x + 2 * gap;
  const ImVec2 size((w - middle - 2 * gap) / 2, core::kBaseTargetPx * s);
  const bool up = m_page > 0, down = m_page + 1 < m_starts.size();
  if (controls.Button(Tr("↑ Plus haut"), size, up ? ButtonLook::Primary : ButtonLook::Plain, fonts.body) && up)
    --m_page;
  ImGui::SameLine();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(middle, size.y));
  const ImVec2 text = ImGui::CalcTextSize(where.c_str());
  ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + (middle - text.x) / 2, at.y + (size.y - text.y) / 2),
                                      colours::kInkSoft, where.c_str());
  ImGui::SameLine();
  if (controls.Button(Tr("↓ Plus bas"), size, down ? ButtonLook::Primary : ButtonLook::Plain, fonts.body) && down)
    ++m_page;
}

}  // namespace atelier::ui
