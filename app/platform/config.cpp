#include "platform/config.h"

#include <fstream>
#include <sstream>

namespace atelier::platform {

namespace {

std::string Trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

// Keep in step with ParseConfig below (and docs/configuration.md).
bool IsConfigKey(const std::string& key) {
  for (const char* known : {"lang", "keyboard", "template", "ui_scale", "screen_width_mm", "font", "sessions_dir",
                            "idle_delay_s", "pin_hash", "deck_mode", "phones_port", "phones_moderation",
                            "phones_inbox_access", "wifi_name", "wifi_password", "phones_board_qr"})
    if (key == known) return true;
  return false;
}

ConfigLoad ParseConfig(const std::string& text, const std::string& source_name) {
  ConfigLoad out;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    auto warn = [&](const std::string& what, IgnoredLine ignored) {
      out.warnings.push_back(source_name + ":" + std::to_string(number) + ": " + what);
      ignored.line = number;
      out.ignored.push_back(std::move(ignored));
    };
    auto eq = line.find('=');
    if (eq == std::string::npos) {
      warn("expected `key = value`", {.why = IgnoredLine::Why::NotKeyValue, .value = line});
      continue;
    }
    std::string key = Trim(line.substr(0, eq));
    std::string value = Trim(line.substr(eq + 1));
    Config& c = out.config;
    try {
      if (key == "lang" && (value == "fr" || value == "en"))
        c.lang = value;
      else if (key == "keyboard" && (value == "azerty" || value == "qwerty"))
        c.keyboard = value;
      else if (key == "template" && !value.empty())
        c.template_name = value;
      else if (key == "ui_scale")
        c.ui_scale = std::stof(value);
      else if (key == "screen_width_mm")
        c.screen_width_mm = std::stoi(value);
      else if (key == "font")
        c.font = value;
      else if (key == "sessions_dir" && !value.empty())
        c.sessions_dir = value;
      else if (key == "idle_delay_s" && std::stoi(value) >= 0)
        c.idle_delay_s = std::stoi(value);
      else if (key == "pin_hash" && value.starts_with("$argon2"))
        c.pin_hash = value;
      else if (key == "deck_mode" && core::ParseDeckMode(value))
        c.deck_mode = *core::ParseDeckMode(value);
      else if (key == "phones_port" && std::stoi(value) >= 0 && std::stoi(value) <= 65535)
        c.phones_port = std::stoi(value);
      else if (key == "phones_moderation" && (value == "board" || value == "inbox"))
        c.phones_inbox = value == "inbox";
      else if (key == "phones_inbox_access" && (value == "pin" || value == "anyone"))
        c.phones_inbox_anyone = value == "anyone";
      else if (key == "wifi_name")  // the Téléphones page's Wi-Fi QR code (docs/phones.md)
        c.wifi_name = value;
      else if (key == "wifi_password")
        c.wifi_password = value;
      else if (key == "phones_board_qr" && (value == "yes" || value == "no"))
        c.phones_board_qr = value == "yes";
      else
        warn("unknown key or bad value \"" + key + " = " + value + "\"",
             {.why = IsConfigKey(key) ? IgnoredLine::Why::WrongValue : IgnoredLine::Why::UnknownKey,
              .key = key,
              .value = value});
    } catch (const std::exception&) {
      warn("\"" + value + "\" is not a number", {.why = IgnoredLine::Why::NotANumber, .key = key, .value = value});
    }
  }
  return out;
}

ConfigLoad LoadConfig(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), file.filename().string());
}

}  // namespace atelier::platform
