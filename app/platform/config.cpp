#include "platform/config.h"

#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

namespace atelier::platform {

namespace {

std::string Trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The whole of value as a number: "1.5abc" or "8080 ports" is none (std::stof took their start).
template <class Number>
std::optional<Number> WholeNumber(const std::string& value) {
  Number n{};
  const char* end = value.data() + value.size();
  auto [stop, error] = std::from_chars(value.data(), end, n);
  if (error != std::errc() || stop != end) return std::nullopt;
  return n;
}

bool IsNumberKey(const std::string& key) {
  return key == "ui_scale" || key == "screen_width_mm" || key == "idle_delay_s" || key == "phones_port";
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
    // Numbers are read whole, then their range checked (docs/configuration.md gives both).
    const std::optional<double> real = WholeNumber<double>(value);
    const std::optional<int> whole = WholeNumber<int>(value);
    if (IsNumberKey(key) && !real) {
      warn("\"" + value + "\" is not a number", {.why = IgnoredLine::Why::NotANumber, .key = key, .value = value});
      continue;
    }
    if (key == "lang" && (value == "fr" || value == "en"))
      c.lang = value;
    else if (key == "keyboard" && (value == "azerty" || value == "qwerty"))
      c.keyboard = value;
    else if (key == "template" && !value.empty())
      c.template_name = value;
    else if (key == "ui_scale" && *real >= 0.5 && *real <= 4)
      c.ui_scale = static_cast<float>(*real);
    else if (key == "screen_width_mm" && whole && *whole >= 50 && *whole <= 20000)
      c.screen_width_mm = *whole;
    else if (key == "font")
      c.font = value;
    else if (key == "sessions_dir" && !value.empty())
      c.sessions_dir = value;
    else if (key == "idle_delay_s" && whole && *whole >= 0)
      c.idle_delay_s = *whole;
    else if (key == "pin_hash" && value.starts_with("$argon2"))
      c.pin_hash = value;
    else if (key == "deck_mode" && core::ParseDeckMode(value))
      c.deck_mode = *core::ParseDeckMode(value);
    else if (key == "phones_port" && whole && *whole >= 0 && *whole <= 65535)
      c.phones_port = *whole;
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
