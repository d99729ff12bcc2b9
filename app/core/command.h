// What someone asks the board to do. The core decides (Decide) whether it makes sense: it
// becomes an event, or is refused with a reason and changes nothing.
#pragma once
#include <optional>
#include <string>
#include <variant>

#include "core/board.h"
#include "core/error.h"
#include "core/event.h"
#include "core/landing.h"

namespace atelier::core {

struct AddCard {
  std::string text;
  std::string colour;
  MapPoint at;  // where the card goes; with a landing, where it would rather go
  // Set: the card lands at the nearest free place to `at` in this area (core/landing.h), worked
  // out by Decide on the board as it is when the command is decided.
  std::optional<LandingArea> landing;
  std::string phone;  // only with Actor::Phone: the phone's anonymous id, kept in the event
};

struct MoveCard {
  CardId id = 0;
  MapPoint to;
};

struct EditCard {
  CardId id = 0;
  std::string text;
  std::string colour;
};

struct DeleteCard {
  CardId id = 0;
};

struct RestoreCard {
  CardId id = 0;
};

// ---- the phones' inbox (core/inbox.h) ----------------------------------------------------

// Actor::Phone only: a phone's card goes to wait in the inbox (the board may be locked: the
// inbox is not the board). zone: a zone id of the map or empty.
struct ReceivePhoneCard {
  std::string text;
  std::string colour;
  std::string zone;
  std::string phone;
  std::string key;
};

// Someone on the kiosk accepts a waiting card: card is where and how it lands (the board's
// landing, as for a card sent straight to the board), its text and colour maybe edited. The
// facilitator, or anyone when the inbox is open to all; on a locked board, the facilitator only.
struct AcceptPhoneCard {
  InboxId inbox = 0;
  AddCard card;
};

struct RefusePhoneCard {
  InboxId inbox = 0;
};

// ---- facilitator commands (Actor::Facilitator only, except VoteCard) ------------------------

struct VoteCard {  // participants vote too, during a vote phase
  CardId id = 0;
};
struct ResetVotes {};
struct HideCard {
  CardId id = 0;
};
struct ShowCard {
  CardId id = 0;
};
struct EraseCard {  // for good: from the board, the bin or the hidden cards
  CardId id = 0;
};
struct RenameLabel {
  std::string key;  // see Template::LabelKeys
  std::string text;
};
struct StartPhase {
  std::string name;
  PhaseKind kind = PhaseKind::PlaceCards;
  std::int64_t duration_ms = 0;  // 0: no timer
};
struct EndPhase {};
struct PauseTimer {};
struct ResumeTimer {};
struct ExtendTimer {
  std::int64_t by_ms = 60000;
};
struct LockBoard {};
struct UnlockBoard {};
struct Undo {};
struct Redo {};
struct ArrangeBoard {};  // "Ranger la carte" (core/arrange.h)
struct SetCardSize {     // "Taille des cartes" (core/card_size.h)
  CardSizeChoice size = CardSizeChoice::Auto;
};
struct GroupDuplicates {};  // "Regrouper les doublons" (core/pile.h)
struct SpreadPile {  // a tap on a pile fans it out; participants too, unless the board is locked
  CardId pile = 0;
};

using Command = std::variant<AddCard, MoveCard, EditCard, DeleteCard, RestoreCard, VoteCard, ResetVotes, HideCard,
                             ShowCard, EraseCard, RenameLabel, StartPhase, EndPhase, PauseTimer, ResumeTimer,
                             ExtendTimer, LockBoard, UnlockBoard, Undo, Redo, ArrangeBoard, ReceivePhoneCard,
                             AcceptPhoneCard, RefusePhoneCard, SetCardSize, GroupDuplicates, SpreadPile>;

// Who asks, and when (session milliseconds, the clock that will stamp the event): the rules
// depend on both (a locked board, the double-tap lock-out on votes).
struct DecideContext {
  Actor actor = Actor::Kiosk;
  std::int64_t now_ms = 0;
};

inline constexpr std::size_t kMaxLabelChars = 60;

// The event a command would produce on this board, or why it is refused (French message).
// A locked board refuses every participant command; facilitator commands refuse other actors.
Result<EventData> Decide(const Board& board, const Command& command, const DecideContext& context = {});

}  // namespace atelier::core
