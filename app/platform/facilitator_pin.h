// The facilitator's PIN on this machine: the PIN pad's keeper (checks and saves through
// store/pin_file.h, in the config folder beside atelier.conf, and keeps the pad's lock-out in
// pin-lockout next to it) and `atelier --set-pin`, which sets it from a terminal or a
// deployment script. See docs/configuration.md.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "ui/pin_pad.h"

namespace atelier::platform {

class FilePinKeeper final : public ui::PinKeeper {
 public:
  // file: the PIN's hash (store::PinFilePath); the lock-out goes beside it (store::PinLockoutPath).
  // config_hash: `pin_hash` from atelier.conf (a deployment's PIN), used while file has none.
  explicit FilePinKeeper(std::filesystem::path file, std::string config_hash = {});
  bool HasPin() const override;
  bool Check(const std::string& pin) const override;
  core::Status Choose(const std::string& pin) override;
  void RestoreGuard(core::PinGuard& guard, std::int64_t now_ms) const override;
  // Writes the lock-out at once (a failure to write is reported on stderr; the pad goes on with
  // the count in memory).
  void SaveGuard(const core::PinGuard& guard, std::int64_t now_ms) override;

 private:
  std::filesystem::path m_file;
  std::filesystem::path m_lockout_file;
  std::string m_config_hash;
};

// Reads a PIN from standard input (asked twice, not echoed, on a terminal; one line from a
// pipe), and saves its hash. Whoever can run this may also start the lock-out again: it removes
// a lock of the pad. Exit code 0, or 1 with one English line on stderr.
int SetPinFromTerminal(const std::filesystem::path& pin_file);
// `atelier --hash-pin`: the same reading, then prints "pin_hash = $argon2id$…" for atelier.conf
// (one config file, the same PIN on every kiosk; the PIN itself is written nowhere).
int PrintPinHash();

}  // namespace atelier::platform
