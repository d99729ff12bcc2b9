#include "ui/export_page.h"

#include <cfloat>

#include "ui/i18n.h"

namespace atelier::ui {

ExportPage::Ask ExportPage::Draw(Controls& controls, const Fonts& fonts, float s, float w, const ExportView& view) {
  Ask ask = Ask::None;
  const ImVec2 full(w, 96 * s);  // taller than the panel's other rows: the page's one action
  WrappedText(fonts.body, Tr("Le compte rendu (PDF), l'image de la carte, le tableur des cartes, les événements et "
                             "une copie de la séance, dans un dossier."),
              colours::kInkSoft);
  ImGui::Spacing();
  if (view.running) {
    // One export at a time: the buttons wait, and say why.
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(Tr("Export en cours…"));
    ImGui::PopFont();
    WrappedText(fonts.large, view.step, colours::kInk);
    WrappedText(fonts.body, Tr("Le tableau reste utilisable pendant ce temps. Ne retirez pas la clé."),
                colours::kInkSoft);
    return ask;
  }
  // The large size when the words fit the button, else the body one (English, a small screen).
  auto font_for = [&](const char* label) {
    return fonts.large->CalcTextSizeA(fonts.large->FontSize, FLT_MAX, 0, label).x < w - 32 * s ? fonts.large
                                                                                                : fonts.body;
  };
  // Not just "Exporter", the page's own name: the button says where the folder goes.
  const char* beside = Tr("Exporter dans le dossier des séances");
  if (controls.Button(beside, full, ButtonLook::Primary, font_for(beside))) ask = Ask::Beside;
  WrappedText(fonts.small, view.beside, colours::kInkSoft);
  ImGui::Spacing();
  if (view.stick) {
    const char* stick = Tr("Exporter sur la clé USB");
    if (controls.Button(stick, full, ButtonLook::Primary, font_for(stick))) ask = Ask::Stick;
    WrappedText(fonts.body, Tr("Clé branchée : « {1} »", {*view.stick}), colours::kInk);
  } else {
    WrappedText(fonts.body, Tr("Branchez une clé USB pour y exporter."), colours::kInkSoft);
  }
  if (!view.outcome.empty()) {
    ImGui::Spacing();
    WrappedText(fonts.large, view.outcome, view.outcome_ok ? colours::kOk : colours::kDanger);
  }
  return ask;
}

}  // namespace atelier::ui
