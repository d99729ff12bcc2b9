// The facilitator panel's "Réglages" page: language (français / English), on-screen keyboard
// (AZERTY / QWERTY), how long the board waits before its invitation, the size of buttons and
// text (in 10 % steps, or automatic from the screen), and the panel's code. The page only
// asks: the platform applies a change at once and saves it in atelier.conf, then hands back
// what it could not do (a read-only folder …) to be shown here.
#pragma once
#include <optional>
#include <string>

#include "input/keyboard_layout.h"
#include "ui/controls.h"
#include "ui/row_pager.h"
#include "ui/theme.h"

namespace atelier::ui {

// The settings the facilitator can change on the kiosk (atelier.conf: lang, keyboard,
// idle_delay_s, ui_scale, phones_moderation, phones_inbox_access).
struct KioskSettings {
  std::string lang = "fr";  // "fr" | "en"
  input::KeyboardLayout keyboard = input::KeyboardLayout::Azerty;
  int idle_delay_s = 180;          // 0: never
  std::optional<float> ui_scale;   // none: automatic, from the screen's size
  bool phones_inbox = false;        // phones_moderation = inbox: phone cards wait in the inbox
  bool phones_inbox_anyone = false; // phones_inbox_access = anyone: the inbox opens without the PIN
  bool operator==(const KioskSettings&) const = default;
};

// What the page shows besides the settings themselves.
struct SettingsView {
  KioskSettings now;
  float scale_auto = 1;     // what "automatique" gives on this screen
  float scale_largest = 4;  // the largest size whose panel and keyboard still fit the screen
  std::string problem;      // French: the last change could not be saved (or applied)
};

class SettingsPage {
 public:
  enum class Ask { None, Change, ChangePin };

  void Leave() { m_note.clear(); }
  // Draws the page in the panel's child window (w wide, the rest of its height); on Change,
  // wanted() holds the settings asked for.
  Ask Draw(Controls& controls, const Fonts& fonts, float scale, float w, const SettingsView& view);
  const KioskSettings& wanted() const { return m_wanted; }

 private:
  RowPager m_pager;
  KioskSettings m_wanted;
  std::string m_note;  // why "Plus grand" / "Plus petit" did nothing
};

// The delays the page offers, in seconds (0: never).
inline constexpr int kIdleChoicesS[] = {0, 60, 180, 300, 600};

}  // namespace atelier::ui
