#include "ui/deck_page.h"

#include "ui/i18n.h"

namespace atelier::ui {

namespace {

constexpr float kRowH = 72;        // design px: still above the 19 mm target at scale 1
constexpr std::size_t kShown = 3;  // files listed: the page is short; most sticks hold one deck

void Text(const Fonts& fonts, const std::string& text, ImU32 colour = colours::kInk, ImFont* font = nullptr) {
  WrappedText(font ? font : fonts.body, text, colour);
}

}  // namespace

void DeckPage::Opened(DeckLibrary& decks) { m_choices = decks.Choices(); }

void DeckPage::Draw(Controls& controls, const Fonts& fonts, float s, float w, DeckLibrary& decks) {
  const ImVec2 full(w, kRowH * s), half((w - 12 * s) / 2, kRowH * s);
  const std::size_t count = decks.Cards().size();
  if (count == 0) {
    Text(fonts, Tr("Aucun paquet pour l'instant : importez-en un ci-dessous."), colours::kInkSoft);
  } else {
    Text(fonts, Tr("{1} cartes dans le paquet « Cartes prêtes ».", {std::to_string(count)}));
    const bool keep = decks.Mode() == core::DeckMode::Keep;
    Text(fonts, Tr("Une carte posée sur le tableau…"), colours::kInkSoft);
    if (controls.Button(Tr("quitte le paquet"), half, keep ? ButtonLook::Plain : ButtonLook::Primary, fonts.body) && keep)
      m_report = decks.SetMode(core::DeckMode::Consume);
    ImGui::SameLine();
    if (controls.Button(Tr("reste dans le paquet"), half, keep ? ButtonLook::Primary : ButtonLook::Plain, fonts.body) &&
        !keep)
      m_report = decks.SetMode(core::DeckMode::Keep);
  }
  ImGui::Spacing();
  Text(fonts, Tr("Importer un paquet (fichier CSV)"), colours::kInk, fonts.large);
  if (m_choices.empty())
    Text(fonts, Tr("Aucun fichier CSV trouvé. Branchez une clé USB, puis « Chercher à nouveau »."), colours::kInkSoft);
  for (std::size_t i = 0; i < m_choices.size() && i < kShown; ++i) {
    const DeckChoice& choice = m_choices[i];
    const std::string label = choice.name + " · " + choice.where + "##deck" + std::to_string(i);
    if (controls.Button(label.c_str(), full, ButtonLook::Plain, fonts.body)) m_report = decks.Import(choice.path);
  }
  if (count > 0) {
    if (controls.Button(Tr("Retirer le paquet"), half, ButtonLook::Plain, fonts.body)) m_report = decks.Remove();
    ImGui::SameLine();
  }
  if (controls.Button(Tr("Chercher à nouveau"), count > 0 ? half : full, ButtonLook::Plain, fonts.body))
    m_choices = decks.Choices();
  if (!m_report.said.empty())  // what the last touch did
    Text(fonts, m_report.said, m_report.ok ? colours::kOk : colours::kDanger, fonts.small);
}

}  // namespace atelier::ui
