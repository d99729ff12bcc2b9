#include "ui/settings_page.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>

#include "core/touch_scale.h"
#include "ui/i18n.h"
#include "ui/phone_inbox.h"

namespace atelier::ui {

namespace {

std::string Delay(int seconds) {
  if (seconds <= 0) return Tr("jamais");
  if (seconds % 60) return Tr("{1} s", {std::to_string(seconds)});
  return Tr("{1} min", {std::to_string(seconds / 60)});
}

}  // namespace

SettingsPage::Ask SettingsPage::Draw(Controls& controls, const Fonts& fonts, float s, float w,
                                     const SettingsView& view) {
  Ask ask = Ask::None;
  const KioskSettings& now = view.now;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float button_h = core::kBaseTargetPx * s;
  const float caption_h = fonts.body->FontSize;
  // Each setting: its caption above its buttons when all five fit so (1080p); on a shorter
  // panel, the caption on the left of the buttons, and a page at a time if even that is too tall.
  const float stacked_h = caption_h + 4 * s + button_h + 10 * s, inline_h = button_h + 8 * s;
  const std::string said = !view.problem.empty() ? view.problem : m_note;
  const std::string footer = !said.empty() ? said : std::string(Tr("Les réglages valent aussitôt et sont gardés."));
  const float footer_h = fonts.small->CalcTextSizeA(fonts.small->FontSize, FLT_MAX, w, footer.c_str()).y;
  const float rows_h = ImGui::GetContentRegionAvail().y - footer_h - gap;
  constexpr std::size_t kGroups = 7;
  const bool stacked = kGroups * stacked_h <= rows_h;
  const float group_h = stacked ? stacked_h : inline_h;
  const float caption_w = stacked ? 0 : std::round(w * 0.25f);
  auto row_w = [&](int n) { return (w - caption_w - (n - 1) * gap) / n; };
  auto change = [&](const std::function<void(KioskSettings&)>& edit) {
    m_wanted = now;
    edit(m_wanted);
    m_note.clear();
    if (!(m_wanted == now)) ask = Ask::Change;
  };
  // A setting's name: the long one above its buttons, a short one beside them.
  auto caption = [&](const std::string& long_text, const std::string& short_text) {
    if (stacked) {
      ImGui::PushFont(fonts.body);
      ImGui::TextUnformatted(long_text.c_str());
      ImGui::PopFont();
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() - gap + 4 * s);
      return;
    }
    const std::string& text = short_text;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImFont* font = fonts.small;
    const float h = font->CalcTextSizeA(font->FontSize, FLT_MAX, caption_w - 8 * s, text.c_str()).y;
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(at.x, at.y + std::max(0.0f, (button_h - h) / 2)),
                                        colours::kInk, text.c_str(), nullptr, caption_w - 8 * s);
    ImGui::SetCursorScreenPos(ImVec2(at.x + caption_w, at.y));
  };
  auto choice = [&](const std::string& label, bool chosen, int n) {
    const float bw = row_w(n);
    ImFont* font = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, label.c_str()).x < bw - 12 * s
                       ? fonts.body
                       : fonts.small;
    return controls.Button(label.c_str(), ImVec2(bw, button_h), chosen ? ButtonLook::Primary : ButtonLook::Plain, font);
  };

  auto moderation = [&](ModerationSwitch which) {
    KioskSettings wanted = now;
    if (DrawModerationSwitch(controls, fonts, s, w, which, wanted))
      change([&](KioskSettings& k) { k.phones_inbox = wanted.phones_inbox, k.phones_inbox_anyone = wanted.phones_inbox_anyone; });
  };

  const std::function<void()> groups[] = {
      [&] {
        caption(Tr("Langue"), Tr("Langue"));
        // Each language is named in itself: someone who does not read the other finds theirs.
        if (choice("Français", now.lang == "fr", 2)) change([](KioskSettings& k) { k.lang = "fr"; });
        ImGui::SameLine();
        if (choice("English", now.lang == "en", 2)) change([](KioskSettings& k) { k.lang = "en"; });
      },
      [&] {
        caption(Tr("Clavier à l'écran"), Tr("Clavier"));
        using input::KeyboardLayout;
        if (choice("AZERTY", now.keyboard == KeyboardLayout::Azerty, 2))
          change([](KioskSettings& k) { k.keyboard = KeyboardLayout::Azerty; });
        ImGui::SameLine();
        if (choice("QWERTY", now.keyboard == KeyboardLayout::Qwerty, 2))
          change([](KioskSettings& k) { k.keyboard = KeyboardLayout::Qwerty; });
      },
      [&] {
        const bool listed = std::find(std::begin(kIdleChoicesS), std::end(kIdleChoicesS), now.idle_delay_s) !=
                            std::end(kIdleChoicesS);
        caption(listed ? std::string(Tr("Inviter à toucher l'écran après"))
                       : Tr("Inviter à toucher l'écran après (maintenant : {1})", {Delay(now.idle_delay_s)}),
                listed ? std::string(Tr("Invitation")) : Tr("Invitation ({1})", {Delay(now.idle_delay_s)}));
        const int n = static_cast<int>(std::size(kIdleChoicesS));
        for (int i = 0; i < n; ++i) {
          if (i) ImGui::SameLine();
          const int delay = kIdleChoicesS[i];
          if (choice(Delay(delay) + "##idle", now.idle_delay_s == delay, n))
            change([delay](KioskSettings& k) { k.idle_delay_s = delay; });
        }
      },
      [&] {
        const float current = now.ui_scale.value_or(view.scale_auto);
        const int percent = core::UiScalePercent(current, view.scale_auto);
        caption(now.ui_scale ? Tr("Taille des boutons et du texte : {1} %", {std::to_string(percent)})
                             : Tr("Taille des boutons et du texte : automatique ({1} %)", {std::to_string(percent)}),
                Tr("Taille : {1} %", {std::to_string(percent)}));
        const float smaller = core::StepUiScale(current, view.scale_auto, -1, view.scale_largest);
        const float bigger = core::StepUiScale(current, view.scale_auto, +1, view.scale_largest);
        if (choice(Tr("Plus petit"), false, 3)) {
          if (smaller == current) m_note = Tr("C'est la plus petite taille possible.");
          else change([smaller](KioskSettings& k) { k.ui_scale = smaller; });
          m_pager.ShowRow(3);  // the new size may page the list: keep these buttons in sight
        }
        ImGui::SameLine();
        if (choice(Tr("Plus grand"), false, 3)) {
          if (bigger == current) m_note = Tr("C'est la plus grande taille qui tient sur cet écran.");
          else change([bigger](KioskSettings& k) { k.ui_scale = bigger; });
          m_pager.ShowRow(3);
        }
        ImGui::SameLine();
        if (choice(Tr("Automatique"), !now.ui_scale, 3)) {
          change([](KioskSettings& k) { k.ui_scale.reset(); });
          m_pager.ShowRow(3);
        }
      },
      [&] {
        caption(Tr("Code du panneau d'animation"), Tr("Code"));
        if (controls.Button(Tr("Changer le code"), ImVec2(w - caption_w, button_h), ButtonLook::Plain, fonts.large))
          ask = Ask::ChangePin;
      },
      [&] { moderation(ModerationSwitch::WhereCardsGo); },  // ui/phone_inbox.h
      [&] { moderation(ModerationSwitch::WhoOpensInbox); },
  };

  static_assert(std::size(groups) == kGroups);
  RowPager::Range range = m_pager.Layout(kGroups, group_h, rows_h, button_h + gap);
  for (std::size_t i = range.first; i < range.end; ++i) {
    const float top = ImGui::GetCursorPosY();
    groups[i]();
    ImGui::SetCursorPosY(top + group_h);
  }
  m_pager.DrawButtons(controls, fonts, s, w);
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - footer_h - gap));
  ImGui::PushFont(fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, !said.empty() ? colours::kDanger : colours::kInkSoft);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
  ImGui::TextUnformatted(footer.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  return ask;
}

}  // namespace atelier::ui
