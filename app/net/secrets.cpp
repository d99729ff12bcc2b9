#include "net/secrets.h"

#include <sodium.h>

#include <stdexcept>

namespace atelier::net {

namespace {

std::string Hex(const unsigned char* bytes, std::size_t n) {
  std::string hex(2 * n + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string NewSecret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");  // no randomness: nothing safe to do
  unsigned char bytes[kSecretHexDigits / 2];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool LooksLikeSecret(std::string_view s) {
  if (s.size() != kSecretHexDigits) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string PhoneIdOf(std::string_view cookie) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(cookie.data()), cookie.size(), nullptr, 0);
  return "p-" + Hex(hash, 6);
}

}  // namespace atelier::net
