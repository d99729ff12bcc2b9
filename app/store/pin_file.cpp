#include "store/pin_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace atelier::store {

namespace fs = std::filesystem;

namespace {

// Writes text to file through a temporary file created 0600 (never readable by others, not even
// for a moment), synced, then renamed over file: a reader sees the old file or the new one.
core::Status WritePrivateFileAtomically(const fs::path& file, const std::string& text) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path temp = file.string() + ".new";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return core::Error{"cannot write " + temp.string() + ": " + std::strerror(errno)};
  ::fchmod(fd, 0600);  // a leftover temporary file may have had other rights
  bool ok = true;
  for (std::size_t done = 0; ok && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  const int saved_errno = errno;
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    fs::remove(temp, ec);
    return core::Error{"cannot write " + temp.string() + ": " + std::strerror(saved_errno)};
  }
  fs::rename(temp, file, ec);
  if (ec) return core::Error{"cannot replace " + file.string() + ": " + ec.message()};
  return core::Ok{};
}

}  // namespace

core::Result<std::string> HashPin(const std::string& pin) {
  if (sodium_init() < 0) return core::Error{"libsodium could not start"};
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return core::Error{"not enough memory to hash the PIN"};
  return std::string(out);
}

bool VerifyPin(const std::string& hash, const std::string& pin) {
  if (sodium_init() < 0 || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

fs::path PinFilePath(const fs::path& config_dir) { return config_dir / "pin"; }

std::optional<std::string> LoadPinHash(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  if (line.empty()) return std::nullopt;
  return line;
}

core::Status SavePinHash(const fs::path& file, const std::string& hash) {
  return WritePrivateFileAtomically(file, hash + "\n");  // only the kiosk's user may read even the hash
}

fs::path PinLockoutPath(const fs::path& config_dir) { return config_dir / "pin-lockout"; }

core::PinGuardState LoadPinLockout(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > 4096) return {};  // not ours
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return {};
  auto whole = [&](const char* key, std::int64_t lowest, std::int64_t highest) -> std::optional<std::int64_t> {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    const std::int64_t v = it->get<std::int64_t>();
    if (v < lowest || v > highest) return std::nullopt;
    return v;
  };
  const auto failures = whole("failures", 0, core::kPinTriesBeforeLock - 1);
  const auto locks = whole("locks", 0, 1'000'000);
  const auto until = whole("locked_until_ms", 0, INT64_MAX);
  if (!failures || !locks || !until) return {};  // garbled: as if there were no failures
  return {.failures = static_cast<int>(*failures), .locks = static_cast<int>(*locks), .locked_until_wall_ms = *until};
}

core::Status SavePinLockout(const fs::path& file, const core::PinGuardState& state) {
  const nlohmann::json j = {{"failures", state.failures},
                            {"locks", state.locks},
                            {"locked_until_ms", state.locked_until_wall_ms}};
  return WritePrivateFileAtomically(file, j.dump() + "\n");
}

}  // namespace atelier::store
