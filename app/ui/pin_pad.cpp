#include "ui/pin_pad.h"

#include <utility>

#include "ui/i18n.h"

namespace atelier::ui {

void PinPad::OpenToEnter(const PinKeeper& keeper) {
  m_open = true;
  m_changing = false;
  m_step = keeper.HasPin() ? Step::Enter : Step::Choose;
  m_typed.clear();
  m_first.clear();
  m_note.clear();
}

void PinPad::OpenToChange() {
  m_open = true;
  m_changing = true;
  m_step = Step::Choose;
  m_typed.clear();
  m_first.clear();
  m_note.clear();
}

PinPad::Outcome PinPad::Validate(std::int64_t now_ms, PinKeeper& keeper, core::PinGuard& guard) {
  const std::string typed = std::exchange(m_typed, {});
  switch (m_step) {
    case Step::Enter:
      if (guard.Locked(now_ms)) return Outcome::None;
      if (keeper.Check(typed)) {
        guard.Succeeded();
        keeper.SaveGuard(guard, now_ms);
        m_open = false;
        return Outcome::Granted;
      }
      if (guard.Failed(now_ms)) m_note.clear();  // the lock line says it all
      else m_note = Tr("Code incorrect. Encore {1} essai(s).", {std::to_string(guard.tries_left())});
      keeper.SaveGuard(guard, now_ms);  // at once: pulling the plug now gains nothing
      return Outcome::None;
    case Step::Choose:
      if (!core::PinLooksValid(typed.c_str())) {
        m_note = Tr("Le code doit avoir de 4 à 8 chiffres.");
        return Outcome::None;
      }
      m_first = typed;
      m_step = Step::Confirm;
      m_note.clear();
      return Outcome::None;
    case Step::Confirm:
      if (typed != m_first) {
        m_step = Step::Choose;
        m_note = Tr("Les deux codes sont différents. Recommencez.");
        return Outcome::None;
      }
      if (core::Status saved = keeper.Choose(typed); !saved.ok()) {
        m_note = saved.error().message;
        return Outcome::None;
      }
      m_open = false;
      return Outcome::Granted;
  }
  return Outcome::None;
}

PinPad::Outcome PinPad::Draw(Controls& controls, const Fonts& fonts, float s, std::int64_t now_ms,
                             PinKeeper& keeper, core::PinGuard& guard) {
  if (!m_open) return Outcome::None;
  if (!std::exchange(m_guard_restored, true)) keeper.RestoreGuard(guard, now_ms);
  const ImGuiIO& io = ImGui::GetIO();
  // A veil over the board: the pad is all there is until it closes.
  ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0x20, 0x24, 0x2a, 0xb0));
  controls.Cover({0, 0, io.DisplaySize.x, io.DisplaySize.y});

  const ImVec2 key(170 * s, 112 * s);
  const float gap = 14 * s, pad = 28 * s;
  const float width = 3 * key.x + 2 * gap + 2 * pad;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::Begin("##pin_pad", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoNav);
  const char* title = m_step == Step::Enter   ? Tr("Code de l'animation")
                      : m_step == Step::Choose ? (m_changing ? Tr("Nouveau code (4 à 8 chiffres)")
                                                             : Tr("Choisissez le code de l'animation (4 à 8 chiffres)"))
                                               : Tr("Tapez ce code une deuxième fois");
  ImGui::PushFont(fonts.large);
  ImGui::PushTextWrapPos(width - pad);
  ImGui::TextUnformatted(title);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();

  // Dots, one per digit typed: never the digits themselves (someone may be watching).
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float r = 14 * s, row_h = 52 * s;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < core::kPinMaxDigits; ++i) {
    ImVec2 c(at.x + r + i * 3.2f * r, at.y + row_h / 2);
    if (i < static_cast<int>(m_typed.size())) draw->AddCircleFilled(c, r, colours::kInk);
    else if (i < core::kPinMinDigits || i < static_cast<int>(m_typed.size()) + 1) draw->AddCircle(c, r, colours::kInkSoft, 0, 2 * s);
  }
  ImGui::Dummy(ImVec2(width - 2 * pad, row_h));

  const bool locked = m_step == Step::Enter && guard.Locked(now_ms);
  std::string note = locked ? Tr("Trop d'essais. Réessayez dans {1} s.",
                                 {std::to_string((guard.LockedForMs(now_ms) + 999) / 1000)})
                            : m_note;
  ImGui::PushFont(fonts.body);
  ImGui::PushStyleColor(ImGuiCol_Text, locked || !m_note.empty() ? colours::kDanger : colours::kInkSoft);
  ImGui::PushTextWrapPos(width - pad);
  ImGui::TextUnformatted(note.empty() ? " " : note.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();

  Outcome outcome = Outcome::None;
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", nullptr, "0", nullptr};
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    if (i == 9) {
      if (controls.Button(Tr("Effacer"), key, ButtonLook::Plain, fonts.body) && !m_typed.empty()) m_typed.pop_back();
    } else if (i == 11) {
      if (controls.Button(Tr("Valider"), key, ButtonLook::Valider, fonts.large) && !locked)
        outcome = Validate(now_ms, keeper, guard);
    } else if (controls.Button(keys[i], key, ButtonLook::Plain, fonts.huge) && !locked &&
               static_cast<int>(m_typed.size()) < core::kPinMaxDigits) {
      m_typed += keys[i];
    }
  }
  if (controls.Button(Tr("Fermer"), ImVec2(width - 2 * pad, 84 * s), ButtonLook::Plain, fonts.body)) {
    m_open = false;
    outcome = Outcome::Cancelled;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  return outcome;
}

}  // namespace atelier::ui
