#include "ui/phase_timer.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/i18n.h"

namespace atelier::ui {

namespace {
constexpr std::int64_t kSignalMs = 8000;  // how long the end-of-time band breathes
}

std::string FormatCountdown(std::int64_t ms) {
  const std::int64_t total = std::max<std::int64_t>(0, (ms + 999) / 1000);  // 0.2 s left still shows 00:01
  const std::int64_t h = total / 3600, m = total / 60 % 60, sec = total % 60;
  char text[32];
  if (h > 0) std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", static_cast<long long>(h), static_cast<long long>(m), static_cast<long long>(sec));
  else std::snprintf(text, sizeof text, "%02lld:%02lld", static_cast<long long>(m), static_cast<long long>(sec));
  return text;
}

core::Rect DrawPhaseTimer(const core::PhaseState& phase, std::int64_t now, const Fonts& fonts, float s, float top_y) {
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const std::optional<std::int64_t> left = phase.RemainingMs(now);
  const bool over = left && *left <= 0;
  std::string time = left ? (over ? std::string(Tr("Temps écoulé")) : FormatCountdown(*left)) : std::string();
  std::string name = phase.name;
  if (phase.paused()) name += std::string(" · ") + Tr("en pause");

  ImFont* big = over ? fonts.large : fonts.huge;
  const ImVec2 name_size = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, name.c_str());
  const ImVec2 time_size = time.empty() ? ImVec2(0, 0) : big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, time.c_str());
  const float pad = 22 * s, gap = time.empty() ? 0 : 26 * s;
  const float h = std::max(name_size.y, time_size.y) + 2 * 10 * s;
  const float w = name_size.x + gap + time_size.x + 2 * pad;
  const ImVec2 a((io.DisplaySize.x - w) / 2, top_y), b(a.x + w, top_y + h);

  ImU32 fill = IM_COL32(0xfb, 0xfa, 0xf7, 0xf2);
  if (over) {
    // Warm amber; for the first seconds it breathes (slow, soft), then stays still.
    const std::int64_t since = -*left;
    float breathe = since < kSignalMs ? 0.5f + 0.5f * std::sin(static_cast<float>(since) / 1000.0f * 3.1416f) : 1.0f;
    fill = IM_COL32(0xff, static_cast<int>(0xd8 + 0x1c * (1 - breathe)), static_cast<int>(0x8a + 0x50 * (1 - breathe)),
                    0xf8);
  }
  draw->AddRectFilled(ImVec2(a.x + 2 * s, a.y + 4 * s), ImVec2(b.x + 2 * s, b.y + 4 * s), IM_COL32(0, 0, 0, 0x28), h / 2);
  draw->AddRectFilled(a, b, fill, h / 2);
  draw->AddRect(a, b, colours::kPanelBorder, h / 2, 0, 2 * s);
  draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(a.x + pad, a.y + (h - name_size.y) / 2), colours::kInk,
                name.c_str());
  if (!time.empty())
    draw->AddText(big, big->FontSize, ImVec2(a.x + pad + name_size.x + gap, a.y + (h - time_size.y) / 2),
                  phase.paused() ? colours::kInkSoft : colours::kInk, time.c_str());
  return {a.x, a.y, w, h};
}

}  // namespace atelier::ui
