// Sections: agenda and step descriptions · frame and page buttons · the pages drawn here (the
// others have their own files: deck_page, map_labels_page, settings_page).
#include "ui/facilitator_panel.h"

#include <algorithm>
#include <cfloat>

#include "core/text.h"
#include "core/touch_scale.h"
#include "ui/i18n.h"
#include "ui/phase_timer.h"

namespace atelier::ui {

namespace {

constexpr float kRowH = 84;  // design px: taller than the 19 mm target at scale 1

void Heading(const Fonts& fonts, const char* text) {
  ImGui::PushFont(fonts.large);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void Line(const Fonts& fonts, const std::string& text, ImU32 colour = colours::kInk) {
  WrappedText(fonts.body, text, colour);
}

std::string Quoted(const std::string& text) {
  std::string cut = core::TruncateChars(text, 28);
  if (cut.size() < text.size()) cut += "…";
  return "«\u202F" + cut + "\u202F»";  // narrow no-break spaces: a guillemet never wraps alone
}

std::string Duration(std::int64_t ms) {
  const std::int64_t minutes = std::max<std::int64_t>(0, ms) / 60000;
  if (minutes < 60) return Tr("{1} min", {std::to_string(minutes)});
  return Tr("{1} h {2} min", {std::to_string(minutes / 60), std::to_string(minutes % 60)});
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Agenda and step descriptions.

std::vector<AgendaItem> DefaultAgenda() {
  return {{TrLater("Poser ses cartes"), core::PhaseKind::PlaceCards, 10 * 60000},
          {TrLater("Échanger"), core::PhaseKind::Discuss, 15 * 60000},
          {TrLater("Voter"), core::PhaseKind::Vote, 5 * 60000}};
}

std::string DescribeStep(const core::UndoStep& step, const core::Board& board) {
  const std::optional<core::CardId> id = core::CardOf(core::ToEventData(step.what));
  std::string card;
  if (id) {
    const core::Card* c = board.Find(*id);
    if (!c) c = board.FindBinned(*id);
    if (!c) c = board.FindHidden(*id);
    // Appended: `" " + std::string` (and even `= " "` here) trips GCC 12's -Wrestrict false
    // positive at -O3 (GCC bug 105329).
    if (c) card.append(1, ' ').append(Quoted(c->text));
  }
  return std::visit(
      [&](const auto& e) -> std::string {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, core::CardAdded>)
          return (e.inbox ? Tr("acceptation de la carte") : Tr("ajout de la carte")) + card;
        else if constexpr (std::is_same_v<E, core::CardMoved>) return Tr("déplacement de la carte") + card;
        else if constexpr (std::is_same_v<E, core::CardEdited>) return Tr("modification de la carte") + card;
        else if constexpr (std::is_same_v<E, core::CardDeleted>) return Tr("mise à la corbeille de la carte") + card;
        else if constexpr (std::is_same_v<E, core::CardRestored>) return Tr("retour de la carte") + card;
        else if constexpr (std::is_same_v<E, core::CardVoted>) return Tr("vote pour la carte") + card;
        else if constexpr (std::is_same_v<E, core::VotesReset>) return Tr("remise à zéro des votes");
        else if constexpr (std::is_same_v<E, core::CardHidden>) return Tr("masquage de la carte") + card;
        else if constexpr (std::is_same_v<E, core::CardShown>) return Tr("retour de la carte masquée") + card;
        else if constexpr (std::is_same_v<E, core::CardsArranged>) return Tr("rangement de la carte");
        else if constexpr (std::is_same_v<E, core::CardsPiled>) return Tr("regroupement des doublons");
        else if constexpr (std::is_same_v<E, core::PileSpread>) return Tr("étalement d'une pile");
        else if constexpr (std::is_same_v<E, core::InboxRefused>) return Tr("refus d'une carte de téléphone");
        else if constexpr (std::is_same_v<E, core::CardSizeSet>) return Tr("changement de taille des cartes");
        else return Tr("renommage de « {1} »", {e.text});
      },
      step.what);
}

// ---------------------------------------------------------------------------------------------
// Frame and page buttons.

void FacilitatorPanel::Open(bool cards) {
  m_open = true;
  m_page = cards ? Page::Cards : Page::Board;
  m_confirm = Confirm::None;
  m_map_page.Leave();
}

void FacilitatorPanel::Close() {
  m_open = false;
  m_map_page.Leave();  // a half-typed name is dropped with the panel
  m_settings_page.Leave();
  m_phones_page.Leave();
}

bool FacilitatorPanel::Type(std::string_view utf8) {
  if (m_open && m_phones_page.Editing()) {
    m_phones_page.Type(utf8);
    return true;
  }
  if (!m_open || !m_map_page.Editing()) return false;
  m_map_page.Type(utf8);
  return true;
}

bool FacilitatorPanel::Key(KeyPress key) {
  if (m_open && m_phones_page.Editing()) {
    m_phones_page.Key(key);
    return true;
  }
  if (!m_open || !m_map_page.Editing()) return false;
  m_map_page.Key(key);
  return true;
}

core::Rect FacilitatorPanel::Area(float display_w, float display_h, float s) const {
  const float w = std::min(std::max(700 * s, display_w * 0.4f), display_w - 48 * s);
  return {display_w - w - 16 * s, 50 * s, w, display_h - 66 * s};  // below the recording dot
}

void FacilitatorPanel::Submit(core::Session& session, const core::Command& command, std::string& message) {
  auto done = session.Submit(command, core::Actor::Facilitator);
  if (!done.ok()) message = done.error().message;
}

PanelRequest FacilitatorPanel::Draw(Controls& controls, const Fonts& fonts, float s, core::Session& session,
                                    const PanelInfo& info, std::string& message) {
  if (!m_open) return PanelRequest::None;
  const ImGuiIO& io = ImGui::GetIO();
  const core::Rect area = Area(io.DisplaySize.x, io.DisplaySize.y, s);
  ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
  ImGui::SetNextWindowSize(ImVec2(area.w, area.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24 * s, 20 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12 * s, 12 * s));
  ImGui::Begin("##facilitator_panel", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
  controls.CoverCurrentWindow();
  const float w = ImGui::GetContentRegionAvail().x;

  // The title, and the way out at the top right, where it stays whatever the page.
  PanelRequest request = PanelRequest::None;
  const float target = core::kBaseTargetPx * s;
  ImGui::PushFont(fonts.large);
  const float close_w = ImGui::CalcTextSize(Tr("Fermer le panneau")).x + 2 * ImGui::GetStyle().FramePadding.x + 24 * s;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (target - ImGui::GetTextLineHeight()) / 2);
  ImGui::TextUnformatted(Tr("Animation"));
  ImGui::PopFont();
  ImGui::SameLine(w + ImGui::GetStyle().WindowPadding.x - close_w);
  ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
  if (controls.Button(Tr("Fermer le panneau"), ImVec2(close_w, target), ButtonLook::Plain, fonts.large)) {
    Close();
    request = PanelRequest::Close;
  }
  // Page buttons in two rows (nine do not fit in one at 40 % of the screen): the board's
  // pages and the session's (short words: five fit), then the map, the settings, the phones and
  // the exports ("Axes et zones" needs a quarter of the row). The current one in the primary colour.
  const std::pair<Page, const char*> rows[2][5] = {
      {{Page::Board, Tr("Tableau")}, {Page::Phases, Tr("Phases")}, {Page::Cards, Tr("Cartes")}, {Page::Deck, Tr("Paquet")},
       {Page::Session, Tr("Séance")}},
      {{Page::MapLabels, Tr("Axes et zones")}, {Page::Settings, Tr("Réglages")}, {Page::Phones, Tr("Téléphones")},
       {Page::Export, Tr("Exporter")}}};
  for (const auto& row : rows) {
    std::size_t n = 0;
    while (n < 5 && row[n].second) ++n;
    const float page_w = (w - (n - 1) * 12 * s) / n;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) ImGui::SameLine();
      const auto& [page, label] = row[i];
      // The body size when the word fits, else the small one (English, a small screen).
      ImFont* font = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, label).x < page_w - 16 * s
                         ? fonts.body
                         : fonts.small;
      if (controls.Button(label, ImVec2(page_w, target), m_page == page ? ButtonLook::Primary : ButtonLook::Plain,
                          font) &&
          m_page != page) {
        m_page = page;
        m_confirm = Confirm::None;
        m_map_page.Leave();
        m_settings_page.Leave();
        m_phones_page.Leave();
        if (m_page == Page::Deck && info.decks) m_deck_page.Opened(*info.decks);
      }
    }
  }
  ImGui::Separator();

  ImGui::BeginChild("##page", ImVec2(w, ImGui::GetContentRegionAvail().y), false,
                    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
  switch (m_page) {
    case Page::Board: DrawBoardPage(controls, fonts, s, w, session, message); break;
    case Page::Phases: DrawPhasesPage(controls, fonts, s, w, session, message); break;
    case Page::Cards: request = DrawCardsPage(controls, fonts, s, w, session, info, message); break;
    case Page::Deck:
      if (info.decks) m_deck_page.Draw(controls, fonts, s, w, *info.decks);
      break;
    case Page::MapLabels: m_map_page.Draw(controls, fonts, s, w, session.board(), info.lang); break;
    case Page::Session: request = DrawSessionPage(controls, fonts, s, w, session, info); break;
    case Page::Settings:
      switch (m_settings_page.Draw(controls, fonts, s, w, info.settings)) {
        case SettingsPage::Ask::None: break;
        case SettingsPage::Ask::Change: request = PanelRequest::Settings; break;
        case SettingsPage::Ask::ChangePin: request = PanelRequest::ChangePin; break;
      }
      break;
    case Page::Phones:
      m_phones_ask = m_phones_page.Draw(controls, fonts, s, w, info.phones);
      if (m_phones_ask.kind != PhonesAsk::Kind::None) request = PanelRequest::Phones;
      break;
    case Page::Export:
      switch (m_export_page.Draw(controls, fonts, s, w, info.exports)) {
        case ExportPage::Ask::None: break;
        case ExportPage::Ask::Beside: request = PanelRequest::Export; break;
        case ExportPage::Ask::Stick: request = PanelRequest::ExportToStick; break;
      }
      break;
  }
  ImGui::EndChild();
  ImGui::End();
  ImGui::PopStyleVar(2);
  // The label editor: a window of its own, beside the panel or over its lower part.
  if (m_open && m_page == Page::MapLabels) m_map_page.DrawEditor(controls, fonts, s, area, session);
  if (m_open && m_page == Page::Phones) {  // the Wi-Fi name or password being typed
    PhonesAsk typed = m_phones_page.DrawEditor(controls, fonts, s, area, info.phones);
    if (typed.kind != PhonesAsk::Kind::None) {
      m_phones_ask = std::move(typed);
      request = PanelRequest::Phones;
    }
  }
  return request;
}

// ---------------------------------------------------------------------------------------------
// Tableau: lock and undo / redo.

void FacilitatorPanel::DrawBoardPage(Controls& controls, const Fonts& fonts, float s, float w,
                                     core::Session& session, std::string& message) {
  const core::Board& board = session.board();
  const ImVec2 full(w, kRowH * s);
  if (board.locked()) {
    Line(fonts, Tr("Le tableau est verrouillé : les participants regardent sans pouvoir le modifier."),
         colours::kDanger);
    if (controls.Button(Tr("Déverrouiller le tableau"), full, ButtonLook::Primary, fonts.large))
      Submit(session, core::UnlockBoard{}, message);
  } else {
    Line(fonts, Tr("Le tableau est ouvert à tous."));
    if (controls.Button(Tr("Verrouiller le tableau"), full, ButtonLook::Primary, fonts.large))
      Submit(session, core::LockBoard{}, message);
  }
  // "Ranger la carte" (core/arrange.h): one step, undone by "Défaire" below.
  ImGui::Spacing();
  // The page has room for no more rows: "Revenir en arrière" must stay whole on a 1080p screen.
  Heading(fonts, Tr("Ranger, et la taille des cartes"));
  // Beside it, on the same row (the page keeps its height), "Regrouper les doublons"
  // (core/pile.h): same text, same zone → one pile; a tap fans it out.
  const ImVec2 pair((w - 12 * s) / 2, kRowH * s);
  if (controls.Button(Tr("Ranger la carte"), pair, ButtonLook::Primary, fonts.body))
    Submit(session, core::ArrangeBoard{}, message);
  ImGui::SameLine();
  if (controls.Button(Tr("Regrouper les doublons"), pair, ButtonLook::Primary, fonts.body))
    Submit(session, core::GroupDuplicates{}, message);
  DrawCardSizeChoice(controls, fonts, s, w, session, message);
  ImGui::Spacing();
  Heading(fonts, Tr("Revenir en arrière"));
  const auto& undo = board.facilitation().undo;
  const auto& redo = board.facilitation().redo;
  Line(fonts, undo.empty() ? std::string(Tr("Rien à défaire."))
                           : Tr("Prochain pas en arrière : {1}.", {DescribeStep(undo.back(), board)}),
       colours::kInkSoft);
  const ImVec2 half((w - 12 * s) / 2, kRowH * s);
  if (controls.Button(Tr("Défaire"), half, undo.empty() ? ButtonLook::Plain : ButtonLook::Primary, fonts.large) &&
      !undo.empty())
    Submit(session, core::Undo{}, message);
  ImGui::SameLine();
  if (controls.Button(Tr("Refaire"), half, redo.empty() ? ButtonLook::Plain : ButtonLook::Primary, fonts.large) &&
      !redo.empty())
    Submit(session, core::Redo{}, message);
  Line(fonts, Tr("Chaque pas est enregistré : le replay le montre et rien n'est perdu."), colours::kInkSoft);
}

// "Taille des cartes" (core/card_size.h): automatic, or one of three fixed steps; an event, so
// the replay and the exports draw the same size, and "Défaire" takes it back.
void FacilitatorPanel::DrawCardSizeChoice(Controls& controls, const Fonts& fonts, float s, float w,
                                          core::Session& session, std::string& message) {
  const core::Board& board = session.board();
  const std::pair<core::CardSizeChoice, const char*> choices[] = {{core::CardSizeChoice::Auto, Tr("Auto")},
                                                                  {core::CardSizeChoice::Large, Tr("Grandes")},
                                                                  {core::CardSizeChoice::Medium, Tr("Moyennes")},
                                                                  {core::CardSizeChoice::Small, Tr("Petites")}};
  const float button_w = (w - 3 * 12 * s) / 4;
  for (std::size_t i = 0; i < std::size(choices); ++i) {
    const auto& [choice, label] = choices[i];
    if (i > 0) ImGui::SameLine();
    const bool chosen = board.card_size_choice() == choice;
    if (controls.Button(label, ImVec2(button_w, kRowH * s), chosen ? ButtonLook::Primary : ButtonLook::Plain,
                        fonts.body) &&
        !chosen)
      Submit(session, core::SetCardSize{choice}, message);
  }
  const std::vector<const core::Zone*> over = board.OverfullZones();
  if (board.card_size_choice() != core::CardSizeChoice::Auto && !over.empty()) {
    std::string names;
    for (const core::Zone* z : over) {
      if (!names.empty()) names += ", ";
      names += Quoted(z->label.fr);
    }
    Line(fonts,
         Tr("Trop de cartes pour cette taille dans {1} : elles ne tiennent pas sans se chevaucher. Choisissez des "
            "cartes plus petites.",
            {names}),
         colours::kDanger);
  }
}

// ---------------------------------------------------------------------------------------------
// Phases: the agenda, the timer, votes.

void FacilitatorPanel::DrawPhasesPage(Controls& controls, const Fonts& fonts, float s, float w,
                                      core::Session& session, std::string& message) {
  const core::Board& board = session.board();
  const ImVec2 full(w, kRowH * s), half((w - 12 * s) / 2, kRowH * s);
  if (const auto& phase = board.phase()) {
    std::string now = Tr("En cours : {1}", {phase->name});
    if (auto left = phase->RemainingMs(session.NowMs()))
      now += " — " + (*left > 0 ? FormatCountdown(*left) : std::string(Tr("temps écoulé")));
    Line(fonts, now);
    if (phase->timed()) {
      if (controls.Button(phase->paused() ? Tr("Reprendre") : Tr("Pause"), half, ButtonLook::Primary, fonts.large))
        Submit(session, phase->paused() ? core::Command{core::ResumeTimer{}} : core::Command{core::PauseTimer{}},
               message);
      ImGui::SameLine();
      if (controls.Button(Tr("+1 min"), half, ButtonLook::Primary, fonts.large))
        Submit(session, core::ExtendTimer{60000}, message);
    }
    if (controls.Button(Tr("Terminer la phase"), full, ButtonLook::Plain, fonts.large))
      Submit(session, core::EndPhase{}, message);
  } else {
    Line(fonts, Tr("Aucune phase en cours."), colours::kInkSoft);
  }
  ImGui::Spacing();
  Heading(fonts, Tr("Démarrer une phase"));
  for (const AgendaItem& item : m_agenda) {
    std::string label = std::string(Tr(item.name)) + " · " + Duration(item.duration_ms);
    if (controls.Button(label.c_str(), ImVec2(w, 76 * s), ButtonLook::Plain, fonts.large))
      Submit(session, core::StartPhase{Tr(item.name), item.kind, item.duration_ms}, message);
  }
  ImGui::Spacing();
  int votes = 0;
  for (const auto& [id, card] : board.cards()) votes += card.votes;
  ImGui::AlignTextToFramePadding();
  Line(fonts, Tr("{1} votes", {std::to_string(votes)}), colours::kInkSoft);
  ImGui::SameLine(w - half.x);
  if (controls.Button(Tr("Remettre les votes à zéro"), ImVec2(half.x, 72 * s), ButtonLook::Plain, fonts.body))
    Submit(session, core::ResetVotes{}, message);
}

// ---------------------------------------------------------------------------------------------
// Cartes: moderation.

PanelRequest FacilitatorPanel::DrawCardsPage(Controls& controls, const Fonts& fonts, float s, float w,
                                             core::Session& session, const PanelInfo& info, std::string& message) {
  const core::Board& board = session.board();
  const ImVec2 full(w, kRowH * s), half((w - 12 * s) / 2, kRowH * s);
  PanelRequest request = PanelRequest::None;
  const core::Card* card = info.selected ? board.Find(*info.selected) : nullptr;
  if (!card) {
    Line(fonts, Tr("Touchez une carte sur le tableau pour la choisir."));
  } else {
    Line(fonts, Tr("Carte choisie : {1}", {Quoted(card->text)}));
    if (m_confirm == Confirm::Erase) {
      Line(fonts, Tr("Effacer cette carte pour de bon ? Elle ne pourra pas revenir sur le tableau."),
           colours::kDanger);
      if (controls.Button(Tr("Oui, effacer"), half, ButtonLook::Danger, fonts.large)) {
        Submit(session, core::EraseCard{card->id}, message);
        m_confirm = Confirm::None;
      }
      ImGui::SameLine();
      if (controls.Button(Tr("Non, garder"), half, ButtonLook::Plain, fonts.large)) m_confirm = Confirm::None;
    } else {
      if (controls.Button(Tr("Modifier le texte"), full, ButtonLook::Primary, fonts.large))
        request = PanelRequest::EditSelected;
      if (controls.Button(Tr("Masquer"), half, ButtonLook::Plain, fonts.large))
        Submit(session, core::HideCard{card->id}, message);
      ImGui::SameLine();
      if (controls.Button(Tr("Effacer pour de bon"), half, ButtonLook::Danger, fonts.body)) m_confirm = Confirm::Erase;
    }
  }
  if (!board.hidden().empty()) {
    ImGui::Spacing();
    Heading(fonts, Tr("Cartes masquées"));
    int shown = 0;
    for (const auto& [id, hidden] : board.hidden()) {
      if (shown++ == 4) break;
      std::string label = Tr("Montrer {1}", {Quoted(hidden.text)}) + "##show" + std::to_string(id);
      if (controls.Button(label.c_str(), full, ButtonLook::Plain, fonts.body))
        Submit(session, core::ShowCard{id}, message);
    }
  }
  return request;
}

// ---------------------------------------------------------------------------------------------
// Séance.

PanelRequest FacilitatorPanel::DrawSessionPage(Controls& controls, const Fonts& fonts, float s, float w,
                                               core::Session& session, const PanelInfo& info) {
  const core::Board& board = session.board();
  const ImVec2 full(w, kRowH * s), half((w - 12 * s) / 2, kRowH * s);
  Heading(fonts, info.title.c_str());
  Line(fonts, Tr("En cours depuis {1} · {2} cartes", {Duration(session.NowMs()), std::to_string(board.cards().size())}));
  const core::Journal& journal = session.journal();
  if (journal.healthy()) Line(fonts, Tr("Enregistrement : tout est sur le disque."), colours::kOk);
  else Line(fonts, journal.problem(), colours::kDanger);
  ImGui::Spacing();
  PanelRequest request = PanelRequest::None;
  if (m_confirm == Confirm::EndSession || m_confirm == Confirm::Quit) {
    Line(fonts,
         m_confirm == Confirm::EndSession
             ? Tr("Terminer la séance ? Elle reste enregistrée et pourra être rejouée et exportée.")
             : Tr("Quitter Atelier et revenir au bureau ? La séance reste enregistrée."),
         colours::kDanger);
    if (controls.Button(m_confirm == Confirm::EndSession ? Tr("Oui, terminer") : Tr("Oui, quitter"), half,
                        ButtonLook::Danger, fonts.large))
      request = m_confirm == Confirm::EndSession ? PanelRequest::EndSession : PanelRequest::Quit;
    ImGui::SameLine();
    if (controls.Button(Tr("Non, continuer"), half, ButtonLook::Plain, fonts.large) ||
        request != PanelRequest::None)
      m_confirm = Confirm::None;
    return request;
  }
  if (controls.Button(Tr("Séances : nouvelle, renommer, ouvrir, exporter"), full, ButtonLook::Primary, fonts.body))
    request = PanelRequest::Sessions;
  if (controls.Button(Tr("Terminer la séance"), full, ButtonLook::Plain, fonts.large)) m_confirm = Confirm::EndSession;
  if (controls.Button(Tr("Quitter vers le bureau"), full, ButtonLook::Danger, fonts.large)) m_confirm = Confirm::Quit;
  return request;
}

}  // namespace atelier::ui
