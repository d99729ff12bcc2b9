#include "ui/theme.h"

#include <algorithm>
#include <filesystem>

#include "render/text_layout.h"

namespace atelier::ui {

namespace {

// Every character French needs, from platform-notes.md: Latin-1 plus œ Œ Ÿ, dashes, curly
// quotes, ellipsis, narrow no-break space and €. U+FFFD stands for anything else.
const ImWchar kFrenchRanges[] = {0x0020, 0x00FF, 0x0152, 0x0153, 0x0178, 0x0178, 0x2013, 0x2014, 0x2018, 0x201E,
                                 0x2026, 0x2026, 0x202F, 0x202F, 0x20AC, 0x20AC, 0x2190, 0x2193, 0xFFFD, 0xFFFD, 0};

}  // namespace

core::Result<Fonts> LoadFonts(const std::string& font_path, float scale) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(font_path, ec)) return core::Error{"font file not found: " + font_path};
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 1;  // big sizes need no horizontal oversampling; keeps the atlas small
  config.OversampleV = 1;
  config.PixelSnapH = true;
  // Sizes below are em sizes, like the board's card text; ImGui takes "pixel height".
  auto metrics = render::Font::Load(font_path);
  if (!metrics.ok()) return core::Error{metrics.error().message};
  float em = scale * std::clamp(metrics->PixelHeightPerEm(), 1.0f, 2.0f);
  Fonts fonts;
  fonts.body = io.Fonts->AddFontFromFileTTF(font_path.c_str(), 28 * em, &config, kFrenchRanges);
  fonts.large = io.Fonts->AddFontFromFileTTF(font_path.c_str(), 34 * em, &config, kFrenchRanges);
  fonts.small = io.Fonts->AddFontFromFileTTF(font_path.c_str(), 22 * em, &config, kFrenchRanges);
  // The countdown is read from across the room; its glyphs are few, so a big size costs little.
  static const ImWchar kHugeRanges[] = {0x0020, 0x007E, 0x00C0, 0x00FF, 0};
  fonts.huge = io.Fonts->AddFontFromFileTTF(font_path.c_str(), 72 * em, &config, kHugeRanges);
  if (!fonts.body || !fonts.large || !fonts.small || !fonts.huge) return core::Error{"font could not be loaded: " + font_path};
  if (!io.Fonts->Build()) return core::Error{"font atlas could not be built from " + font_path};
  io.FontDefault = fonts.body;
  return fonts;
}

void ApplyTheme(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 18;
  style.FrameRounding = 14;
  style.WindowBorderSize = 2;
  style.FrameBorderSize = 0;
  style.WindowPadding = ImVec2(18, 18);
  style.FramePadding = ImVec2(14, 10);
  style.ItemSpacing = ImVec2(10, 10);
  style.TouchExtraPadding = ImVec2(0, 0);
  style.ScrollbarSize = 0;
  style.ScaleAllSizes(scale);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colours::kPanel);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(colours::kPanelBorder);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colours::kInk);
  c[ImGuiCol_Button] = ImVec4(0.91f, 0.90f, 0.87f, 1);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.91f, 0.90f, 0.87f, 1);  // no hover look: touch first
  c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.76f, 0.71f, 1);
  ImGuiIO& io = ImGui::GetIO();
  io.MouseDragThreshold = 14 * scale;  // fingers jitter
}

void WrappedText(ImFont* font, const std::string& text, ImU32 colour) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace atelier::ui
