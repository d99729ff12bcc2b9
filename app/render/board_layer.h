// The kiosk's cached layer: the map and the cards that do not move, drawn once into an
// off-screen colour buffer of the framebuffer's size, then copied under each frame's moving
// part (held and gliding cards, glows, trails, the tray) with one glBlitFramebuffer. The
// layer says what it shows as a LayerKey; BoardRenderer draws it again whenever the key of
// the frame differs: another board or a change of it (Board::stamp), other held cards, more or
// fewer still cards, another card size (easing), viewport pixels (zoom), framebuffer size or
// language. The copy is exact (same format, same size, nearest), so a frame drawn through the
// layer has the pixels of the same frame drawn directly. OpenGL ES 3.0; GL thread only.
#pragma once
#include <GLES3/gl3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/card_size.h"
#include "core/geometry.h"

namespace atelier::render {

struct LayerKey {
  const void* board = nullptr;
  std::uint64_t stamp = 0;
  std::size_t still = 0;              // cards at the bottom of the draw order it holds
  std::vector<std::uint64_t> held;    // held card ids (left out of the draw order), sorted
  core::CardSize card_size;
  core::Rect viewport;
  int framebuffer_w = 0, framebuffer_h = 0;
  std::string lang;
  bool operator==(const LayerKey&) const = default;
};

class BoardLayer {
 public:
  BoardLayer() = default;
  ~BoardLayer();
  BoardLayer(const BoardLayer&) = delete;
  BoardLayer& operator=(const BoardLayer&) = delete;

  bool Holds(const LayerKey& key) const { return m_valid && m_key == key; }
  // Binds the layer as the framebuffer to draw into, w × h px (re-allocated when the size
  // changes). False when the driver cannot give a complete framebuffer: draw directly then.
  bool BeginDrawing(int w, int h);
  // What the layer now shows (call after drawing into it).
  void Keep(LayerKey key);
  void Forget() { m_valid = false; }
  // Copies the layer into the framebuffer `target` (bound for drawing afterwards).
  void CopyTo(GLuint target) const;

  std::size_t redraws() const { return m_redraws; }
  std::size_t bytes() const { return static_cast<std::size_t>(m_w) * m_h * 4; }

 private:
  GLuint m_fbo = 0, m_colour = 0;
  int m_w = 0, m_h = 0;
  bool m_valid = false;
  LayerKey m_key;
  std::size_t m_redraws = 0;
};

}  // namespace atelier::render
