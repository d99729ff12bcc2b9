// Shared by the files of the board screen (board_screen, board_map, board_overlays,
// board_facilitator): ImGui window flags and small conversions. Internal to ui/.
#pragma once
#include <cstdint>

#include "core/geometry.h"
#include "ui/theme.h"

namespace atelier::ui::board_parts {

inline constexpr std::int64_t kToastMs = 8000;
inline constexpr float kPi = 3.14159265f;
inline constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;

inline ImVec2 Pos(const core::Rect& r) { return ImVec2(r.x, r.y); }
inline ImVec2 Size(const core::Rect& r) { return ImVec2(r.w, r.h); }

}  // namespace atelier::ui::board_parts
