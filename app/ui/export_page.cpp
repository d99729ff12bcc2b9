#include "ui/export_page.h"

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
  if (controls.Button(Tr("Exporter"), full, ButtonLook::Primary, fonts.large)) ask = Ask::Beside;
  WrappedText(fonts.small, Tr("Dans le dossier des séances : {1}", {view.beside}), colours::kInkSoft);
  ImGui::Spacing();
  if (view.stick) {
    if (controls.Button(Tr("Exporter sur la clé USB"), full, ButtonLook::Primary, fonts.large)) ask = Ask::Stick;
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
