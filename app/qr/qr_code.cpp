#include "qr/qr_code.h"

#include <qrencode.h>

#include <algorithm>
#include <memory>

namespace atelier::qr {

core::Result<QrCode> MakeQrCode(std::string_view text) {
  if (text.empty()) return core::Error{"nothing to put in a QR code"};
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::unique_ptr<QRcode, decltype(&QRcode_free)> made(nullptr, &QRcode_free);
  if (ascii) {  // addresses: plain bytes, read the same by every reader
    made.reset(QRcode_encodeData(static_cast<int>(text.size()), bytes, 0, QR_ECLEVEL_M));
  } else {
    // Accents (a Wi-Fi name): an ECI header says "UTF-8" (ECI 26), or readers may guess
    // Shift-JIS for a short text and show 矇 for é.
    std::unique_ptr<QRinput, decltype(&QRinput_free)> input(QRinput_new2(0, QR_ECLEVEL_M), &QRinput_free);
    if (input && QRinput_appendECIheader(input.get(), 26) == 0 &&
        QRinput_append(input.get(), QR_MODE_8, static_cast<int>(text.size()), bytes) == 0)
      made.reset(QRcode_encodeInput(input.get()));
  }
  if (!made) return core::Error{"the text is too long for a QR code (" + std::to_string(text.size()) + " bytes)"};
  QrCode code;
  code.size = made->width;
  code.dark.resize(static_cast<std::size_t>(code.size) * code.size);
  for (std::size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = made->data[i] & 1;  // bit 0: dark
  return code;
}

std::vector<std::uint8_t> QrPixels(const QrCode& code, int pixels, int& width) {
  width = (code.size + 2 * kQuietZone) * pixels;
  std::vector<std::uint8_t> out(static_cast<std::size_t>(width) * width, 255);
  for (int y = 0; y < code.size; ++y)
    for (int x = 0; x < code.size; ++x) {
      if (!code.At(x, y)) continue;
      for (int dy = 0; dy < pixels; ++dy)
        for (int dx = 0; dx < pixels; ++dx)
          out[static_cast<std::size_t>((kQuietZone + y) * pixels + dy) * width + (kQuietZone + x) * pixels + dx] = 0;
    }
  return out;
}

std::string EscapeWifiField(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',' || c == ':' || c == '"') out += '\\';
    out += c;
  }
  return out;
}

std::string WifiJoinText(std::string_view network, std::string_view password) {
  std::string out = "WIFI:T:";
  out += password.empty() ? "nopass" : "WPA";
  out += ";S:";
  out += EscapeWifiField(network);
  out += ';';
  if (!password.empty()) {
    out += "P:";
    out += EscapeWifiField(password);
    out += ';';
  }
  out += ';';
  return out;
}

}  // namespace atelier::qr
