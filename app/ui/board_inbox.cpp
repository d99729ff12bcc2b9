// The phones' inbox on the board screen (ui/phone_inbox.h, docs/phones.md): the badge that
// counts waiting phone cards, opening the inbox (behind the PIN, or for anyone when the
// setting allows), and what its buttons do — every decision a command, so an event.
#include "ui/board_screen.h"

#include "core/command.h"
#include "core/text.h"
#include "ui/i18n.h"

namespace atelier::ui {

void BoardScreen::DrawPhoneInbox(std::int64_t now_ms) {
  const core::Board& board = m_session.board();
  const std::size_t waiting = core::WaitingCount(board.inbox());
  // The inbox shows what waits even after the setting went back to "Sur le tableau".
  const bool room = !editor_open() && !m_pin_pad.IsOpen() && !m_inbox.IsOpen();  // beside the panel too
  if (room && DrawInboxBadge(m_controls, m_fonts, m_config.ui_scale, waiting)) OpenInbox();
  if (!m_inbox.IsOpen() || m_pin_pad.IsOpen() || editor_open()) return;
  if (m_inbox.who() == core::Actor::Facilitator && now_ms - m_last_touch_ms > m_config.panel_idle_ms) {
    m_inbox.Close();  // left open behind the PIN: a participant must not find it
    return;
  }
  DecideInbox(m_inbox.Draw(m_controls, m_fonts, m_config.ui_scale, board));
}

void BoardScreen::OpenInbox() {
  m_tray.Close();
  if (m_config.phones_inbox_anyone || m_panel.IsOpen()) {
    m_inbox.Open(m_panel.IsOpen() ? core::Actor::Facilitator : core::Actor::Kiosk);
    m_panel.Close();
    return;
  }
  if (!m_config.pins) return ShowMessage(Tr("La boîte des téléphones s'ouvre avec le code de l'animation."), m_now_ms);
  m_pin_for_inbox = true;  // DrawFacilitator opens the inbox once the code is right
  m_pin_pad.OpenToEnter(*m_config.pins);
  m_gestures.CancelAll();
}

void BoardScreen::DecideInbox(const InboxChoice& choice) {
  const core::InboxCard* card = choice.card ? m_session.board().FindInbox(choice.card) : nullptr;
  if (!card) return;
  const core::Actor who = m_inbox.who();
  auto landing = [&](const std::string& text, const std::string& colour) {
    const core::Zone* zone = nullptr;
    for (const core::Zone& z : m_session.board().map_template().zones)
      if (z.id == card->zone) zone = &z;
    return core::AcceptPhoneCard{card->id, PhoneCard(text, colour, zone)};  // lands as a straight phone card
  };
  core::Result<core::Event> done = core::Error{""};
  switch (choice.what) {
    case InboxChoice::What::Accept: done = m_session.Submit(landing(card->text, card->colour), who); break;
    case InboxChoice::What::Refuse: done = m_session.Submit(core::RefusePhoneCard{card->id}, who); break;
    case InboxChoice::What::Edit: {
      core::Card draft{.id = 0, .text = card->text, .colour = card->colour, .at = {0.5f, 0.5f}};
      m_editing_inbox = card->id;
      m_inbox_editor = 1;  // the right-hand one, as before (the draft sits mid-board); none is open now
      m_editor_actor[m_inbox_editor] = who;
      m_editors[m_inbox_editor].OpenExisting(draft, /*left_side=*/false, m_viewport);
      m_typing = m_inbox_editor;
      m_inbox.Close();
      return;
    }
    default: return;
  }
  if (!done.ok()) ShowMessage(done.error().message, m_now_ms);
  else if (choice.what == InboxChoice::What::Refuse) ShowMessage(Tr("Carte refusée : elle ne sera pas sur le tableau."), m_now_ms, 3000);
}

bool BoardScreen::FinishInboxEdit(std::size_t editor, const std::string& text) {
  if (!m_editing_inbox || editor != m_inbox_editor) return false;
  const core::InboxCard* card = m_session.board().FindInbox(*m_editing_inbox);
  const core::Actor who = m_editor_actor[editor];
  if (card) {
    const core::Zone* zone = nullptr;
    for (const core::Zone& z : m_session.board().map_template().zones)
      if (z.id == card->zone) zone = &z;
    core::Result<core::Event> done =
        m_session.Submit(core::AcceptPhoneCard{card->id, PhoneCard(text, m_editors[editor].colour(), zone)}, who);
    if (!done.ok()) {
      ShowMessage(done.error().message, m_now_ms);
      return true;  // the editor stays open: the text can be mended
    }
  }
  m_editors[editor].Close();
  m_editing_inbox.reset();
  m_editor_actor[editor] = core::Actor::Kiosk;
  m_inbox.Open(who);  // back to the inbox, where the edit was asked
  return true;
}

}  // namespace atelier::ui
