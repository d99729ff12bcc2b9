// Deploying a PIN through the config file: `atelier --hash-pin` prints a pin_hash line (the PIN
// itself is written nowhere), and a kiosk whose atelier.conf holds that line opens its panel
// with that PIN — and with no other.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_support.h"
#include "store/pin_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

std::vector<json> PanelWithPin(const std::string& pin) {
  std::vector<json> lines{{{"t", 300}, {"down", {{"x", 30}, {"y", 30}}}}, {{"t", 3600}, {"up", {{"x", 30}, {"y", 30}}}}};
  int t = 3900;
  for (char digit : pin) lines.push_back({{"t", t += 150}, {"tap", {{"label", std::string(1, digit)}}}});
  lines.push_back({{"t", t += 150}, {"tap", {{"label", "Valider"}}}});
  lines.push_back({{"t", t += 500}, {"tap", {{"label", "Fermer le panneau"}}}});  // only there once in
  return lines;
}

TEST(PinSetup, AHashPrintedByTheCommandLineOpensThePanelFromTheConfigFile) {
  auto dir = FreshDir("pin-setup");
  e2e::Run hashed = RunProgram({"/bin/sh", "-c", std::string("printf '1357\\n' | ") + ATELIER_BINARY + " --hash-pin"});
  ASSERT_EQ(hashed.exit_code, 0) << hashed.stderr_text;
  ASSERT_EQ(hashed.stdout_text.rfind("pin_hash = $argon2id$", 0), 0u) << hashed.stdout_text;
  EXPECT_EQ(hashed.stdout_text.find("1357"), std::string::npos);
  std::string hash = hashed.stdout_text.substr(std::string("pin_hash = ").size());
  hash.erase(hash.find_last_not_of("\n") + 1);
  EXPECT_TRUE(store::VerifyPin(hash, "1357"));

  std::filesystem::create_directories(dir / "config/atelier");
  std::ofstream(dir / "config/atelier/atelier.conf") << "# deployed to every kiosk\n" << hashed.stdout_text;
  const std::string config = "XDG_CONFIG_HOME=" + (dir / "config").string();

  e2e::Run in = RunAtelier({"--size", "1280x720", "--input-script", WriteScript(dir, "right.jsonl", PanelWithPin("1357")).string(),
                       "--quit-after-script"},
                      120, {config});
  EXPECT_EQ(in.exit_code, 0) << in.stderr_text;
  e2e::Run out = RunAtelier({"--size", "1280x720", "--input-script", WriteScript(dir, "wrong.jsonl", PanelWithPin("2468")).string(),
                        "--quit-after-script"},
                       120, {config});
  EXPECT_EQ(out.exit_code, 3) << out.stderr_text;  // a wrong PIN: the panel never opened
  EXPECT_NE(out.stderr_text.find("no control labelled \"Fermer le panneau\""), std::string::npos) << out.stderr_text;
  EXPECT_FALSE(std::filesystem::exists(dir / "config/atelier/pin"));  // nothing chosen, nothing written
}

}  // namespace
}  // namespace atelier::e2e
