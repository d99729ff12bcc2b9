#include "net/phone_inbox.h"

#include "core/command.h"
#include "net/catalogue.h"

namespace atelier::net {

Answer InboxAnswer(const core::InboxCard& card) {
  switch (card.state) {
    case core::InboxCard::State::Waiting:
      return {.status = 202, .word = "in_inbox",
              .french = TrLater("Votre carte est reçue : elle attend que l'animation la pose sur le tableau.")};
    case core::InboxCard::State::Accepted:
      return {.status = 201, .word = "on_board", .french = TrLater("Votre carte a été acceptée : elle est sur le tableau."),
              .card = card.card};
    case core::InboxCard::State::Refused:
      return {.status = 200, .word = "refused", .french = TrLater("Votre carte n'a pas été retenue par l'animation.")};
  }
  return {};
}

Answer SendToInbox(core::Session& session, const PhoneCard& card) {
  const auto& r = card.request;
  if (const core::InboxCard* known = core::FindByKey(session.board().inbox(), r.key)) return InboxAnswer(*known);
  core::Result<core::Event> done =
      session.Submit(core::ReceivePhoneCard{r.text, r.colour, r.zone, card.phone, r.key}, core::Actor::Phone);
  if (!done.ok()) {
    if (!r.zone.empty() && done.error().message.find("zone") != std::string::npos)
      return {.status = 400, .error = true, .word = "bad_field", .french = TrLater("Cette zone n'existe pas sur la carte."),
              .field = "zone"};
    return {.status = 409, .error = true, .word = "refused", .french = done.error().message};  // the core's reason
  }
  return InboxAnswer(*session.board().FindInbox(std::get<core::InboxReceived>(done.value().data).inbox));
}

std::unordered_map<std::string, Answer> InboxStates(const core::Board& board) {
  std::unordered_map<std::string, Answer> states;
  for (const auto& [id, card] : board.inbox())
    if (!card.key.empty()) states.emplace(card.key, InboxAnswer(card));
  return states;
}

}  // namespace atelier::net
