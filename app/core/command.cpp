#include "core/command.h"

#include <algorithm>
#include <cmath>

#include "core/arrange.h"
#include "core/palette.h"
#include "core/pile.h"
#include "core/text.h"

namespace atelier::core {

namespace {

bool Finite(MapPoint p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Checks text and colour the way every card must be; on success text holds the clean text.
std::optional<Error> CheckCard(std::string& text, const std::string& colour) {
  text = SanitizeCardText(text);
  if (text.empty()) return Error{"Écrivez quelques mots sur la carte."};
  if (CountChars(text) > kMaxCardChars)
    return Error{"Le texte d'une carte est limité à " + std::to_string(kMaxCardChars) + " caractères."};
  if (!FindColour(colour)) return Error{"Couleur inconnue : « " + colour + " »."};
  return std::nullopt;
}

Error NoSuchCard(CardId id) { return Error{"La carte n°" + std::to_string(id) + " n'est pas sur le tableau."}; }

// Commands participants may give; everything else is the facilitator's.
template <class C>
constexpr bool kParticipantCommand = std::is_same_v<C, AddCard> || std::is_same_v<C, MoveCard> ||
                                     std::is_same_v<C, EditCard> || std::is_same_v<C, DeleteCard> ||
                                     std::is_same_v<C, RestoreCard> || std::is_same_v<C, VoteCard> ||
                                     std::is_same_v<C, AcceptPhoneCard> || std::is_same_v<C, RefusePhoneCard> ||
                                     std::is_same_v<C, SpreadPile>;
// Phones only.
template <class C>
constexpr bool kPhoneCommand = std::is_same_v<C, ReceivePhoneCard>;

// A waiting card of the inbox, or why not.
Result<const InboxCard*> Waiting(const Board& board, InboxId id) {
  const InboxCard* card = board.FindInbox(id);
  if (!card) return Error{"Cette carte n'est pas dans la boîte des téléphones."};
  if (card->state != InboxCard::State::Waiting) return Error{"Cette carte a déjà été acceptée ou refusée."};
  return card;
}

}  // namespace

Result<EventData> Decide(const Board& board, const Command& command, const DecideContext& context) {
  const bool facilitator = context.actor == Actor::Facilitator;
  return std::visit(
      [&](const auto& c) -> Result<EventData> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (kPhoneCommand<C>) {
          if (context.actor != Actor::Phone) return Error{"Seul un téléphone envoie des cartes dans la boîte."};
        } else if constexpr (kParticipantCommand<C>) {
          if (board.locked() && !facilitator)
            return Error{"Le tableau est verrouillé par l'animation : on peut regarder, mais pas le modifier pour "
                         "l'instant."};
        } else {
          if (!facilitator) return Error{"Seule la personne qui anime l'atelier peut faire cela."};
        }
        const PhaseState* phase = board.phase() ? &*board.phase() : nullptr;

        if constexpr ((std::is_same_v<C, AcceptPhoneCard> || std::is_same_v<C, RefusePhoneCard>)) {
          if (context.actor == Actor::Phone) return Error{"Un téléphone ne peut pas modérer les cartes."};
        }

        if constexpr (std::is_same_v<C, AddCard>) {
          std::string text = c.text;
          if (auto err = CheckCard(text, c.colour)) return *err;
          if (!Finite(c.at)) return Error{"Position de carte invalide."};
          if (!c.phone.empty() && context.actor != Actor::Phone) return Error{"Seul un téléphone a un identifiant de téléphone."};
          const MapPoint at = c.landing ? LandCard(board, c.at, *c.landing) : c.at;
          return EventData{CardAdded{board.next_id(), text, c.colour, ClampToMap(at), c.phone}};
        } else if constexpr (std::is_same_v<C, ReceivePhoneCard>) {
          std::string text = c.text;
          if (auto err = CheckCard(text, c.colour)) return *err;
          if (c.phone.empty() || c.key.empty()) return Error{"Une carte de téléphone a un téléphone et une clé."};
          if (FindByKey(board.inbox(), c.key)) return Error{"Cette carte est déjà dans la boîte."};
          const auto& zones = board.map_template().zones;
          if (!c.zone.empty() &&
              std::none_of(zones.begin(), zones.end(), [&](const Zone& z) { return z.id == c.zone; }))
            return Error{"Cette zone n'existe pas sur la carte."};
          if (WaitingCount(board.inbox()) >= kMaxInboxWaiting)
            return Error{"La boîte des téléphones est pleine : l'animation doit d'abord trier les cartes."};
          return EventData{InboxReceived{board.next_inbox_id(), text, c.colour, c.zone, c.phone, c.key}};
        } else if constexpr (std::is_same_v<C, AcceptPhoneCard>) {
          auto waiting = Waiting(board, c.inbox);
          if (!waiting.ok()) return waiting.error();
          const InboxCard& entry = **waiting;
          std::string text = c.card.text;
          if (auto err = CheckCard(text, c.card.colour)) return *err;
          if (!Finite(c.card.at)) return Error{"Position de carte invalide."};
          const MapPoint at = c.card.landing ? LandCard(board, c.card.at, *c.card.landing) : c.card.at;
          return EventData{CardAdded{board.next_id(), text, c.card.colour, ClampToMap(at), entry.phone, entry.id,
                                     text == entry.text ? std::string() : entry.text}};
        } else if constexpr (std::is_same_v<C, RefusePhoneCard>) {
          auto waiting = Waiting(board, c.inbox);
          if (!waiting.ok()) return waiting.error();
          return EventData{InboxRefused{c.inbox}};
        } else if constexpr (std::is_same_v<C, MoveCard>) {
          const Card* card = board.Find(c.id);
          if (!card) return NoSuchCard(c.id);
          if (!Finite(c.to)) return Error{"Position de carte invalide."};
          return EventData{CardMoved{c.id, card->at, ClampToMap(c.to)}};
        } else if constexpr (std::is_same_v<C, EditCard>) {
          const Card* card = board.Find(c.id);
          if (!card) return NoSuchCard(c.id);
          std::string text = c.text;
          if (auto err = CheckCard(text, c.colour)) return *err;
          if (text == card->text && c.colour == card->colour) return Error{"La carte n'a pas changé."};
          return EventData{CardEdited{c.id, card->text, card->colour, text, c.colour}};
        } else if constexpr (std::is_same_v<C, DeleteCard>) {
          if (!board.Find(c.id)) return NoSuchCard(c.id);
          return EventData{CardDeleted{c.id}};
        } else if constexpr (std::is_same_v<C, RestoreCard>) {
          if (!board.FindBinned(c.id)) return Error{"Cette carte ne peut plus être rétablie."};
          return EventData{CardRestored{c.id}};
        } else if constexpr (std::is_same_v<C, VoteCard>) {
          if (!board.Find(c.id)) return NoSuchCard(c.id);
          if (!board.voting()) return Error{"Le vote n'est pas ouvert."};
          const auto& last = board.facilitation().last_vote_ms;
          auto it = last.find({c.id, context.actor});
          if (it != last.end() && context.now_ms - it->second < kVoteLockoutMs)
            return Error{"Un seul appui suffit : ce vote est déjà compté."};
          return EventData{CardVoted{c.id}};
        } else if constexpr (std::is_same_v<C, ResetVotes>) {
          VotesReset reset;
          for (const auto& [id, card] : board.cards())
            if (card.votes > 0) reset.before.emplace_back(id, card.votes);
          for (const auto& [id, card] : board.hidden())
            if (card.votes > 0) reset.before.emplace_back(id, card.votes);
          if (reset.before.empty()) return Error{"Aucun vote à effacer."};
          return EventData{std::move(reset)};
        } else if constexpr (std::is_same_v<C, HideCard>) {
          if (!board.Find(c.id)) return NoSuchCard(c.id);
          return EventData{CardHidden{c.id}};
        } else if constexpr (std::is_same_v<C, ShowCard>) {
          if (!board.FindHidden(c.id)) return Error{"Cette carte n'est pas masquée."};
          return EventData{CardShown{c.id}};
        } else if constexpr (std::is_same_v<C, EraseCard>) {
          if (!board.Find(c.id) && !board.FindBinned(c.id) && !board.FindHidden(c.id)) return NoSuchCard(c.id);
          return EventData{CardErased{c.id}};
        } else if constexpr (std::is_same_v<C, RenameLabel>) {
          const Label* label = board.map_template().FindLabel(c.key);
          if (!label) return Error{"Cette étiquette n'existe pas sur la carte."};
          std::string text = SanitizeCardText(c.text);
          if (text.empty()) return Error{"Écrivez le nouveau nom."};
          if (CountChars(text) > kMaxLabelChars)
            return Error{"Un nom est limité à " + std::to_string(kMaxLabelChars) + " caractères."};
          if (text == label->fr) return Error{"Le nom n'a pas changé."};
          return EventData{LabelRenamed{c.key, label->fr, text}};
        } else if constexpr (std::is_same_v<C, StartPhase>) {
          std::string name = SanitizeCardText(c.name);
          if (name.empty()) return Error{"Donnez un nom à la phase."};
          if (c.duration_ms < 0) return Error{"Une durée ne peut pas être négative."};
          return EventData{PhaseStarted{name, c.kind, c.duration_ms}};
        } else if constexpr (std::is_same_v<C, EndPhase>) {
          if (!phase) return Error{"Aucune phase en cours."};
          return EventData{PhaseEnded{phase->name}};
        } else if constexpr (std::is_same_v<C, PauseTimer>) {
          if (!phase || !phase->timed()) return Error{"Aucun minuteur en cours."};
          if (phase->paused()) return Error{"Le minuteur est déjà en pause."};
          return EventData{TimerPaused{}};
        } else if constexpr (std::is_same_v<C, ResumeTimer>) {
          if (!phase || !phase->paused()) return Error{"Le minuteur n'est pas en pause."};
          return EventData{TimerResumed{}};
        } else if constexpr (std::is_same_v<C, ExtendTimer>) {
          if (!phase || !phase->timed()) return Error{"Aucun minuteur en cours."};
          if (c.by_ms <= 0) return Error{"Une durée doit être positive."};
          return EventData{TimerExtended{c.by_ms}};
        } else if constexpr (std::is_same_v<C, LockBoard>) {
          if (board.locked()) return Error{"Le tableau est déjà verrouillé."};
          return EventData{BoardLocked{}};
        } else if constexpr (std::is_same_v<C, UnlockBoard>) {
          if (!board.locked()) return Error{"Le tableau n'est pas verrouillé."};
          return EventData{BoardUnlocked{}};
        } else if constexpr (std::is_same_v<C, Undo>) {
          const auto& undo = board.facilitation().undo;
          if (undo.empty()) return Error{"Plus rien à annuler."};
          return EventData{ActionUndone{undo.back().seq, undo.back().what}};
        } else if constexpr (std::is_same_v<C, Redo>) {
          const auto& redo = board.facilitation().redo;
          if (redo.empty()) return Error{"Rien à rétablir."};
          return EventData{ActionRedone{redo.back().seq, redo.back().what}};
        } else if constexpr (std::is_same_v<C, ArrangeBoard>) {
          CardsArranged arranged = ArrangeCards(board);
          if (arranged.moves.empty()) return Error{"La carte est déjà rangée."};
          return EventData{std::move(arranged)};
        } else if constexpr (std::is_same_v<C, SetCardSize>) {
          if (c.size < CardSizeChoice::Auto || c.size > CardSizeChoice::Small) return Error{"Taille de carte inconnue."};
          if (c.size == board.card_size_choice()) return Error{"Les cartes ont déjà cette taille."};
          return EventData{CardSizeSet{board.card_size_choice(), c.size}};
        } else if constexpr (std::is_same_v<C, GroupDuplicates>) {
          CardsPiled piled = PileDuplicates(board);
          if (piled.piles.empty()) return Error{"Aucun doublon à regrouper : chaque zone n'a qu'une carte de chaque texte."};
          return EventData{std::move(piled)};
        } else if constexpr (std::is_same_v<C, SpreadPile>) {
          auto spread = FanOutPile(board, c.pile);
          if (!spread) return Error{"Cette pile n'est plus sur le tableau."};
          return EventData{std::move(*spread)};
        } else {
          static_assert(sizeof(C) == 0, "Decide handles every command");
        }
      },
      command);
}

}  // namespace atelier::core
