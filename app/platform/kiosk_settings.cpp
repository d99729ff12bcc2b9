#include "platform/kiosk_settings.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>

#include "platform/config_writer.h"
#include "ui/i18n.h"
#include "ui/theme.h"

namespace atelier::platform {

float LargestUiScale(int framebuffer_h) { return std::clamp(framebuffer_h / 720.0f, 0.5f, 4.0f); }

std::string ApplyKioskSettings(const ui::KioskSettings& wanted, SettingsTarget target) {
  Config& config = target.config;
  ui::BoardScreenConfig& screen = target.setup.screen;
  ConfigChanges changes;
  std::string problem;

  if (wanted.lang != config.lang) {
    config.lang = screen.lang = wanted.lang;
    ui::InitTranslations(config.lang, target.paths.locale_dir.string());  // Tr() answers in it from now on
    changes.emplace_back("lang", config.lang);
  }
  if (wanted.keyboard != screen.keyboard) {
    screen.keyboard = wanted.keyboard;
    config.keyboard = std::string(input::KeyboardLayoutName(wanted.keyboard));
    changes.emplace_back("keyboard", config.keyboard);
  }
  if (wanted.idle_delay_s != config.idle_delay_s) {
    config.idle_delay_s = std::max(0, wanted.idle_delay_s);
    screen.idle_ms = static_cast<std::int64_t>(config.idle_delay_s) * 1000;
    changes.emplace_back("idle_delay_s", std::to_string(config.idle_delay_s));
  }
  if (wanted.phones_inbox != config.phones_inbox) {  // the phone server reads it from the screen
    config.phones_inbox = screen.phones_inbox = wanted.phones_inbox;
    changes.emplace_back("phones_moderation", config.phones_inbox ? "inbox" : "board");
  }
  if (wanted.phones_inbox_anyone != config.phones_inbox_anyone) {
    config.phones_inbox_anyone = screen.phones_inbox_anyone = wanted.phones_inbox_anyone;
    changes.emplace_back("phones_inbox_access", config.phones_inbox_anyone ? "anyone" : "pin");
  }
  if (wanted.ui_scale != screen.ui_scale_setting) {
    const float scale = wanted.ui_scale ? std::clamp(*wanted.ui_scale, 0.5f, 4.0f) : target.scale_auto;
    // Fonts are baked into ImGui's atlas at one size: rebuild it (and its GL texture) at the new one.
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    auto fonts = ui::LoadFonts(target.font_path, scale);
    if (fonts.ok()) {
      target.setup.fonts = fonts.value();
      screen.ui_scale = scale;
      screen.ui_scale_setting = wanted.ui_scale;
      config.ui_scale = wanted.ui_scale;
      changes.emplace_back("ui_scale", wanted.ui_scale ? std::optional(FormatConfigNumber(scale)) : std::nullopt);
    } else {
      std::fprintf(stderr, "atelier: %s\n", fonts.error().message.c_str());
      auto back = ui::LoadFonts(target.font_path, screen.ui_scale);  // the size that worked a moment ago
      if (back.ok()) target.setup.fonts = back.value();
      problem = ui::Tr("La nouvelle taille n'a pas pu être appliquée.");
    }
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::ApplyTheme(screen.ui_scale);
  }

  if (!changes.empty()) {
    core::Status saved = SaveConfigChanges(target.paths.config_file, changes);
    if (!saved.ok()) {
      std::fprintf(stderr, "atelier: settings not saved: %s\n", saved.error().message.c_str());
      problem += (problem.empty() ? "" : " ") + saved.error().message + " " +
                 ui::Tr("Le réglage vaut jusqu'à l'arrêt de la borne.");
    } else {
      for (const auto& [key, value] : changes)
        std::fprintf(stderr, "atelier: %s: %s = %s\n", target.paths.config_file.c_str(), key.c_str(),
                     value ? value->c_str() : "(default)");
    }
  }
  return problem;
}

}  // namespace atelier::platform
