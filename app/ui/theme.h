// The kiosk's look for Dear ImGui: big calm controls, dark text on light panels, fonts baked
// for French at the sizes the screens use. Sizes are design pixels × the UI scale.
#pragma once
#include <imgui.h>

#include <string>

#include "core/error.h"
#include "core/palette.h"

namespace atelier::ui {

struct Fonts {
  ImFont* body = nullptr;   // 28 px em: panel text, keys
  ImFont* large = nullptr;  // 34 px em: main buttons, the card being written
  ImFont* small = nullptr;  // 22 px em: hints, colour names
  ImFont* huge = nullptr;   // 72 px em, digits and a few letters: the phase countdown, the PIN pad
};

// Loads font_path at the three sizes with glyphs for all French text (œ Œ « » ’ … — €) and
// applies the style. Must run before the font atlas is built (before the first NewFrame).
core::Result<Fonts> LoadFonts(const std::string& font_path, float scale);
void ApplyTheme(float scale);

inline ImU32 ToImU32(core::Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

// A paragraph in a panel: font and colour, wrapped at the window's edge.
void WrappedText(ImFont* font, const std::string& text, ImU32 colour);

namespace colours {
inline constexpr ImU32 kPanel = IM_COL32(0xfb, 0xfa, 0xf7, 0xf4);
inline constexpr ImU32 kPanelBorder = IM_COL32(0x8a, 0x85, 0x7a, 0xff);
inline constexpr ImU32 kInk = IM_COL32(0x1f, 0x23, 0x28, 0xff);
inline constexpr ImU32 kInkSoft = IM_COL32(0x4a, 0x4f, 0x57, 0xff);
inline constexpr ImU32 kAccent = IM_COL32(0x1d, 0x5f, 0xa8, 0xff);   // primary buttons
inline constexpr ImU32 kDanger = IM_COL32(0xb3, 0x26, 0x1e, 0xff);   // the bin when a card is over it
inline constexpr ImU32 kOk = IM_COL32(0x1e, 0x7a, 0x3c, 0xff);       // Valider
}  // namespace colours

}  // namespace atelier::ui
