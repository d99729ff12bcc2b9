// The kiosk's settings file ($XDG_CONFIG_HOME/atelier/atelier.conf, see docs/configuration.md):
// plain `key = value` lines, `#` comments. Command-line options override it. A missing file
// means defaults; a bad line is reported and skipped, never fatal.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/deck.h"

namespace atelier::platform {

struct Config {
  std::string lang = "fr";                   // fr | en
  std::string keyboard = "azerty";           // azerty | qwerty
  std::string template_name = "usages-impacts";
  std::optional<float> ui_scale;             // overrides the scale derived from the screen
  std::optional<int> screen_width_mm;        // for screens that report a wrong physical size
  std::string font;                          // fontconfig pattern; empty = Andika, then DejaVu Sans
  std::string sessions_dir;                  // empty = $XDG_DATA_HOME/atelier/sessions
  int idle_delay_s = 180;                    // quiet seconds before the invitation; 0 = never
  core::DeckMode deck_mode = core::DeckMode::Consume;  // deck_mode = keep | consume
  std::string pin_hash;                      // from `atelier --hash-pin`; empty = none here
  int phones_port = 0;                       // the phone server's port (docs/phones.md); 0 = off
  bool phones_inbox = false;                 // phones_moderation = board | inbox
  bool phones_inbox_anyone = false;          // phones_inbox_access = pin | anyone
  std::string wifi_name, wifi_password;      // the venue's Wi-Fi, for the Téléphones page's QR code
  bool phones_board_qr = false;              // phones_board_qr = yes: the phones' QR code on the board
};

// A line the loader skipped, for `atelier doctor` to explain in the interface language.
struct IgnoredLine {
  enum class Why { NotKeyValue, UnknownKey, WrongValue, NotANumber };
  int line = 0;  // 1-based
  Why why = Why::NotKeyValue;
  std::string key;    // empty for NotKeyValue
  std::string value;  // for NotKeyValue: the whole line
};

struct ConfigLoad {
  Config config;
  std::vector<std::string> warnings;  // English, "atelier.conf:3: unknown key \"foo\""
  std::vector<IgnoredLine> ignored;   // the same lines, one each, in order
};

// The keys ParseConfig knows (docs/configuration.md).
bool IsConfigKey(const std::string& key);

ConfigLoad LoadConfig(const std::filesystem::path& file);
ConfigLoad ParseConfig(const std::string& text, const std::string& source_name);

}  // namespace atelier::platform
