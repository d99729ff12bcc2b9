// What happened on the board, in workshop terms. Events are the truth: the board is the fold
// of them (Apply), the session file stores them, replay re-folds them. Each event carries what
// a reader needs without the board (a move says from and to, an edit says before and after).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/card.h"

namespace atelier::core {

enum class Actor { Kiosk, Facilitator, Phone };
std::string_view ActorName(Actor a);  // "kiosk", "facilitator", "phone"

struct CardAdded {
  CardId id = 0;
  std::string text;
  std::string colour;
  MapPoint at;
  bool operator==(const CardAdded&) const = default;
};

struct CardMoved {
  CardId id = 0;
  MapPoint from;
  MapPoint to;
  bool operator==(const CardMoved&) const = default;
};

struct CardEdited {
  CardId id = 0;
  std::string old_text;
  std::string old_colour;
  std::string text;
  std::string colour;
  bool operator==(const CardEdited&) const = default;
};

// Dropped on the bin: off the board but kept, so "Annuler" can bring it back.
struct CardDeleted {
  CardId id = 0;
  bool operator==(const CardDeleted&) const = default;
};

struct CardRestored {
  CardId id = 0;
  bool operator==(const CardRestored&) const = default;
};

using EventData = std::variant<CardAdded, CardMoved, CardEdited, CardDeleted, CardRestored>;

std::string_view EventTypeName(const EventData& data);  // "card_added", "card_moved" …

struct Event {
  std::int64_t seq = 0;   // 1, 2, 3 … in journal order
  std::int64_t t_ms = 0;  // milliseconds since the session began
  Actor actor = Actor::Kiosk;
  EventData data;
  bool operator==(const Event&) const = default;
};

}  // namespace atelier::core
