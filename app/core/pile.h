// "Regrouper les doublons": the facilitator stacks the cards that say the same thing (case,
// accents and spaces aside: core/text_match.h) in one zone into a pile — one place, each card
// slightly offset from the one below so the stack reads as a stack, a count badge on top. Cards
// outside the zones are not grouped. A pile is board state (Card::pile), folded like the rest.
//
// The grouping is one CardsPiled event (Decide on the command GroupDuplicates): one undo restores every
// place and pile exactly, the replay shows one step. A tap on a pile fans it out (the command SpreadPile,
// any participant unless the board is locked): its top card stays, the others go to the nearest
// free places (core/landing.h FreePlaces) in its zone, overlapping no card.
//
// Dragging a pile's top card moves the whole pile (Board::Apply of a card_moved on a card of a
// pile moves its other cards by the same amount), so a pile stays one thing on the map; to take
// cards out of it, tap it. Votes stay per card; exports keep every card.
#pragma once
#include <map>
#include <optional>
#include <vector>

#include "core/event.h"

namespace atelier::core {

class Board;
class CardMap;

// Offset of each card from the one below it in a pile (map units), at most kPileOffsetSteps
// times: past that, cards lie on the top one.
inline constexpr float kPileOffsetX = 0.004f;
inline constexpr float kPileOffsetY = 0.007f;
inline constexpr int kPileOffsetSteps = 4;

// How many cards of cards lie in each pile (by pile id). A "pile" of one card is no pile:
// callers ask PileOf.
std::map<CardId, int> PileCounts(const CardMap& cards);

// The pile a card lies in if that pile holds at least two cards of the board, else nullopt.
std::optional<CardId> PileOf(const Board& board, const Card& card);

// The cards of a pile on the board, bottom to top (ascending z).
std::vector<const Card*> PileCards(const Board& board, CardId pile);

// The piles that group this board's duplicates, with every move and the piles the cards were
// in before; empty (no moves, no piles) when there is nothing to group.
CardsPiled PileDuplicates(const Board& board);

// The fan-out of a pile; nullopt when there is no such pile of two cards or more.
std::optional<PileSpread> FanOutPile(const Board& board, CardId pile);

}  // namespace atelier::core
