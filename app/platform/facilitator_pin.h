// The facilitator's PIN on this machine: the PIN pad's keeper (checks and saves through
// store/pin_file.h, in the config folder beside atelier.conf) and `atelier --set-pin`, which
// sets it from a terminal or a deployment script. See docs/configuration.md.
#pragma once
#include <filesystem>
#include <string>

#include "ui/pin_pad.h"

namespace atelier::platform {

class FilePinKeeper final : public ui::PinKeeper {
 public:
  explicit FilePinKeeper(std::filesystem::path file) : m_file(std::move(file)) {}
  bool HasPin() const override;
  bool Check(const std::string& pin) const override;
  core::Status Choose(const std::string& pin) override;

 private:
  std::filesystem::path m_file;
};

// Reads a PIN from standard input (asked twice, not echoed, on a terminal; one line from a
// pipe), and saves its hash. Exit code 0, or 1 with one English line on stderr.
int SetPinFromTerminal(const std::filesystem::path& pin_file);

}  // namespace atelier::platform
