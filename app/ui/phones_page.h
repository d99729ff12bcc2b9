// The facilitator panel's "Téléphones" page (docs/phones.md): a big switch that starts and
// stops the kiosk's server for phones; while it is on, the phones' address as a large QR code
// and in text, "Nouveau lien" (new tokens: old links stop working), how many requests were
// refused (wrong link, too fast); the venue's Wi-Fi (name, optional password) as a second QR
// code; the view-only live link; and whether the board shows the QR code in its corner. The
// page only asks (PhonesAsk): the platform starts, stops and saves (platform/phone_switch.h).
#pragma once
#include <cstdint>
#include <string>

#include "core/geometry.h"
#include "input/keyboard_layout.h"
#include "ui/controls.h"
#include "ui/label_editor.h"
#include "ui/qr_view.h"
#include "ui/theme.h"

namespace atelier::ui {

// What the page shows, from the platform, every frame.
struct PhonesView {
  bool on = false;
  std::string phone_url;  // while on: http://ADDRESS:PORT/?t=TOKEN
  std::string live_url;   // while on: the view-only link
  std::int64_t wrong_tokens = 0;  // requests with a wrong or old link, since switched on
  std::int64_t rate_limited = 0;  // requests held off by a rate limit, since switched on
  std::string wifi_name, wifi_password;  // saved in atelier.conf
  bool board_qr = false;                 // the QR code in the board's corner
  std::string problem;                   // French: why it could not start (a port in use …)
};

// What the page asks for.
struct PhonesAsk {
  enum class Kind { None, TurnOn, TurnOff, NewLink, SetWifi, SetBoardQr } kind = Kind::None;
  std::string wifi_name, wifi_password;  // SetWifi
  bool board_qr = false;                 // SetBoardQr
};

class PhonesPage {
 public:
  explicit PhonesPage(input::KeyboardLayout layout = input::KeyboardLayout::Azerty) : m_editor(layout) {}
  void SetKeyboardLayout(input::KeyboardLayout layout) { m_editor.SetKeyboardLayout(layout); }
  void Leave();

  // Draws the page in the panel's child window (w wide); the ask of this frame, if any.
  PhonesAsk Draw(Controls& controls, const Fonts& fonts, float scale, float w, const PhonesView& view);
  // The Wi-Fi name or password being typed: the keyboard's window, beside or over the panel.
  PhonesAsk DrawEditor(Controls& controls, const Fonts& fonts, float scale, core::Rect panel, const PhonesView& view);
  bool Editing() const { return m_editor.IsOpen(); }
  void Type(std::string_view utf8) { m_editor.Type(utf8); }
  void Key(KeyPress key);

 private:
  enum class View { Main, Wifi, Live };
  PhonesAsk DrawMain(Controls& controls, const Fonts& fonts, float s, float w, const PhonesView& view);
  PhonesAsk DrawWifi(Controls& controls, const Fonts& fonts, float s, float w, const PhonesView& view);
  void DrawLive(Controls& controls, const Fonts& fonts, float s, float w, const PhonesView& view);
  PhonesAsk Finish(LabelEditor::Outcome outcome, const PhonesView& view);

  View m_view = View::Main;
  LabelEditor m_editor;
  LabelEditor::Outcome m_typed = LabelEditor::Outcome::None;  // from a physical keyboard's Enter / Escape
  QrCache m_phone_qr, m_wifi_qr, m_live_qr;
};

}  // namespace atelier::ui
