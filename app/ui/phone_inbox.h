// The phones' inbox on the kiosk (phones_moderation = inbox, docs/phones.md): the count of
// waiting phone cards on the board (a badge big enough to read from 2 m), and the inbox itself,
// a panel listing the waiting cards, oldest first, each with "Accepter", "Modifier puis
// accepter" and "Refuser". The inbox only asks (InboxChoice); the board screen submits the
// commands (it knows where a card lands) and opens the card editor. Also the two moderation
// switches, as one self-contained widget for any settings page.
#pragma once
#include <cstddef>
#include <optional>

#include "core/board.h"
#include "ui/controls.h"
#include "ui/row_pager.h"
#include "ui/settings_page.h"
#include "ui/theme.h"

namespace atelier::ui {

// What someone asked in the inbox this frame.
struct InboxChoice {
  enum class What { None, Accept, Edit, Refuse, Close };
  What what = What::None;
  core::InboxId card = 0;
};

class PhoneInbox {
 public:
  void Open(core::Actor who) {
    m_open = true;
    m_who = who;
    m_pager.Reset();
  }
  void Close() { m_open = false; }
  bool IsOpen() const { return m_open; }
  core::Actor who() const { return m_who; }  // Facilitator after the PIN, else Kiosk

  // The panel over the board (between ImGui::NewFrame and Render).
  InboxChoice Draw(Controls& controls, const Fonts& fonts, float scale, const core::Board& board);

 private:
  bool m_open = false;
  core::Actor m_who = core::Actor::Kiosk;
  RowPager m_pager;
};

// "3 cartes des téléphones à valider": a badge under the top-left corner; true when touched.
// Draws nothing (and is false) when no card waits.
bool DrawInboxBadge(Controls& controls, const Fonts& fonts, float scale, std::size_t waiting);

// The two switches: where phone cards go (phones_moderation = board | inbox) and who may open
// the inbox (phones_inbox_access = pin | anyone), one row of big buttons each, w pixels wide.
// Edits wanted; true when something changed.
bool DrawPhoneModerationSettings(Controls& controls, const Fonts& fonts, float scale, float w,
                                 KioskSettings& wanted);
// One of the two rows (a page laid out in rows of one button's height draws them apart).
enum class ModerationSwitch { WhereCardsGo, WhoOpensInbox };
bool DrawModerationSwitch(Controls& controls, const Fonts& fonts, float scale, float w, ModerationSwitch which,
                          KioskSettings& wanted);

}  // namespace atelier::ui
