// What the facilitator chose on the panel's Réglages page, done: applied to the running kiosk
// at once — translations, keyboard layout, idle delay, and the UI scale (the ImGui font atlas
// rebuilt at the new size between two frames) — and saved in atelier.conf, only the keys that
// changed, the person's comments and other lines kept (config_writer.h). Command-line options
// still win at the next start, as they did at this one.
#pragma once
#include <string>

#include "platform/config.h"
#include "platform/kiosk_sessions.h"
#include "platform/paths.h"
#include "ui/settings_page.h"

namespace atelier::platform {

struct SettingsTarget {
  Config& config;          // the kiosk's settings, updated
  const AppPaths& paths;   // the config file and the translations
  const std::string& font_path;
  float scale_auto;        // what the screen's size gives (UiScale without an override)
  LiveSessionSetup& setup; // fonts and board-screen config for this board and the next ones, updated
};

// Applies and saves wanted. Call between frames (after the swap, before the next NewFrame): the
// fonts may be rebuilt. Returns what could not be done, in French, fit to show (a read-only or
// full config folder: the change still holds until the kiosk stops); empty when all went well.
std::string ApplyKioskSettings(const ui::KioskSettings& wanted, SettingsTarget target);

// The largest UI scale whose panel and label keyboard (about 720 design pixels high) still fit
// a screen framebuffer_h pixels high.
float LargestUiScale(int framebuffer_h);

}  // namespace atelier::platform
