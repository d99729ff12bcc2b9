#include "core/inbox.h"

#include <algorithm>

namespace atelier::core {

std::string_view InboxStateName(InboxCard::State s) {
  switch (s) {
    case InboxCard::State::Waiting: return "waiting";
    case InboxCard::State::Accepted: return "accepted";
    case InboxCard::State::Refused: return "refused";
  }
  return "waiting";
}

std::size_t WaitingCount(const Inbox& inbox) {
  return static_cast<std::size_t>(std::count_if(
      inbox.begin(), inbox.end(), [](const auto& entry) { return entry.second.state == InboxCard::State::Waiting; }));
}

const InboxCard* FindByKey(const Inbox& inbox, std::string_view key) {
  if (key.empty()) return nullptr;
  for (const auto& [id, card] : inbox)
    if (card.key == key) return &card;
  return nullptr;
}

}  // namespace atelier::core
