// What happened on the board, in workshop terms. Events are the truth: the board is the fold
// of them (Apply), the session file stores them, replay re-folds them. Each event carries what
// a reader needs without the board (a move says from and to, an edit says before and after).
#pragma once
#include <cstdint>
#include <string>
#include <optional>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/card.h"
#include "core/card_size.h"

namespace atelier::core {

enum class Actor { Kiosk, Facilitator, Phone };
std::string_view ActorName(Actor a);  // "kiosk", "facilitator", "phone"

struct CardAdded {
  CardId id = 0;
  std::string text;
  std::string colour;
  MapPoint at;
  std::string phone;  // the sending phone's anonymous id (net/phone_id.h): a phone card; else empty
  // Accepted from the phones' inbox (the actor: who accepted it): the inbox number, and the
  // phone's own text when the card was edited before it was accepted (else empty).
  std::int64_t inbox = 0;
  std::string phone_text;
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

// ---- facilitator events (the PIN-protected panel; see docs/guide-animateur.md) -------------

// What a phase of the workshop is for: placing cards, talking, or dot voting (cards then show a
// vote control).
enum class PhaseKind { PlaceCards, Discuss, Vote };
std::string_view PhaseKindName(PhaseKind k);  // "place_cards", "discuss", "vote"

// A named phase begins (and the one before it, if any, ends with it). duration_ms 0: no timer.
struct PhaseStarted {
  std::string name;
  PhaseKind kind = PhaseKind::PlaceCards;
  std::int64_t duration_ms = 0;
  bool operator==(const PhaseStarted&) const = default;
};

struct PhaseEnded {
  std::string name;  // the phase that ended, for readers of the journal
  bool operator==(const PhaseEnded&) const = default;
};

struct TimerPaused {
  bool operator==(const TimerPaused&) const = default;
};
struct TimerResumed {
  bool operator==(const TimerResumed&) const = default;
};
struct TimerExtended {
  std::int64_t by_ms = 60000;
  bool operator==(const TimerExtended&) const = default;
};

// Locked: participants (Actor::Kiosk, Phone) may look but not change the board.
struct BoardLocked {
  bool operator==(const BoardLocked&) const = default;
};
struct BoardUnlocked {
  bool operator==(const BoardUnlocked&) const = default;
};

// One dot on a card.
struct CardVoted {
  CardId id = 0;
  bool operator==(const CardVoted&) const = default;
};

// Every vote back to zero; before holds the counts that were cleared (card id, votes), so the
// reset can be undone and a reader sees what was lost.
struct VotesReset {
  std::vector<std::pair<CardId, int>> before;
  bool operator==(const VotesReset&) const = default;
};

// Moderation: a hidden card is off the board (and out of exports) but kept, so it can be shown
// again; an erased card is gone for good (only the journal remembers it).
struct CardHidden {
  CardId id = 0;
  bool operator==(const CardHidden&) const = default;
};
struct CardShown {
  CardId id = 0;
  bool operator==(const CardShown&) const = default;
};
struct CardErased {
  CardId id = 0;
  bool operator==(const CardErased&) const = default;
};

// A map label changed on the kiosk. key names the label: "title", "horizontal.title",
// "horizontal.low", "horizontal.high", "vertical.title", "vertical.low", "vertical.high" or
// "zone.<zone id>" (see LabelKeys in template.h).
struct LabelRenamed {
  std::string key;
  std::string old_text;
  std::string text;
  bool operator==(const LabelRenamed&) const = default;
};

// "Ranger la carte" (the facilitator tidies the map): every card it moved, from and to, in one
// event, so one undo puts every card back where it was and the replay shows one step. Cards
// keep their place in the stacking order (z).
struct CardsArranged {
  std::vector<CardMoved> moves;
  bool operator==(const CardsArranged&) const = default;
};

// "Taille des cartes": the facilitator fixes how big cards are on the map, or gives it back to
// the crowd (Auto, core/card_size.h). before: the choice it replaces, so an undo restores it.
struct CardSizeSet {
  CardSizeChoice before = CardSizeChoice::Auto;
  CardSizeChoice size = CardSizeChoice::Auto;
  bool operator==(const CardSizeSet&) const = default;
};

// "Regrouper les doublons": cards of the same text in one zone stacked into piles
// (core/pile.h). A pile's id is the id of its first card; cards lists its cards bottom to top.
struct Pile {
  CardId id = 0;
  std::vector<CardId> cards;
  bool operator==(const Pile&) const = default;
};

// Every move and every pile of one grouping in one event, so one undo puts every card back
// where it was and in the pile it was in (before: (card, pile) for the cards of these piles
// that already lay in a pile), and the replay shows one step.
struct CardsPiled {
  std::vector<CardMoved> moves;
  std::vector<Pile> piles;
  std::vector<std::pair<CardId, CardId>> before;
  bool operator==(const CardsPiled&) const = default;
};

// A tap on a pile fans it out: every card of the pile leaves it (moves lists them all, from
// their place in the pile to a free place near it; the top card stays where it was).
struct PileSpread {
  CardId pile = 0;
  std::vector<CardMoved> moves;
  bool operator==(const PileSpread&) const = default;
};

// ---- the phones' inbox (phones_moderation = inbox; docs/phones.md) -------------------------

// A card a phone sent waits in the inbox, off the board (actor: phone). inbox numbers the
// inbox's cards 1, 2, 3 … in the session; key is the phone's idempotency key for the card.
struct InboxReceived {
  std::int64_t inbox = 0;
  std::string text;
  std::string colour;
  std::string zone;   // a zone id of the map, or empty
  std::string phone;  // the phone's anonymous id
  std::string key;
  bool operator==(const InboxReceived&) const = default;
};

// A waiting card refused: it never lands (actor: who refused it). Accepting one is a
// card_added with its inbox number (CardAdded::inbox).
struct InboxRefused {
  std::int64_t inbox = 0;
  bool operator==(const InboxRefused&) const = default;
};

// The events the facilitator's undo can reverse.
using Undoable = std::variant<CardAdded, CardMoved, CardEdited, CardDeleted, CardRestored, CardVoted, VotesReset,
                              CardHidden, CardShown, LabelRenamed, CardsArranged, InboxRefused, CardSizeSet,
                              CardsPiled, PileSpread>;

// Undo and redo are events too, so the replay shows them. Each names the event it reverses
// (seq) and carries it whole (what), so a reader — and Apply — knows exactly what changed:
// undoing a move moves the card back, undoing a delete restores it, undoing an edit puts the
// old text back, undoing an add puts the card in the bin. Redone applies `what` again.
struct ActionUndone {
  std::int64_t seq = 0;
  Undoable what;
  bool operator==(const ActionUndone&) const = default;
};
struct ActionRedone {
  std::int64_t seq = 0;
  Undoable what;
  bool operator==(const ActionRedone&) const = default;
};

using EventData = std::variant<CardAdded, CardMoved, CardEdited, CardDeleted, CardRestored, PhaseStarted, PhaseEnded,
                               TimerPaused, TimerResumed, TimerExtended, BoardLocked, BoardUnlocked, CardVoted,
                               VotesReset, CardHidden, CardShown, CardErased, LabelRenamed, ActionUndone, ActionRedone,
                               CardsArranged, InboxReceived, InboxRefused, CardSizeSet, CardsPiled, PileSpread>;

std::string_view EventTypeName(const EventData& data);  // "card_added", "card_moved" …
std::string_view UndoableTypeName(const Undoable& what);
EventData ToEventData(const Undoable& what);
// The card an event is about, if it is about one card (undo/redo: the card of what they reverse).
std::optional<CardId> CardOf(const EventData& data);

struct Event {
  std::int64_t seq = 0;   // 1, 2, 3 … in journal order
  std::int64_t t_ms = 0;  // milliseconds since the session began
  Actor actor = Actor::Kiosk;
  EventData data;
  bool operator==(const Event&) const = default;
};

}  // namespace atelier::core
