// The running phase as everyone in the room sees it: its name and a large countdown at the top
// of the board ("Voter · 04:32"), "en pause" while paused, and when time is up a gentle signal
// — the band turns warm and breathes slowly for a few seconds, then stays warm with "Temps
// écoulé" — never a sound or a flash. Draws only; the phase is core state (Board::phase()).
#pragma once
#include <cstdint>
#include <string>

#include "core/board.h"
#include "core/geometry.h"
#include "ui/theme.h"

namespace atelier::ui {

// "04:32", "1:02:05"; negative times show as 00:00.
std::string FormatCountdown(std::int64_t ms);

// Draws the band at the top centre of the screen, below top_y. session_now_ms is the session's
// clock (events' time base). Returns where the band is (screen pixels).
core::Rect DrawPhaseTimer(const core::PhaseState& phase, std::int64_t session_now_ms, const Fonts& fonts, float scale,
                     float top_y);

}  // namespace atelier::ui
