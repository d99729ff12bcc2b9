// Getting past the facilitator's PIN in end-to-end scripts: a config folder with a known PIN,
// and the script lines of the 3-second corner press + PIN that open the panel (and from there
// the sessions screen, which is behind the PIN).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "e2e_support.h"
#include "store/pin_file.h"

namespace atelier::e2e {

inline constexpr const char* kTestPin = "2468";

// "XDG_CONFIG_HOME=…" for RunAtelier's extra_env: a config folder whose PIN is kTestPin.
inline std::string ConfigWithPin() {
  auto config = FreshDir("config-with-pin");
  auto hash = store::HashPin(kTestPin);
  if (hash.ok()) (void)store::SavePinHash(store::PinFilePath(config / "atelier"), *hash);
  return "XDG_CONFIG_HOME=" + config.string();
}

// Appends, from time t, the press on the corner mark and the PIN; returns the time after them.
inline int EnterPanelLines(std::vector<nlohmann::json>& lines, int t) {
  lines.push_back({{"t", t}, {"down", {{"x", 30}, {"y", 30}}}});
  t += 3300;
  lines.push_back({{"t", t}, {"up", {{"x", 30}, {"y", 30}}}});
  t += 300;
  for (const char* digit : {"2", "4", "6", "8"}) {
    lines.push_back({{"t", t}, {"tap", {{"label", digit}}}});
    t += 150;
  }
  lines.push_back({{"t", t}, {"tap", {{"label", "Valider"}}}});
  return t + 400;
}

// The same, then the panel's Séance page and its button to the sessions screen.
inline int OpenSessionsScreenLines(std::vector<nlohmann::json>& lines, int t) {
  t = EnterPanelLines(lines, t);
  lines.push_back({{"t", t}, {"tap", {{"label", "Séance"}}}});
  t += 200;
  lines.push_back({{"t", t}, {"tap", {{"label", "Séances : nouvelle, renommer, ouvrir, exporter"}}}});
  return t + 400;
}

}  // namespace atelier::e2e
