// Turns a BoardView into a DrawList, without GL: the map (paper, grid or dots, zones, title,
// axes) then the cards in draw order, held cards last and lifted. Owns the glyph atlas and a
// cache of card text layouts keyed by (text, box size in px), so a frame with thousands of cards
// only copies cached glyph quads. BoardRenderer uploads the atlas and the list; tests and
// benchmarks can use the painter alone. Not thread-safe.
//
// Sizes are given for a 1080 px high map and scale with viewport.pixels.h / 1080.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "render/board_view.h"
#include "render/draw_list.h"
#include "render/glyph_atlas.h"
#include "render/text_layout.h"

namespace atelier::render {

struct CardStyle {
  float max_text = 26, min_text = 15;  // card text em size, px at 1080p
  float padding = 9;                   // text inset, px at 1080p
  float radius = 8;
  float lift_scale = 1.06f;            // held cards
};

// How text shrinks to fit a box of w × h px, from max_size down to min_size (px): the rule the
// painter lays every text out with, for the exports to lay out text the same way.
TextBox FittingBox(float w, float h, float max_size, float min_size, bool centre, bool middle);

class BoardPainter {
 public:
  explicit BoardPainter(Font font, CardStyle style = {});

  void Paint(const BoardView& view, DrawList& out);

  // Paint in two parts, for a renderer that keeps the still part of the board in a cached
  // layer (render/board_layer.h): Paint = PaintStill then PaintMoving, with the same `still`.
  // StillCards: how many cards at the bottom of the draw order (held cards left out) draw
  // exactly as they will next frame unless the board, its size or the viewport change: up to
  // the first that glows or is placed away from its board place; none while trails show (they
  // are drawn under every card).
  std::size_t StillCards(const BoardView& view);
  // Appends the map and the first `still` cards of the draw order (held cards left out).
  void PaintStill(const BoardView& view, std::size_t still, DrawList& out);
  // Appends what goes over them: trails, the other cards, the tray and its cards, held cards.
  void PaintMoving(const BoardView& view, std::size_t still, DrawList& out);

  GlyphAtlas& atlas() { return m_atlas; }
  const Font& font() const { return m_font; }
  std::size_t cached_layouts() const { return m_cache.size(); }

  // Where text goes inside a box; used for labels and cards.
  enum class Align { Left, Centre, Right };
  struct TextStyle {
    float max_size = 24, min_size = 24;  // px (already scaled)
    Rgba colour;
    Align align = Align::Left;
    float weight = 0;     // SDF edge offset: negative is bolder
    bool middle = false;  // centre the text vertically in the box (else at its top)
  };
  // Draws text in the box (x, y, w, h), wrapping and shrinking as LayoutText does; returns the
  // laid-out block's width and height.
  std::pair<float, float> Text(DrawList& out, std::string_view text, float x, float y, float w, float h,
                               const TextStyle& style, float scale = 1.0f);

 private:
  // A layout turned into glyph quads relative to the box's top-left, at scale 1.
  struct GlyphQuad {
    float x, y, w, h;
    float ax0, ay0, ax1, ay1;
  };
  struct CachedText {
    std::vector<GlyphQuad> quads;
    std::vector<LineText> lines;  // the same lines as text (DrawList::RecordText)
    float size = 0;
    float width = 0, height = 0;
  };
  struct Key {
    std::string_view text;
    int w, h, max_size, min_size, flags;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };

  const CachedText& Layout(std::string_view text, int w, int h, float max_size, float min_size, bool centre,
                           bool middle);
  void PaintMap(const BoardView& view, DrawList& out);
  // glow: 0 none … 1 full (highlighted cards, fading replay glows).
  // size: map units (the view's card size on the map; the full size for the tray's cards).
  void PaintCard(const core::Card& card, core::MapPoint at, core::CardSize size, const BoardView& view, bool lifted,
                 float glow, DrawList& out);
  void PaintTrail(const Trail& trail, const BoardView& view, DrawList& out);
  // The board's cards in draw order without the held ones, worked out again only when the
  // board (its stamp) or the held cards change; and the glows sorted by id.
  const std::vector<const core::Card*>& Order(const BoardView& view);
  void SortGlows(const BoardView& view);
  float GlowOf(core::CardId id) const;
  core::MapPoint PlacedAt(const BoardView& view, const core::Card& card) const;

  Font m_font;
  CardStyle m_style;
  GlyphAtlas m_atlas;
  std::unordered_map<Key, CachedText, KeyHash> m_cache;  // keys view strings owned by m_key_text
  std::vector<std::unique_ptr<std::string>> m_key_text;
  std::vector<std::pair<core::CardId, float>> m_glow_sorted;  // highlighted and glows, by id
  std::vector<const core::Card*> m_order;
  std::uint64_t m_order_stamp = 0;
  const core::Board* m_order_board = nullptr;
  std::vector<core::CardId> m_order_held;  // the held cards m_order leaves out, sorted
  std::vector<core::CardId> m_held_scratch;
};

}  // namespace atelier::render
