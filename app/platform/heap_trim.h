// Gives the heap's free memory back to the system a second after a big board's cached layer
// was drawn again. Drawing that layer makes a software GL driver (Mesa's llvmpipe) bin some
// 80 000 quads at 2 000 cards: about 18 MB for a moment, which glibc keeps inside its heap
// afterwards. Trimming costs about 8 ms at 2 000 cards, so it waits until the board has not
// been redrawn for a second (a replay playing, cards being dropped one after another) and
// runs once. Measured in docs/performance.md, "Resident memory".
#pragma once
#include <chrono>
#include <cstddef>

namespace atelier::render {
class BoardRenderer;
}

namespace atelier::platform {

class HeapTrim {
 public:
  // Call after each frame's BoardRenderer::Draw.
  void AfterDraw(const render::BoardRenderer& renderer);

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t m_redraws = 0;
  bool m_due = false;
  Clock::time_point m_last_big_redraw;
};

}  // namespace atelier::platform
