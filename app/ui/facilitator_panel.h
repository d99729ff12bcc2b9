// The facilitator's panel, behind the PIN: a tall panel on the right of the board, touch first,
// in pages reached by big buttons (no tabs: they need two taps on touch in ImGui 1.86).
//   Tableau   — lock / unlock the board; undo / redo the whole board's history step by step.
//   Phases    — start a phase of the agenda (a countdown everyone sees), pause, +1 min, end;
//               reset the votes.
//   Cartes    — moderation: touch a card on the board to choose it, then edit, hide or erase it
//               for good (with a confirmation); hidden cards can be shown again.
//   Paquet    — the deck of ready-made cards: keep or consume, remove, import a CSV (deck_page.h).
//   Axes et zones — rename the map's title, axes and zones with the on-screen keyboard
//               (map_labels_page.h).
//   Séance    — title, running time, card count, recording; other sessions (new, rename, open,
//               export: the sessions screen), end the session, quit to the desktop.
//   Réglages  — language, keyboard, idle delay, UI scale, change the PIN (settings_page.h).
//   Téléphones — the phones' server on and off, its QR codes and links (phones_page.h).
//   Exporter  — the bundle beside the session or on a USB stick (export_page.h).
// The page buttons stand in two rows under the title and "Fermer le panneau".
// Every change to the board is a command from Actor::Facilitator, so it is an event like any
// other (the replay shows it). What the panel cannot do itself it asks for (PanelRequest).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/board.h"
#include "core/session.h"
#include "ui/controls.h"
#include "ui/deck_page.h"
#include "ui/export_page.h"
#include "ui/map_labels_page.h"
#include "ui/phones_page.h"
#include "ui/settings_page.h"
#include "ui/theme.h"

namespace atelier::ui {

struct AgendaItem {
  const char* name;  // French, translated when shown (TrLater)
  core::PhaseKind kind = core::PhaseKind::PlaceCards;
  std::int64_t duration_ms = 0;
};
// The workshop's default agenda: "Poser ses cartes" 10 min, "Échanger" 15 min, "Voter" 5 min.
std::vector<AgendaItem> DefaultAgenda();

struct PanelInfo {
  std::string title;                     // the session's
  std::optional<core::CardId> selected;  // the card chosen on the board (Cartes page)
  DeckLibrary* decks = nullptr;          // the Paquet page's; none: no such page
  std::string lang = "fr";               // the kiosk's: the map's wording is shown in it
  SettingsView settings;                 // the Réglages page's
  PhonesView phones;                     // the Téléphones page's
  ExportView exports;                    // the Exporter page's
};

// Settings: the Réglages page asks for settings() to be applied and saved.
// Phones: the Téléphones page asks phones_ask() (start, stop, new link, Wi-Fi, the board's code).
// Export, ExportToStick: the Exporter page's buttons.
enum class PanelRequest { None, Close, Sessions, EndSession, Quit, ChangePin, EditSelected, Settings, Phones, Export,
                          ExportToStick };

class FacilitatorPanel {
 public:
  FacilitatorPanel() : m_agenda(DefaultAgenda()) {}

  void Open(bool cards = false);  // on the Tableau page, or on Cartes (back from editing a card)
  void Close();
  bool IsOpen() const { return m_open; }
  // True while touching a card on the board chooses it instead of acting on it.
  bool Choosing() const { return m_open && m_page == Page::Cards; }
  // Where the panel stands (pixels), for laying out the rest around it.
  core::Rect Area(float display_w, float display_h, float scale) const;

  // Draws the panel; French outcomes of refused commands go to message.
  PanelRequest Draw(Controls& controls, const Fonts& fonts, float scale, core::Session& session,
                    const PanelInfo& info, std::string& message);

  // The settings the Réglages page asked for (after PanelRequest::Settings).
  const KioskSettings& settings() const { return m_settings_page.wanted(); }
  // What the Téléphones page asked for (after PanelRequest::Phones).
  const PhonesAsk& phones_ask() const { return m_phones_ask; }
  void SetKeyboardLayout(input::KeyboardLayout layout) {
    m_map_page.SetKeyboardLayout(layout);
    m_phones_page.SetKeyboardLayout(layout);
  }
  // A physical keyboard, while a map label is being renamed (true: the panel took it).
  bool Type(std::string_view utf8);
  bool Key(KeyPress key);

 private:
  enum class Page { Board, Phases, Cards, Deck, MapLabels, Session, Settings, Phones, Export };
  enum class Confirm { None, Erase, EndSession, Quit };

  void Submit(core::Session& session, const core::Command& command, std::string& message);
  void DrawBoardPage(Controls& controls, const Fonts& fonts, float s, float w, core::Session& session,
                     std::string& message);
  void DrawCardSizeChoice(Controls& controls, const Fonts& fonts, float s, float w, core::Session& session,
                          std::string& message);
  void DrawPhasesPage(Controls& controls, const Fonts& fonts, float s, float w, core::Session& session,
                      std::string& message);
  PanelRequest DrawCardsPage(Controls& controls, const Fonts& fonts, float s, float w, core::Session& session,
                             const PanelInfo& info, std::string& message);
  PanelRequest DrawSessionPage(Controls& controls, const Fonts& fonts, float s, float w, core::Session& session,
                               const PanelInfo& info);

  std::vector<AgendaItem> m_agenda;
  DeckPage m_deck_page;
  MapLabelsPage m_map_page;
  SettingsPage m_settings_page;
  PhonesPage m_phones_page;
  PhonesAsk m_phones_ask;
  ExportPage m_export_page;
  bool m_open = false;
  Page m_page = Page::Board;
  Confirm m_confirm = Confirm::None;
};

// "déplacement de « Canva »": what undoing (or redoing) a step would touch, in French.
std::string DescribeStep(const core::UndoStep& step, const core::Board& board);

}  // namespace atelier::ui
