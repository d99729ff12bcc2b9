// QR codes as a matrix of modules (no GL, no ImGui): what the panel's Téléphones page and the
// board's corner draw, and what the tests read back with a real reader (zbarimg). The text is
// encoded byte for byte (UTF-8 stays UTF-8, announced by an ECI header when the text is not plain
// ASCII) with Debian's libqrencode, error correction M (15 % of the code may be lost: a glare on
// the screen, a finger), the smallest version that holds it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace atelier::qr {

struct QrCode {
  int size = 0;                    // modules on a side (21 for version 1 … 177 for version 40)
  std::vector<std::uint8_t> dark;  // size × size, row by row from the top left; 1: a dark module
  bool At(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x] != 0; }
  bool operator==(const QrCode&) const = default;
};

// The light border a reader needs around the code, in modules (ISO/IEC 18004).
inline constexpr int kQuietZone = 4;

// The code of text; an error (English) when it is empty or too long for any version.
core::Result<QrCode> MakeQrCode(std::string_view text);

// A greyscale picture of the code, black on white with the quiet zone, `pixels` per module:
// width = height = (size + 2 × kQuietZone) × pixels; one byte a pixel, 0 black, 255 white.
std::vector<std::uint8_t> QrPixels(const QrCode& code, int pixels, int& width);

// The text a phone's camera reads as "join this Wi-Fi network": WIFI:T:WPA;S:name;P:password;;
// (T:nopass and no P without a password). \ ; , : and " in the name and password are escaped
// with a backslash, as the format asks.
std::string WifiJoinText(std::string_view network, std::string_view password);
std::string EscapeWifiField(std::string_view text);

}  // namespace atelier::qr
