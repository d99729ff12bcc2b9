// Sections: opening · fingers and the physical keyboard · the panel (layout, preview, colours, keys).
#include "ui/card_editor.h"

#include <algorithm>
#include <cfloat>

#include "core/palette.h"
#include "core/text.h"
#include "ui/i18n.h"

namespace atelier::ui {

namespace {

// Drawn by ImGui, driven by the app's own hit-testing (Feed): the window takes no input, so
// ImGui's one mouse (another finger on another control) never presses anything in it.
constexpr ImGuiWindowFlags kPanel = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                    ImGuiWindowFlags_NoInputs;
constexpr std::string_view kKey = "key:", kColour = "colour:";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Opening.

void CardEditor::Open(const core::Viewport& viewport) {
  m_viewport = viewport;
  m_keyboard.Reset();
  m_too_long = false;
  m_open = true;
  m_panel = {};  // until its first frame, no finger lands in it
  m_taps.CancelAll();
  m_taps.SetTargets({});
}

void CardEditor::Close() {
  m_open = false;
  m_taps.CancelAll();
}

void CardEditor::OpenNew(core::MapPoint spawn, bool left_side, const core::Viewport& viewport) {
  m_card.reset();
  m_edit.Clear();
  m_colour = std::string(core::kDefaultColour);
  m_spawn = spawn;
  m_left_side = left_side;
  m_at_top = false;
  Open(viewport);
}

void CardEditor::OpenExisting(const core::Card& card, const core::Viewport& viewport) {
  OpenExisting(card, card.at.x < 0.5f, viewport);
}

void CardEditor::OpenExisting(const core::Card& card, bool left_side, const core::Viewport& viewport) {
  m_card = card.id;
  m_edit = core::TextEdit(card.text);
  m_colour = card.colour;
  m_spawn = card.at;
  m_left_side = left_side;
  m_at_top = card.at.y > 0.5f;
  Open(viewport);
}

// ---------------------------------------------------------------------------------------------
// Fingers (routed here by the board: they went down in this panel) and the physical keyboard.

CardEditor::Outcome CardEditor::Feed(const input::PointerEvent& event) {
  if (!m_open) return Outcome::None;
  std::optional<std::string> tapped = m_taps.Feed(event);
  if (!tapped) return Outcome::None;
  std::string_view id = *tapped;
  if (id.starts_with(kColour)) {
    m_colour = std::string(id.substr(kColour.size()));
    return Outcome::None;
  }
  if (!id.starts_with(kKey)) return Outcome::None;
  OnScreenKeyboard::Outcome pressed = m_keyboard.PressKey(id.substr(kKey.size()), m_edit);
  SetTargets();  // Maj and "&°" change the keys
  if (pressed.overflowed) {
    m_too_long = true;
    m_too_long_until_ms = m_now_ms + 5000;
  }
  if (pressed.action == input::KeyAction::Validate) return Outcome::Validated;
  if (pressed.action == input::KeyAction::Cancel) return Outcome::Cancelled;
  return Outcome::None;
}

void CardEditor::Insert(std::string_view utf8) {
  if (!m_edit.Insert(utf8)) {
    m_too_long = true;
    m_too_long_until_ms = m_now_ms + 5000;
  }
}

void CardEditor::Type(std::string_view utf8) { Insert(utf8); }

CardEditor::Outcome CardEditor::Key(KeyPress key) {
  switch (OnScreenKeyboard::PhysicalKey(key, m_edit)) {
    case input::KeyAction::Validate: return Outcome::Validated;
    case input::KeyAction::Cancel: return Outcome::Cancelled;
    case input::KeyAction::Continue: break;
  }
  return Outcome::None;
}

// ---------------------------------------------------------------------------------------------
// The panel: laid out here (so the fingers can be hit-tested against it), drawn with ImGui's
// draw lists.

void CardEditor::Lay(const Fonts& fonts, float scale) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float margin = 24 * scale, pad = style.WindowPadding.x, gap = style.ItemSpacing.x, vgap = style.ItemSpacing.y;
  // At most half the screen, so both editors fit side by side with a margin between them.
  const float width = std::min(io.DisplaySize.x / 2 - 1.5f * margin, 1000 * scale);
  const float inner = width - 2 * pad;
  const float x = m_left_side ? margin : io.DisplaySize.x - margin - width;
  const float title_h = fonts.body->FontSize, colours_h = 66 * scale;
  const float keys_h = m_keyboard.Place({0, 0}, inner, scale, gap).height;
  const float fixed = pad + title_h + vgap + 8 * scale + vgap + colours_h + 4 * scale + vgap + keys_h + pad;
  const float preview_h = std::clamp(io.DisplaySize.y - 2 * margin - fixed, 56 * scale, 150 * scale);
  const float height = fixed + preview_h;
  const float y = m_at_top ? margin : io.DisplaySize.y - margin - height;
  m_panel = {x, y, width, height};
  float at = y + pad;
  m_title_at = {x + pad, at};
  at += title_h + vgap;
  m_preview = {x + pad, at, inner, preview_h};
  at += preview_h + 8 * scale + vgap;
  m_colours.clear();
  const float n = static_cast<float>(core::kPalette.size());
  const float w = (inner - gap * (n - 1)) / n;
  for (std::size_t i = 0; i < core::kPalette.size(); ++i) m_colours.push_back({x + pad + i * (w + gap), at, w, colours_h});
  at += colours_h + 4 * scale + vgap;
  m_keyboard.Place({x + pad, at}, inner, scale, gap);
  SetTargets();
}

void CardEditor::SetTargets() {
  std::vector<input::TapTarget> targets;
  for (std::size_t i = 0; i < m_colours.size() && i < core::kPalette.size(); ++i) {
    std::string id(kColour);
    id += core::kPalette[i].name;
    targets.push_back({std::move(id), m_colours[i]});
  }
  for (const input::PlacedKey& k : m_keyboard.pad().keys) {
    std::string id(kKey);
    id += k.key.id;
    targets.push_back({std::move(id), k.rect});
  }
  m_taps.SetTargets(std::move(targets));
}

void CardEditor::Draw(Controls& controls, std::string_view scope, const Fonts& fonts, float scale, std::int64_t now_ms) {
  m_now_ms = now_ms;
  Lay(fonts, scale);
  ImGui::SetNextWindowPos(ImVec2(m_panel.x, m_panel.y));
  ImGui::SetNextWindowSize(ImVec2(m_panel.w, m_panel.h));
  std::string name("##editor-");
  name += scope;
  ImGui::Begin(name.c_str(), nullptr, kPanel);
  ImDrawList* draw = ImGui::GetWindowDrawList();

  ImFont* body = fonts.body;
  draw->AddText(body, body->FontSize, ImVec2(m_title_at.x, m_title_at.y), colours::kInk,
                m_card ? Tr("Modifier la carte") : Tr("Nouvelle carte"));
  std::string counter = std::to_string(m_edit.chars()) + " / " + std::to_string(core::kMaxCardChars);
  const float counter_w = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, counter.c_str()).x;
  draw->AddText(body, body->FontSize, ImVec2(m_preview.x + m_preview.w - counter_w, m_title_at.y), colours::kInkSoft,
                counter.c_str());

  DrawPreview(draw, fonts, scale);
  DrawColours(draw, controls, scope, fonts, scale);
  m_keyboard.DrawKeys(draw, controls, scope, fonts, scale, [this](const std::string& id) {
    std::string target(kKey);
    target += id;
    return m_taps.Pressed(target);
  });
  controls.Cover(m_panel);
  ImGui::End();
}

void CardEditor::DrawPreview(ImDrawList* draw, const Fonts& fonts, float scale) {
  // The card as it will look: its paper, dark text, and a caret where the next letter goes.
  const core::CardColour paper = core::FindColour(m_colour).value_or(core::kPalette[0]);
  const float width = m_preview.w, height = m_preview.h;
  ImVec2 min(m_preview.x, m_preview.y);
  ImVec2 max(min.x + width, min.y + height);
  draw->AddRectFilled(ImVec2(min.x + 4 * scale, min.y + 6 * scale), ImVec2(max.x + 4 * scale, max.y + 6 * scale),
                      IM_COL32(0, 0, 0, 40), 12 * scale);
  draw->AddRectFilled(min, max, ToImU32(paper.paper), 12 * scale);

  ImFont* font = m_edit.chars() > 110 ? fonts.small : m_edit.chars() > 50 ? fonts.body : fonts.large;
  if (height < 100 * scale && font == fonts.large) font = fonts.body;  // a short screen's preview
  float pad = std::min(16 * scale, (height - font->FontSize) / 2);
  // Built by appending: GCC 12 at -O3 wrongly reports -Wrestrict on inserting into a string
  // (GCC bug 105329).
  const std::string& typed = m_edit.text();
  std::string shown;
  shown.reserve(typed.size() + 1);
  shown.append(typed, 0, m_edit.caret()).append(1, '|').append(typed, m_edit.caret());
  ImVec4 clip(min.x, min.y, max.x, max.y);
  if (m_edit.text().empty()) {
    draw->AddText(font, font->FontSize, ImVec2(min.x + pad, min.y + pad), IM_COL32(0x1f, 0x23, 0x28, 0x90),
                  Tr("| Écrivez avec le clavier ci-dessous"), nullptr, width - 2 * pad, &clip);
  } else {
    draw->AddText(font, font->FontSize, ImVec2(min.x + pad, min.y + pad), ToImU32(core::kInk), shown.c_str(), nullptr,
                  width - 2 * pad, &clip);
  }
  if (m_too_long && m_now_ms < m_too_long_until_ms) {
    // Over the preview's foot, so nothing below moves under a finger.
    ImFont* small = fonts.small;
    const char* warning = Tr("Une carte contient au plus 200 caractères : la suite n'a pas été ajoutée.");
    const float text_h = small->CalcTextSizeA(small->FontSize, FLT_MAX, width - 2 * pad, warning).y;
    const ImVec2 band(min.x, std::max(min.y, max.y - text_h - 2 * pad));
    draw->AddRectFilled(band, max, IM_COL32(0xfb, 0xfa, 0xf7, 0xf0), 12 * scale);
    draw->AddText(small, small->FontSize, ImVec2(band.x + pad, band.y + pad), IM_COL32(0xb3, 0x26, 0x1e, 0xff), warning,
                  nullptr, width - 2 * pad, &clip);
  }
}

void CardEditor::DrawColours(ImDrawList* draw, Controls& controls, std::string_view scope, const Fonts& fonts,
                             float scale) {
  const float rounding = ImGui::GetStyle().FrameRounding;
  for (std::size_t i = 0; i < core::kPalette.size() && i < m_colours.size(); ++i) {
    const core::CardColour& c = core::kPalette[i];
    const core::Rect& r = m_colours[i];
    std::string id(kColour);
    id += c.name;
    ImU32 fill = ToImU32(c.paper);
    if (m_taps.Pressed(id)) fill = ToImU32(core::Rgb{static_cast<std::uint8_t>(c.paper.r * 0.85f),
                                                     static_cast<std::uint8_t>(c.paper.g * 0.85f),
                                                     static_cast<std::uint8_t>(c.paper.b * 0.85f)});
    draw->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), fill, rounding);
    const std::string label = TrName(c.french_name);
    ImFont* small = fonts.small;
    const float font_size = FittingFontSize(small, label, r.w - 4 * scale);
    const ImVec2 size = small->CalcTextSizeA(font_size, FLT_MAX, 0, label.c_str());
    ImVec4 clip(r.x, r.y, r.x + r.w, r.y + r.h);
    draw->AddText(small, font_size, ImVec2(r.x + std::max(2 * scale, (r.w - size.x) / 2), r.y + (r.h - size.y) / 2),
                  colours::kInk, label.c_str(), nullptr, 0, &clip);
    controls.Record(label, r, scope);
    if (c.name == m_colour)
      draw->AddRect(ImVec2(r.x - 2 * scale, r.y - 2 * scale), ImVec2(r.x + r.w + 2 * scale, r.y + r.h + 2 * scale),
                    colours::kInk, rounding, 0, 5 * scale);
  }
}

}  // namespace atelier::ui
