#include "core/event.h"

namespace atelier::core {

std::string_view ActorName(Actor a) {
  switch (a) {
    case Actor::Kiosk: return "kiosk";
    case Actor::Facilitator: return "facilitator";
    case Actor::Phone: return "phone";
  }
  return "kiosk";
}

std::string_view PhaseKindName(PhaseKind k) {
  switch (k) {
    case PhaseKind::PlaceCards: return "place_cards";
    case PhaseKind::Discuss: return "discuss";
    case PhaseKind::Vote: return "vote";
  }
  return "place_cards";
}

namespace {
template <class T>
struct Dependent : std::false_type {};
}  // namespace

std::string_view EventTypeName(const EventData& data) {
  return std::visit(
      [](const auto& e) -> std::string_view {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, CardAdded>) return "card_added";
        else if constexpr (std::is_same_v<E, CardMoved>) return "card_moved";
        else if constexpr (std::is_same_v<E, CardEdited>) return "card_edited";
        else if constexpr (std::is_same_v<E, CardDeleted>) return "card_deleted";
        else if constexpr (std::is_same_v<E, CardRestored>) return "card_restored";
        else if constexpr (std::is_same_v<E, PhaseStarted>) return "phase_started";
        else if constexpr (std::is_same_v<E, PhaseEnded>) return "phase_ended";
        else if constexpr (std::is_same_v<E, TimerPaused>) return "timer_paused";
        else if constexpr (std::is_same_v<E, TimerResumed>) return "timer_resumed";
        else if constexpr (std::is_same_v<E, TimerExtended>) return "timer_extended";
        else if constexpr (std::is_same_v<E, BoardLocked>) return "board_locked";
        else if constexpr (std::is_same_v<E, BoardUnlocked>) return "board_unlocked";
        else if constexpr (std::is_same_v<E, CardVoted>) return "card_voted";
        else if constexpr (std::is_same_v<E, VotesReset>) return "votes_reset";
        else if constexpr (std::is_same_v<E, CardHidden>) return "card_hidden";
        else if constexpr (std::is_same_v<E, CardShown>) return "card_shown";
        else if constexpr (std::is_same_v<E, CardErased>) return "card_erased";
        else if constexpr (std::is_same_v<E, LabelRenamed>) return "label_renamed";
        else if constexpr (std::is_same_v<E, ActionUndone>) return "undone";
        else if constexpr (std::is_same_v<E, ActionRedone>) return "redone";
        else if constexpr (std::is_same_v<E, CardsArranged>) return "cards_arranged";
        else if constexpr (std::is_same_v<E, InboxReceived>) return "inbox_received";
        else if constexpr (std::is_same_v<E, InboxRefused>) return "inbox_refused";
        else if constexpr (std::is_same_v<E, CardSizeSet>) return "card_size_set";
        else if constexpr (std::is_same_v<E, CardsPiled>) return "cards_piled";
        else if constexpr (std::is_same_v<E, PileSpread>) return "pile_spread";
        else static_assert(Dependent<E>::value, "every event type has a name");
      },
      data);
}

EventData ToEventData(const Undoable& what) {
  return std::visit([](const auto& e) { return EventData{e}; }, what);
}

std::string_view UndoableTypeName(const Undoable& what) { return EventTypeName(ToEventData(what)); }

std::optional<CardId> CardOf(const EventData& data) {
  return std::visit(
      [](const auto& e) -> std::optional<CardId> {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ActionUndone> || std::is_same_v<E, ActionRedone>)
          return CardOf(ToEventData(e.what));
        else if constexpr (requires { e.id; })
          return e.id;
        else
          return std::nullopt;
      },
      data);
}

}  // namespace atelier::core
