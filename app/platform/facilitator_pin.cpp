#include "platform/facilitator_pin.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>

#include "core/pin_guard.h"
#include "store/pin_file.h"
#include "store/wall_time.h"

namespace atelier::platform {

FilePinKeeper::FilePinKeeper(std::filesystem::path file, std::string config_hash)
    : m_file(std::move(file)),
      m_lockout_file(store::PinLockoutPath(m_file.parent_path())),
      m_config_hash(std::move(config_hash)) {}

void FilePinKeeper::RestoreGuard(core::PinGuard& guard, std::int64_t now_ms) const {
  guard.Import(store::LoadPinLockout(m_lockout_file), now_ms, store::WallNowMs());
}

void FilePinKeeper::SaveGuard(const core::PinGuard& guard, std::int64_t now_ms) {
  core::Status saved = store::SavePinLockout(m_lockout_file, guard.Export(now_ms, store::WallNowMs()));
  if (!saved.ok()) std::fprintf(stderr, "atelier: PIN lock-out not kept: %s\n", saved.error().message.c_str());
}

bool FilePinKeeper::HasPin() const { return store::LoadPinHash(m_file).has_value() || !m_config_hash.empty(); }

bool FilePinKeeper::Check(const std::string& pin) const {
  // A PIN changed on the kiosk (the file) wins over the one the config file was deployed with.
  auto hash = store::LoadPinHash(m_file);
  if (!hash && !m_config_hash.empty()) hash = m_config_hash;
  return hash && store::VerifyPin(*hash, pin);
}

core::Status FilePinKeeper::Choose(const std::string& pin) {
  if (!core::PinLooksValid(pin.c_str())) return core::Error{"Le code doit avoir de 4 à 8 chiffres."};
  auto hash = store::HashPin(pin);
  if (!hash.ok()) return core::Error{"Le code n'a pas pu être enregistré (" + hash.error().message + ")."};
  core::Status saved = store::SavePinHash(m_file, *hash);
  if (!saved.ok()) return core::Error{"Le code n'a pas pu être enregistré (" + saved.error().message + ")."};
  return core::Ok{};
}

namespace {

std::string ReadLine(const char* prompt, bool terminal) {
  if (terminal) std::fprintf(stderr, "%s", prompt);
  termios old{};
  if (terminal) {
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace

// The new PIN's hash, the PIN read from the terminal (twice) or a pipe; nothing (and a line on
// stderr) when it is not 4 to 8 digits, the two differ, or hashing fails.
std::optional<std::string> ReadNewPinHash() {
  const bool terminal = isatty(STDIN_FILENO);
  std::string pin = ReadLine("New facilitator PIN (4 to 8 digits): ", terminal);
  if (!core::PinLooksValid(pin.c_str())) {
    std::fprintf(stderr, "atelier: a PIN is 4 to 8 digits\n");
    return std::nullopt;
  }
  if (terminal && ReadLine("Again: ", terminal) != pin) {
    std::fprintf(stderr, "atelier: the two PINs differ; nothing changed\n");
    return std::nullopt;
  }
  auto hash = store::HashPin(pin);
  if (!hash.ok()) {
    std::fprintf(stderr, "atelier: %s\n", hash.error().message.c_str());
    return std::nullopt;
  }
  return *hash;
}

int PrintPinHash() {
  auto hash = ReadNewPinHash();
  if (!hash) return 1;
  std::printf("pin_hash = %s\n", hash->c_str());
  return 0;
}

int SetPinFromTerminal(const std::filesystem::path& pin_file) {
  auto hash = ReadNewPinHash();
  if (!hash) return 1;
  core::Status saved = store::SavePinHash(pin_file, *hash);
  if (!saved.ok()) {
    std::fprintf(stderr, "atelier: %s\n", saved.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "atelier: PIN saved (as a salted hash) in %s\n", pin_file.c_str());
  std::error_code ec;  // a new PIN from the terminal: the pad's lock-out starts again
  std::filesystem::remove(store::PinLockoutPath(pin_file.parent_path()), ec);
  return 0;
}

}  // namespace atelier::platform
