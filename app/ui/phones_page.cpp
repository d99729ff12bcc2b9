// Sections: the switch · the main view (QR codes, address, new link, refusals, options) · Wi-Fi ·
// the live link · typing a Wi-Fi name or password.
#include "ui/phones_page.h"

#include <algorithm>
#include <cfloat>

#include "core/text.h"
#include "core/touch_scale.h"
#include "ui/i18n.h"

namespace atelier::ui {

namespace {

constexpr float kRowH = 84;  // design px, as the panel's other pages

void Text(ImFont* font, const std::string& text, ImU32 colour = colours::kInk) { WrappedText(font, text, colour); }

// A caption and a QR code under it, in a column w wide and at most side high (caption included).
void QrWithCaption(const Fonts& fonts, QrCache& cache, const std::string& text, const std::string& caption, float w,
                   float side) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushFont(fonts.body);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
  ImGui::TextUnformatted(caption.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  const float caption_h = ImGui::GetCursorScreenPos().y - at.y;
  if (const qr::QrCode* code = cache.Get(text)) {
    const float room = std::min(w, side - caption_h);
    const float used = QrSide(*code, room);
    DrawQr(ImGui::GetWindowDrawList(), *code, ImVec2(at.x + (w - used) / 2, at.y + caption_h), used);
  }
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + side));
}

}  // namespace

void PhonesPage::Leave() {
  m_view = View::Main;
  m_editor.Close();
}

void PhonesPage::Key(KeyPress key) {
  if (m_editor.IsOpen()) m_typed = m_editor.Key(key);
}

PhonesAsk PhonesPage::Draw(Controls& controls, const Fonts& fonts, float s, float w, const PhonesView& view) {
  // ---- the switch: what it is now, in words and colour, and the one button that changes it ----
  PhonesAsk ask;
  const float target = std::max(kRowH * s, core::kBaseTargetPx * s);
  const float half = (w - 12 * s) / 2;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 state_colour = view.on ? colours::kOk : colours::kInkSoft;
  draw->AddRectFilled(at, ImVec2(at.x + half, at.y + target), view.on ? IM_COL32(0xe3, 0xf2, 0xe6, 0xff)
                                                                        : IM_COL32(0xec, 0xea, 0xe4, 0xff),
                      12 * s);
  draw->AddCircleFilled(ImVec2(at.x + 34 * s, at.y + target / 2), 14 * s, state_colour);
  const char* state = view.on ? Tr("Allumé") : Tr("Éteint");
  draw->AddText(fonts.large, fonts.large->FontSize,
                ImVec2(at.x + 62 * s, at.y + (target - fonts.large->FontSize) / 2), state_colour, state);
  ImGui::SetCursorScreenPos(ImVec2(at.x + half + 12 * s, at.y));
  if (view.on) {
    if (controls.Button(Tr("Éteindre les téléphones"), ImVec2(half, target), ButtonLook::Danger, fonts.body))
      ask.kind = PhonesAsk::Kind::TurnOff;
  } else if (controls.Button(Tr("Allumer les téléphones"), ImVec2(half, target), ButtonLook::Primary, fonts.body)) {
    ask.kind = PhonesAsk::Kind::TurnOn;
  }
  if (!view.problem.empty()) Text(fonts.body, view.problem, colours::kDanger);

  PhonesAsk more;
  switch (m_view) {
    case View::Main: more = DrawMain(controls, fonts, s, w, view); break;
    case View::Wifi: more = DrawWifi(controls, fonts, s, w, view); break;
    case View::Live: DrawLive(controls, fonts, s, w, view); break;
  }
  return ask.kind != PhonesAsk::Kind::None ? ask : more;
}

// ---- the main view ------------------------------------------------------------------------

PhonesAsk PhonesPage::DrawMain(Controls& controls, const Fonts& fonts, float s, float w, const PhonesView& view) {
  PhonesAsk ask;
  const float gap = 12 * s, target = std::max(kRowH * s, core::kBaseTargetPx * s);
  const float half = (w - gap) / 2, third = (w - 2 * gap) / 3;
  // What stays under the codes: the address to type, two rows of buttons, the moderation spot.
  const float below = fonts.small->FontSize * 2.6f + 3 * (target + gap) + gap;
  if (view.on) {
    const float side = std::clamp(ImGui::GetContentRegionAvail().y - below, 200 * s, 460 * s);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (!view.wifi_name.empty()) {  // two codes side by side: first the network, then the page
      const std::string wifi_caption = Tr("1. Le Wi-Fi « {1} »", {core::TruncateChars(view.wifi_name, 20)});
      const std::string page_caption = Tr("2. La page des cartes");
      const float col = (w - gap) / 2;
      // The same size for both codes: under the taller caption.
      const float caption_h = std::max(
          fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, col, wifi_caption.c_str()).y,
          fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, col, page_caption.c_str()).y);
      const float code_side = std::min(col, side - caption_h - 4 * s);
      auto column = [&](QrCache& cache, const std::string& text, const std::string& caption, float x) {
        ImGui::GetWindowDrawList()->AddText(fonts.body, fonts.body->FontSize, ImVec2(x, top.y), colours::kInk,
                                            caption.c_str(), nullptr, col);
        if (const qr::QrCode* code = cache.Get(text)) {
          const float used = QrSide(*code, code_side);
          DrawQr(ImGui::GetWindowDrawList(), *code, ImVec2(x + (col - used) / 2, top.y + caption_h + 4 * s), used);
        }
      };
      column(m_wifi_qr, qr::WifiJoinText(view.wifi_name, view.wifi_password), wifi_caption, top.x);
      column(m_phone_qr, view.phone_url, page_caption, top.x + col + gap);
      ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + side + 4 * s));
    } else {  // one large code, and beside it what to do
      const float qr_w = std::min(side, w * 0.6f);
      if (const qr::QrCode* code = m_phone_qr.Get(view.phone_url))
        DrawQr(ImGui::GetWindowDrawList(), *code, top, QrSide(*code, qr_w));
      const float text_w = w - qr_w - gap;
      ImGui::GetWindowDrawList()->AddText(fonts.large, fonts.large->FontSize, ImVec2(top.x + qr_w + gap, top.y + 8 * s),
                                          colours::kInk, Tr("Scannez ce code avec l'appareil photo du téléphone."),
                                          nullptr, text_w);
      ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + side + 4 * s));
    }
    Text(fonts.small, Tr("Ou tapez : {1}", {view.phone_url}), colours::kInkSoft);
    // The refusals, in plain words, beside "Nouveau lien".
    std::string refused = view.wrong_tokens == 0 && view.rate_limited == 0
                              ? std::string(Tr("Aucune demande refusée."))
                              : Tr("Refusées : {1} avec un lien faux ou périmé, {2} trop rapprochées.",
                                   {std::to_string(view.wrong_tokens), std::to_string(view.rate_limited)});
    const ImVec2 row = ImGui::GetCursorScreenPos();
    if (controls.Button(Tr("Nouveau lien"), ImVec2(third, target), ButtonLook::Plain, fonts.body))
      ask.kind = PhonesAsk::Kind::NewLink;
    const float refused_w = w - third - gap;
    const float refused_h = fonts.small->CalcTextSizeA(fonts.small->FontSize, FLT_MAX, refused_w, refused.c_str()).y;
    ImGui::GetWindowDrawList()->AddText(fonts.small, fonts.small->FontSize,
                                        ImVec2(row.x + third + gap, row.y + (target - refused_h) / 2),
                                        view.wrong_tokens > 20 ? colours::kDanger : colours::kInkSoft, refused.c_str(),
                                        nullptr, refused_w);
  } else {
    Text(fonts.body, Tr("Allumez pour que les participants ajoutent des cartes depuis leur téléphone, par le Wi-Fi "
                        "du lieu, sans internet. Un code à scanner s'affichera ici."));
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - 3 * (target + gap)));
  }
  if (controls.Button(Tr("Wi-Fi du lieu"), ImVec2(half, target), ButtonLook::Plain, fonts.body)) m_view = View::Wifi;
  ImGui::SameLine();
  if (controls.Button(Tr("Lien en direct"), ImVec2(half, target), ButtonLook::Plain, fonts.body)) m_view = View::Live;

  // The board's corner: shown or not (kept in atelier.conf).
  const float caption_w = w - 2 * (third + gap);
  const ImVec2 row = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddText(fonts.body, fonts.body->FontSize,
                                      ImVec2(row.x, row.y + (target - 2 * fonts.body->FontSize) / 2), colours::kInk,
                                      Tr("Code sur le tableau"), nullptr, caption_w);
  ImGui::SetCursorScreenPos(ImVec2(row.x + caption_w + gap, row.y));
  if (controls.Button((std::string(Tr("Montrer")) + "##board_qr").c_str(), ImVec2(third, target),
                      view.board_qr ? ButtonLook::Primary : ButtonLook::Plain, fonts.body) &&
      !view.board_qr)
    ask = {.kind = PhonesAsk::Kind::SetBoardQr, .board_qr = true};
  ImGui::SameLine();
  if (controls.Button((std::string(Tr("Cacher")) + "##board_qr").c_str(), ImVec2(third, target),
                      view.board_qr ? ButtonLook::Plain : ButtonLook::Primary, fonts.body) &&
      view.board_qr)
    ask = {.kind = PhonesAsk::Kind::SetBoardQr, .board_qr = false};

  // ---- moderation: the spot kept for its switches (phones_moderation = board | inbox) ----
  // The lead drops the moderation setting's row here: one row, target high, full width w.
  return ask;
}

// ---- Wi-Fi --------------------------------------------------------------------------------

PhonesAsk PhonesPage::DrawWifi(Controls& controls, const Fonts& fonts, float s, float w, const PhonesView& view) {
  PhonesAsk ask;
  const float gap = 12 * s, target = std::max(kRowH * s, core::kBaseTargetPx * s);
  ImGui::Spacing();
  ImGui::PushFont(fonts.large);
  ImGui::TextUnformatted(Tr("Wi-Fi du lieu"));
  ImGui::PopFont();
  Text(fonts.small, Tr("Un second code fait rejoindre le Wi-Fi aux téléphones. Il est gardé pour la prochaine fois."),
       colours::kInkSoft);
  const float caption_w = w * 0.34f, field_w = w - caption_w - gap;
  auto field = [&](const char* caption, const std::string& value, const char* empty, const char* id) {
    const ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(fonts.body, fonts.body->FontSize,
                                        ImVec2(row.x, row.y + (target - fonts.body->FontSize) / 2), colours::kInk,
                                        caption, nullptr, caption_w);
    ImGui::SetCursorScreenPos(ImVec2(row.x + caption_w + gap, row.y));
    std::string label = value.empty() ? std::string(empty) : core::TruncateChars(value, 26);
    label += id;
    return controls.Button(label.c_str(), ImVec2(field_w, target), ButtonLook::Plain, fonts.body);
  };
  if (field(Tr("Nom du réseau"), view.wifi_name, Tr("Touchez pour l'écrire"), "##wifi_name"))
    m_editor.Open("wifi_name", Tr("Nom du réseau Wi-Fi"), view.wifi_name);
  // The password is shown: it goes into a code anyone in the room can scan anyway.
  if (field(Tr("Mot de passe (facultatif)"), view.wifi_password, Tr("Aucun (réseau ouvert)"), "##wifi_password"))
    m_editor.Open("wifi_password", Tr("Mot de passe du Wi-Fi"), view.wifi_password);
  const float half = (w - gap) / 2;
  if (controls.Button(Tr("Oublier ce Wi-Fi"), ImVec2(half, target), ButtonLook::Plain, fonts.body) &&
      !view.wifi_name.empty())
    ask = {.kind = PhonesAsk::Kind::SetWifi};
  ImGui::SameLine();
  if (controls.Button((std::string(Tr("Retour")) + "##phones").c_str(), ImVec2(half, target), ButtonLook::Primary, fonts.large)) Leave();
  if (!view.wifi_name.empty()) {
    const float side = std::clamp(ImGui::GetContentRegionAvail().y - gap, 160 * s, 360 * s);
    QrWithCaption(fonts, m_wifi_qr, qr::WifiJoinText(view.wifi_name, view.wifi_password),
                  Tr("Le code du Wi-Fi « {1} »", {core::TruncateChars(view.wifi_name, 24)}), w, side);
  }
  return ask;
}

// ---- the live link --------------------------------------------------------------------------

void PhonesPage::DrawLive(Controls& controls, const Fonts& fonts, float s, float w, const PhonesView& view) {
  const float target = std::max(kRowH * s, core::kBaseTargetPx * s);
  ImGui::Spacing();
  ImGui::PushFont(fonts.large);
  ImGui::TextUnformatted(Tr("Lien en direct"));
  ImGui::PopFont();
  Text(fonts.small, Tr("Pour le projecteur ou pour suivre de loin : ce lien montre le tableau en direct, sans "
                       "pouvoir y ajouter de carte."),
       colours::kInkSoft);
  if (view.on) {
    const float side = std::clamp(ImGui::GetContentRegionAvail().y - target - fonts.body->FontSize * 3, 140 * s, 260 * s);
    QrWithCaption(fonts, m_live_qr, view.live_url, Tr("Lecture seule"), w, side);
    Text(fonts.body, view.live_url);
  } else {
    Text(fonts.body, Tr("Allumez les téléphones pour avoir ce lien."));
  }
  if (controls.Button((std::string(Tr("Retour")) + "##phones").c_str(), ImVec2(w, target), ButtonLook::Primary, fonts.large)) Leave();
}

// ---- typing a Wi-Fi name or password -------------------------------------------------------

PhonesAsk PhonesPage::DrawEditor(Controls& controls, const Fonts& fonts, float s, core::Rect panel, const PhonesView& view) {
  if (!m_editor.IsOpen()) return {};
  LabelEditor::Outcome outcome = m_editor.Draw(controls, fonts, s, panel);
  if (m_typed != LabelEditor::Outcome::None) outcome = std::exchange(m_typed, LabelEditor::Outcome::None);
  return Finish(outcome, view);
}

PhonesAsk PhonesPage::Finish(LabelEditor::Outcome outcome, const PhonesView& view) {
  if (outcome == LabelEditor::Outcome::Cancelled) m_editor.Close();
  if (outcome != LabelEditor::Outcome::Validated) return {};
  // Names and passwords are kept as typed (spaces inside count), only trimmed at the ends.
  std::string text = core::SanitizeCardText(m_editor.text());
  PhonesAsk ask{.kind = PhonesAsk::Kind::SetWifi, .wifi_name = view.wifi_name, .wifi_password = view.wifi_password};
  if (m_editor.key() == "wifi_name") {
    if (text.size() > 32) {  // bytes: the 802.11 limit on a network's name
      m_editor.Say(Tr("Un nom de Wi-Fi a au plus 32 caractères (une lettre accentuée compte pour deux)."));
      return {};
    }
    ask.wifi_name = text;
  } else {
    if (!text.empty() && (text.size() < 8 || text.size() > 63)) {  // WPA's passphrase
      m_editor.Say(Tr("Un mot de passe Wi-Fi a de 8 à 63 caractères. Laissez vide pour un réseau ouvert."));
      return {};
    }
    ask.wifi_password = text;
  }
  m_editor.Close();
  return ask;
}

}  // namespace atelier::ui
