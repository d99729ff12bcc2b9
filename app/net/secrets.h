// The phone server's secrets: session tokens and phone cookies are 128 random bits from
// libsodium, written as 32 lowercase hex digits; tokens are compared in constant time; the
// journal keeps only a phone's anonymous id, a hash of its cookie, never the cookie itself.
// Thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace atelier::net {

inline constexpr std::size_t kSecretHexDigits = 32;  // 128 bits

std::string NewSecret();

// Both equal, in time that does not depend on where they differ.
bool SameSecret(std::string_view a, std::string_view b);

// True for what NewSecret writes (32 lowercase hex digits), so a cookie from elsewhere is ignored.
bool LooksLikeSecret(std::string_view s);

// "p-" and 12 hex digits of BLAKE2b(cookie): stable for one phone, says nothing about it.
std::string PhoneIdOf(std::string_view cookie);

}  // namespace atelier::net
