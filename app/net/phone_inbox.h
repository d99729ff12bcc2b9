// The phone server's side of the inbox (docs/phones.md, phones_moderation = inbox), for the
// frame loop that alone submits commands: a phone's card goes to wait (202 "in_inbox"), and
// what became of each card (in_inbox, on_board, refused) is what POST /api/cards/status says.
#pragma once
#include <string>
#include <unordered_map>

#include "core/board.h"
#include "core/session.h"
#include "net/phone_desk.h"

namespace atelier::net {

// Where an inbox card is, as the phone hears it: 202 in_inbox, 201 on_board, 200 refused.
Answer InboxAnswer(const core::InboxCard& card);

// Frame loop: submits the card to the inbox (actor phone), or answers the state of the card
// the inbox already has under its key (a retry after the kiosk restarted: never a second card).
Answer SendToInbox(core::Session& session, const PhoneCard& card);

// The state of every inbox card by key, for PhoneDesk::PublishStates.
std::unordered_map<std::string, Answer> InboxStates(const core::Board& board);

}  // namespace atelier::net
