#include "ui/controls.h"

namespace atelier::ui {

ImVec4 ButtonFill(ButtonLook look) {
  switch (look) {
    case ButtonLook::Primary: return ImVec4(0.11f, 0.37f, 0.66f, 1);
    case ButtonLook::Valider: return ImVec4(0.12f, 0.48f, 0.24f, 1);
    case ButtonLook::Danger: return ImVec4(0.70f, 0.15f, 0.12f, 1);
    case ButtonLook::Plain: break;
  }
  return ImVec4(0.91f, 0.90f, 0.87f, 1);
}

namespace {

core::Rect LastItemRect() {
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  return {min.x, min.y, max.x - min.x, max.y - min.y};
}

}  // namespace

void Controls::BeginFrame() {
  m_shown.swap(m_drawn);
  m_drawn.clear();
  m_covers_shown.swap(m_covers_drawn);
  m_covers_drawn.clear();
}

bool Controls::Button(const char* label, ImVec2 size, ButtonLook look, ImFont* font) {
  ImVec4 fill = ButtonFill(look);
  ImVec4 pressed(fill.x * 0.8f, fill.y * 0.8f, fill.z * 0.8f, 1);
  ImGui::PushStyleColor(ImGuiCol_Button, fill);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, fill);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, pressed);
  ImGui::PushStyleColor(ImGuiCol_Text, look == ButtonLook::Plain ? ImVec4(0.12f, 0.14f, 0.16f, 1) : ImVec4(1, 1, 1, 1));
  if (font) ImGui::PushFont(font);
  bool pressed_now = ImGui::Button(label, size);
  if (font) ImGui::PopFont();
  ImGui::PopStyleColor(4);
  std::string_view visible(label);
  visible = visible.substr(0, visible.find("##"));
  Record(visible, LastItemRect());
  return pressed_now;
}

void Controls::Record(std::string_view label, core::Rect rect, std::string_view scope) {
  m_drawn.push_back({std::string(label), rect, std::string(scope)});
}

void Controls::Cover(core::Rect rect) { m_covers_drawn.push_back(rect); }

void Controls::CoverCurrentWindow() {
  ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  Cover({pos.x, pos.y, size.x, size.y});
}

std::optional<core::ScreenPoint> Controls::Find(std::string_view label, std::string_view scope) const {
  for (const Entry& e : m_shown)
    if (e.label == label && (scope.empty() || e.scope == scope)) return core::ScreenPoint{e.rect.x + e.rect.w / 2, e.rect.y + e.rect.h / 2};
  return std::nullopt;
}

bool Controls::Covers(core::ScreenPoint p) const {
  for (const core::Rect& r : m_covers_shown)
    if (r.Contains(p.x, p.y)) return true;
  for (const Entry& e : m_shown)
    if (e.rect.Contains(p.x, p.y)) return true;
  return false;
}

std::vector<std::string> Controls::Labels() const {
  std::vector<std::string> out;
  for (const Entry& e : m_shown) out.push_back(e.label);
  return out;
}

}  // namespace atelier::ui
