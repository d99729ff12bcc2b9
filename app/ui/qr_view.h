// A QR code drawn with ImGui's draw list: black modules on a white square with the 4-module
// quiet zone a reader needs, each module a whole number of pixels (crisp edges, no blur).
// QrCache keeps the code of the last text asked, so a frame costs no encoding.
#pragma once
#include <imgui.h>

#include <string>

#include "qr/qr_code.h"

namespace atelier::ui {

class QrCache {
 public:
  // The code of text (made once per new text); null when it cannot be made (too long).
  const qr::QrCode* Get(const std::string& text);

 private:
  std::string m_text;
  qr::QrCode m_code;
  bool m_ok = false;
  bool m_asked = false;
};

// Draws code with its quiet zone in a square of at most `side` pixels whose top left is at;
// returns the side actually used (a whole number of pixels per module).
float DrawQr(ImDrawList* draw, const qr::QrCode& code, ImVec2 at, float side);

// The side DrawQr uses for at most `side` pixels.
float QrSide(const qr::QrCode& code, float side);

}  // namespace atelier::ui
