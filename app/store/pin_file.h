// The facilitator's PIN at rest: never in clear, only as a salted, slow, memory-hard hash —
// libsodium's crypto_pwhash_str (Argon2id, "interactive" limits: 2 passes over 64 MiB, about
// 0.1 s on a PC and under a second on a Raspberry Pi 4). Why libsodium rather than OpenSSL's
// PBKDF2: Argon2id is memory-hard (GPUs gain little on it), and the stored string carries the
// algorithm, its limits and the salt, so verification needs nothing else and stronger limits can
// come later without a format change. Why it matters though a PIN has few digits: someone who
// copies the config folder should still need real work per guess; on the kiosk, the pad's
// lock-out (core/pin_guard.h) is what stops guessing.
//
// The hash lives in its own file, <config dir>/pin (mode 0600), one line "$argon2id$…", written
// atomically (temporary file + rename). `atelier --set-pin` writes it; so does the kiosk when
// the facilitator chooses a PIN at first start or changes it in the panel.
//
// Beside it, <config dir>/pin-lockout keeps the pad's lock-out (core/pin_guard.h) across
// restarts: one JSON line {"failures":…,"locks":…,"locked_until_ms":…} (Unix ms, 0 when not
// locked), mode 0600, written atomically and synced after every wrong or right PIN.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/pin_guard.h"

namespace atelier::store {

// The hash of pin (a new random salt each time), or an Error (English) when libsodium cannot
// start or memory is short.
core::Result<std::string> HashPin(const std::string& pin);
// True when pin matches hash (constant time); false for a wrong PIN or a malformed hash.
bool VerifyPin(const std::string& hash, const std::string& pin);

std::filesystem::path PinFilePath(const std::filesystem::path& config_dir);
// The stored hash; nullopt when no PIN was ever chosen (no file, or an empty one).
std::optional<std::string> LoadPinHash(const std::filesystem::path& file);
core::Status SavePinHash(const std::filesystem::path& file, const std::string& hash);

std::filesystem::path PinLockoutPath(const std::filesystem::path& config_dir);
// The saved lock-out. No file, an unreadable or garbled one: a fresh state (no failures) —
// never an error, never a crash. Counts are only range-checked here; core::PinGuard::Import
// decides how much of a saved lock to trust.
core::PinGuardState LoadPinLockout(const std::filesystem::path& file);
core::Status SavePinLockout(const std::filesystem::path& file, const core::PinGuardState& state);

}  // namespace atelier::store
