// The overlays everyone uses: the two "Ajouter une carte" buttons, "Cartes prêtes", the bin, the
// "Annuler" toast, short messages and the recording indicator.
#include "ui/board_screen.h"

#include <algorithm>
#include <cfloat>

#include "core/command.h"
#include "ui/board_screen_parts.h"
#include "ui/i18n.h"

namespace atelier::ui {

using namespace board_parts;

void BoardScreen::DrawRecording() {
  // A discreet dot while every event reaches the disk; a red banner that says what to do when
  // it does not (the cards stay in memory and are written once the disk is back).
  const core::Journal& journal = m_session.journal();
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  float s = m_config.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  if (journal.healthy()) {
    const char* word = Tr("Enregistré");
    ImFont* font = m_fonts.small;
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, word);
    ImVec2 at(io.DisplaySize.x - 24 * s - size.x, 14 * s);
    draw->AddCircleFilled(ImVec2(at.x - 16 * s, at.y + size.y / 2), 7 * s, colours::kOk);
    draw->AddText(font, font->FontSize, at, colours::kInkSoft, word);
    m_controls.Record(word, {at.x - 24 * s, at.y, size.x + 24 * s, size.y});
    return;
  }
  std::string text = journal.problem();
  if (text.empty()) text = Tr("L'enregistrement ne fonctionne pas.");
  float w = std::min(900 * s, io.DisplaySize.x - 48 * s);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 24 * s - w, 140 * s));  // under the top-right button
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, colours::kDanger);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  ImGui::Begin("##recording", nullptr, kOverlay | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(m_fonts.body);
  ImGui::PushTextWrapPos(w - 2 * ImGui::GetStyle().WindowPadding.x);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  m_controls.CoverCurrentWindow();
  m_controls.Record(Tr("Enregistrement impossible"), {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y,
                                                      ImGui::GetWindowSize().x, ImGui::GetWindowSize().y});
  ImGui::End();
  ImGui::PopStyleColor(2);
}

void BoardScreen::DrawAddButtons(std::int64_t) {
  std::size_t index = 0;
  for (const core::Rect& r : {m_layout.add_left, m_layout.add_right}) {
    const std::size_t side = index++;
    const bool left = side == 0;
    if (m_editors[side].IsOpen()) continue;  // that side's editor covers it; the other stays free
    ImGui::SetNextWindowPos(Pos(r));
    ImGui::SetNextWindowSize(Size(r));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::SetNextWindowBgAlpha(0);
    ImGui::Begin(left ? "##add_left" : "##add_right", nullptr, kOverlay);
    std::string label = std::string(Tr("Ajouter une carte")) + (left ? "##left" : "##right");
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.75f, 0.5f));  // clear of the plus
    if (m_controls.Button(label.c_str(), Size(r), ButtonLook::Primary, m_fonts.large))
    {
      if (std::string why = LockedReason(); !why.empty()) {
        ShowMessage(why, m_now_ms);  // locked: say why rather than open an editor that cannot save
      } else {
        m_editor_actor[side] = core::Actor::Kiosk;
        m_zoom.ShowWholeMap(m_now_ms);  // the new card lands beside this button, on the whole map
        m_editors[side].OpenNew(SpawnPoint(left), left, m_viewport);
        m_typing = side;
      }
    }
    ImGui::PopStyleVar();
    // A big plus in a ring, left of the words: the sign people know for "add".
    float s = m_config.ui_scale, radius = 26 * s;
    ImVec2 c(r.x + 24 * s + radius, r.y + r.h / 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircle(c, radius, IM_COL32_WHITE, 0, 3 * s);
    draw->AddLine(ImVec2(c.x - radius * 0.5f, c.y), ImVec2(c.x + radius * 0.5f, c.y), IM_COL32_WHITE, 4 * s);
    draw->AddLine(ImVec2(c.x, c.y - radius * 0.5f), ImVec2(c.x, c.y + radius * 0.5f), IM_COL32_WHITE, 4 * s);
    ImGui::End();
    ImGui::PopStyleVar(2);
  }
}

void BoardScreen::DrawDeckButton() {
  const core::Rect& r = m_layout.deck;
  ImGui::SetNextWindowPos(Pos(r));
  ImGui::SetNextWindowSize(Size(r));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::SetNextWindowBgAlpha(0);
  ImGui::Begin("##deck_button", nullptr, kOverlay);
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.9f, 0.5f));  // clear of the little stack
  if (m_controls.Button(Tr("Cartes prêtes"), Size(r), ButtonLook::Plain, m_fonts.body)) {
    m_tray.Open();  // laid out now, so this very frame already shows its cards
    m_tray.Layout(m_viewport, m_framebuffer_w, m_framebuffer_h, m_config.ui_scale, m_session.board());
  }
  ImGui::PopStyleVar();
  // A little fanned stack of cards, left of the words.
  const float s = m_config.ui_scale;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 papers[] = {ToImU32(core::kPalette[2].paper), ToImU32(core::kPalette[1].paper), ToImU32(core::kPalette[0].paper)};
  for (int i = 0; i < 3; ++i) {
    const ImVec2 a(r.x + (22 + 9 * i) * s, r.y + r.h / 2 - (26 - 5 * i) * s);
    draw->AddRectFilled(a, ImVec2(a.x + 38 * s, a.y + 40 * s), papers[i], 4 * s);
    draw->AddRect(a, ImVec2(a.x + 38 * s, a.y + 40 * s), colours::kPanelBorder, 4 * s, 0, 1.5f * s);
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void BoardScreen::DrawBin() {
  const core::Rect& r = m_layout.bin;
  bool armed = FingerOverBin();
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  float s = m_config.ui_scale;
  ImU32 fill = armed ? colours::kDanger : IM_COL32(0xee, 0xec, 0xe6, 0xf0);
  ImU32 ink = armed ? IM_COL32_WHITE : colours::kInkSoft;
  draw->AddRectFilled(Pos(r), ImVec2(r.x + r.w, r.y + r.h), fill, 20 * s);
  draw->AddRect(Pos(r), ImVec2(r.x + r.w, r.y + r.h), armed ? colours::kDanger : colours::kPanelBorder, 20 * s, 0,
                3 * s);
  // A simple bin: lid, body and three slats, left of the word.
  float cx = r.x + 52 * s, top = r.y + 26 * s;
  draw->AddRectFilled(ImVec2(cx - 24 * s, top), ImVec2(cx + 24 * s, top + 7 * s), ink, 3 * s);
  draw->AddRectFilled(ImVec2(cx - 8 * s, top - 6 * s), ImVec2(cx + 8 * s, top), ink, 2 * s);
  draw->AddRect(ImVec2(cx - 19 * s, top + 11 * s), ImVec2(cx + 19 * s, top + 60 * s), ink, 5 * s, 0, 4 * s);
  for (float dx : {-8.0f, 0.0f, 8.0f})
    draw->AddLine(ImVec2(cx + dx * s, top + 20 * s), ImVec2(cx + dx * s, top + 51 * s), ink, 3 * s);
  const char* word = armed ? Tr("Lâcher ici") : Tr("Corbeille");
  ImFont* font = m_fonts.body;
  ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, word);
  float text_x = r.x + 92 * s;
  if (r.w > 200 * s)  // the compact bin beside "Cartes prêtes" is its picture alone
    draw->AddText(font, font->FontSize, ImVec2(text_x, r.y + (r.h - size.y) / 2), ink, word);
  m_controls.Record(Tr("Corbeille"), r);
}

void BoardScreen::DrawToast(std::int64_t now_ms) {
  if (!m_toast) return;
  if (now_ms >= m_toast->until_ms || !m_session.board().FindBinned(m_toast->card)) {
    m_toast.reset();
    return;
  }
  const core::Rect& r = m_layout.toast;
  float s = m_config.ui_scale;
  ImGui::SetNextWindowPos(Pos(r));
  ImGui::SetNextWindowSize(Size(r));
  ImGui::Begin("##toast", nullptr, kOverlay);
  m_controls.CoverCurrentWindow();
  float button_w = 220 * s;
  ImGui::PushFont(m_fonts.body);
  ImGui::SetCursorPosY((r.h - ImGui::GetTextLineHeight()) / 2 - 4 * s);
  std::string what = core::TruncateChars(m_toast->text, 24);
  if (what.size() < m_toast->text.size()) what += "…";
  std::string line = std::string(Tr("Carte supprimée")) + " : « " + what + " »";
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                      ImVec2(r.x + r.w - button_w - 30 * s, r.y + r.h), true);
  ImGui::TextUnformatted(line.c_str());
  ImGui::PopClipRect();
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(r.w - button_w - 18 * s, 14 * s));
  if (m_controls.Button(Tr("Annuler"), ImVec2(button_w, r.h - 28 * s - 8 * s), ButtonLook::Primary, m_fonts.large)) {
    Submit(core::RestoreCard{m_toast->card});
    m_toast.reset();
  }
  if (m_toast) {  // time left, as a bar that shrinks
    float left = static_cast<float>(m_toast->until_ms - now_ms) / kToastMs;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x + 18 * s, r.y + r.h - 10 * s),
                                              ImVec2(r.x + 18 * s + (r.w - 36 * s) * left, r.y + r.h - 5 * s),
                                              colours::kAccent, 3 * s);
  }
  ImGui::End();
}

void BoardScreen::DrawMessage(std::int64_t now_ms) {
  if (!m_message || now_ms >= m_message->until_ms) {
    m_message.reset();
    return;
  }
  const core::Rect& r = m_layout.message;
  ImGui::SetNextWindowPos(ImVec2(r.x + r.w / 2, std::max(r.y, m_message_top)), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(r.w, FLT_MAX));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0xff, 0xf4, 0xc2, 0xff));
  ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(0xc9, 0x8a, 0x00, 0xff));
  ImGui::Begin("##message", nullptr, kOverlay | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(m_fonts.body);
  ImGui::PushTextWrapPos(r.w - ImGui::GetStyle().WindowPadding.x * 2);
  ImGui::TextUnformatted(m_message->text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  m_controls.CoverCurrentWindow();
  ImGui::End();
  ImGui::PopStyleColor(2);
}

}  // namespace atelier::ui
