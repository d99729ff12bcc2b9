// QR codes read back by a real reader: the matrix drawn as a picture (black on white, the quiet
// zone) and decoded by zbarimg (Debian's zbar-tools), so a phone's camera reads what we meant.
// And the Wi-Fi text, escaped as the WIFI: format asks.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "qr/qr_code.h"

namespace atelier::qr {
namespace {

namespace fs = std::filesystem;

// Writes the code as a binary PGM, `pixels` per module, and returns what zbarimg reads in it
// ("QR-Code:TEXT" lines), or "" when it reads nothing.
std::string ReadBack(const QrCode& code, int pixels, const std::string& name) {
  int width = 0;
  std::vector<std::uint8_t> grey = QrPixels(code, pixels, width);
  const fs::path file = fs::temp_directory_path() / ("atelier-qr-" + std::to_string(getpid()) + "-" + name + ".pgm");
  {
    std::ofstream out(file, std::ios::binary);
    out << "P5\n" << width << " " << width << "\n255\n";
    out.write(reinterpret_cast<const char*>(grey.data()), static_cast<std::streamsize>(grey.size()));
  }
  std::string command = "zbarimg --quiet --raw -Sdisable -Sqrcode.enable '" + file.string() + "' 2>/dev/null";
  std::string said;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[512];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) said.append(buf, n);
    pclose(p);
  }
  fs::remove(file);
  while (!said.empty() && said.back() == '\n') said.pop_back();  // zbarimg ends its line
  return said;
}

TEST(QrCode, APhonesAddressIsReadBackByARealReader) {
  const std::string url = "http://192.168.1.20:8080/?t=3f9a0c1e5b7d2a4f6e8c0b1d3f5a7c9e";
  auto code = MakeQrCode(url);
  ASSERT_TRUE(code.ok()) << code.error().message;
  EXPECT_GE(code->size, 21);
  EXPECT_EQ((code->size - 17) % 4, 0) << "a QR code is 17 + 4 × version modules wide";
  EXPECT_EQ(ReadBack(*code, 4, "url"), url);
}

TEST(QrCode, FrenchAccentsAndLongTextSurviveTheRoundTrip) {
  const std::string text = "Ajoutez une carte depuis votre téléphone : « Écrivez » — œuvre, ça, où ?";
  auto code = MakeQrCode(text);
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(ReadBack(*code, 3, "accents"), text);
  std::string longer(1500, 'x');
  for (std::size_t i = 0; i < longer.size(); i += 7) longer[i] = static_cast<char>('a' + i % 26);
  auto big = MakeQrCode(longer);
  ASSERT_TRUE(big.ok());
  EXPECT_GT(big->size, code->size);
  EXPECT_EQ(ReadBack(*big, 3, "long"), longer);
}

TEST(QrCode, EmptyOrTooLongTextIsAnErrorNotACrash) {
  EXPECT_FALSE(MakeQrCode("").ok());
  auto huge = MakeQrCode(std::string(8000, 'a'));
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("too long"), std::string::npos);
}

TEST(QrCode, ThePictureHasTheQuietZoneAndOneModuleIsPixelsSquare) {
  auto code = MakeQrCode("x");
  ASSERT_TRUE(code.ok());
  int width = 0;
  auto grey = QrPixels(*code, 5, width);
  ASSERT_EQ(width, (code->size + 2 * kQuietZone) * 5);
  for (int i = 0; i < kQuietZone * 5; ++i) {  // the border rows and columns are white
    EXPECT_EQ(grey[static_cast<std::size_t>(i) * width + width / 2], 255);
    EXPECT_EQ(grey[static_cast<std::size_t>(width / 2) * width + i], 255);
  }
  // The top-left finder pattern's corner module is dark in every QR code.
  EXPECT_TRUE(code->At(0, 0));
  EXPECT_EQ(grey[static_cast<std::size_t>(kQuietZone * 5) * width + kQuietZone * 5], 0);
}

TEST(WifiJoinText, EscapesTheFormatsSpecialCharacters) {
  EXPECT_EQ(EscapeWifiField(R"(a\b;c,d:e"f)"), R"(a\\b\;c\,d\:e\"f)");
  EXPECT_EQ(EscapeWifiField("Tiers-lieu é"), "Tiers-lieu é");
  EXPECT_EQ(WifiJoinText("La Fabrique", "motdepasse"), "WIFI:T:WPA;S:La Fabrique;P:motdepasse;;");
  EXPECT_EQ(WifiJoinText("Café;Wi-Fi", R"(p:a,s"s\)"), R"(WIFI:T:WPA;S:Café\;Wi-Fi;P:p\:a\,s\"s\\;;)");
  EXPECT_EQ(WifiJoinText("Ouvert", ""), "WIFI:T:nopass;S:Ouvert;;");
}

TEST(WifiJoinText, ARealReaderReadsTheEscapedNetwork) {
  const std::string text = WifiJoinText("Atelier; 2e étage", "a:b,c");
  auto code = MakeQrCode(text);
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(ReadBack(*code, 4, "wifi"), text);
}

}  // namespace
}  // namespace atelier::qr
