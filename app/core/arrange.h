// "Ranger la carte": the facilitator tidies the map in one step. Each zone's cards are laid out
// on the zone's grid at the board's card size (core/card_size.h), so none overlaps another and
// every card stays in its zone; the vertical order of impacts is kept (a card higher than
// another stays higher or level) and each card goes as near its own row and column as the
// others allow. Cards outside the zones stay outside: those that cover another card move to the
// nearest free place outside the zones. A zone holding more cards than its grid (at the
// smallest card size) keeps the order but its rows overlap.
//
// The result is one CardsArranged event (Decide on ArrangeBoard), so one undo puts every card
// back and the replay shows one step.
#pragma once
#include "core/event.h"

namespace atelier::core {

class Board;

// The moves that tidy this board, in card id order; cards already in place are left out.
CardsArranged ArrangeCards(const Board& board);

}  // namespace atelier::core
