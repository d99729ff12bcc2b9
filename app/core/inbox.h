// The phones' inbox (phones_moderation = inbox, docs/phones.md): cards phones sent, waiting for
// someone on the kiosk to accept them (they land on the board), edit then accept, or refuse.
// Part of the board's fold (Facilitation::inbox), so a restarted kiosk and the replay see it.
// Decided cards stay in it, with their outcome, so a phone asking about its card gets an answer.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/card.h"

namespace atelier::core {

using InboxId = std::int64_t;

inline constexpr std::size_t kMaxInboxWaiting = 500;  // cards waiting at once; more are refused

struct InboxCard {
  enum class State { Waiting, Accepted, Refused };
  InboxId id = 0;
  std::string text;
  std::string colour;
  std::string zone;    // a zone id, or empty
  std::string phone;   // the phone's anonymous id
  std::string key;     // the phone's idempotency key
  std::int64_t received_ms = 0;
  State state = State::Waiting;
  CardId card = 0;     // Accepted: the card it became
  bool operator==(const InboxCard&) const = default;
};

std::string_view InboxStateName(InboxCard::State s);  // "waiting", "accepted", "refused"

using Inbox = std::map<InboxId, InboxCard>;

std::size_t WaitingCount(const Inbox& inbox);
// The card a phone sent with this key, if the inbox has it.
const InboxCard* FindByKey(const Inbox& inbox, std::string_view key);

}  // namespace atelier::core
