#include "store/pin_file.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>

namespace atelier::store {

namespace fs = std::filesystem;

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
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path temp = file.string() + ".new";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << hash << "\n";
    out.flush();
    if (!out) return core::Error{"cannot write " + temp.string()};
  }
  ::chmod(temp.c_str(), 0600);  // only the kiosk's user may read even the hash
  fs::rename(temp, file, ec);
  if (ec) return core::Error{"cannot replace " + file.string() + ": " + ec.message()};
  return core::Ok{};
}

}  // namespace atelier::store
