#include "platform/heap_trim.h"

#include <malloc.h>

#include "render/board_renderer.h"

namespace atelier::platform {

namespace {
constexpr std::size_t kBigLayerQuads = 5000;  // about 100 cards; below, the moment is small
constexpr auto kQuiet = std::chrono::seconds(1);
}  // namespace

void HeapTrim::AfterDraw(const render::BoardRenderer& renderer) {
  const Clock::time_point now = Clock::now();
  if (renderer.layer_redraws() != m_redraws) {
    m_redraws = renderer.layer_redraws();
    if (renderer.last_quad_count() >= kBigLayerQuads) {
      m_due = true;
      m_last_big_redraw = now;
    }
  }
  if (m_due && now - m_last_big_redraw >= kQuiet) {
    malloc_trim(0);
    m_due = false;
  }
}

}  // namespace atelier::platform
