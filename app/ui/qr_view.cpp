#include "ui/qr_view.h"

#include <algorithm>
#include <cmath>

namespace atelier::ui {

const qr::QrCode* QrCache::Get(const std::string& text) {
  if (!m_asked || text != m_text) {
    m_asked = true;
    m_text = text;
    auto made = qr::MakeQrCode(text);
    m_ok = made.ok();
    m_code = m_ok ? std::move(made.value()) : qr::QrCode{};
  }
  return m_ok ? &m_code : nullptr;
}

namespace {
float ModulePx(const qr::QrCode& code, float side) {
  return std::max(1.0f, std::floor(side / static_cast<float>(code.size + 2 * qr::kQuietZone)));
}
}  // namespace

float QrSide(const qr::QrCode& code, float side) {
  return ModulePx(code, side) * static_cast<float>(code.size + 2 * qr::kQuietZone);
}

float DrawQr(ImDrawList* draw, const qr::QrCode& code, ImVec2 at, float side) {
  const float m = ModulePx(code, side);
  const float used = QrSide(code, side);
  at = ImVec2(std::round(at.x), std::round(at.y));
  draw->AddRectFilled(at, ImVec2(at.x + used, at.y + used), IM_COL32_WHITE);
  const float x0 = at.x + qr::kQuietZone * m, y0 = at.y + qr::kQuietZone * m;
  for (int y = 0; y < code.size; ++y) {
    // Runs of dark modules on a row as one rectangle: fewer vertices than one per module.
    for (int x = 0; x < code.size;) {
      if (!code.At(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < code.size && code.At(end, y)) ++end;
      draw->AddRectFilled(ImVec2(x0 + x * m, y0 + y * m), ImVec2(x0 + end * m, y0 + (y + 1) * m), IM_COL32_BLACK);
      x = end;
    }
  }
  return used;
}

}  // namespace atelier::ui
