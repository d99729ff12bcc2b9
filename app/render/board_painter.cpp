// Sections: text cache · map (paper, pattern, zones, title, axes) · cards · Paint.
#include "render/board_painter.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace atelier::render {

namespace {

constexpr core::Rgb kBlack{0, 0, 0};
constexpr core::Rgb kWhite{255, 255, 255};
constexpr core::Rgb kTitleInk{0x2b, 0x30, 0x36};
constexpr core::Rgb kLabelInk{0x3f, 0x45, 0x4c};
constexpr core::Rgb kAxisInk{0x5b, 0x62, 0x6a};
constexpr core::Rgb kImpactHigh{0x5f, 0xb8, 0x84};  // calm green
constexpr core::Rgb kImpactLow{0xe9, 0x8a, 0x6c};   // warm terracotta
constexpr core::Rgb kGlow{0xf2, 0xb1, 0x2e};        // highlighted cards
constexpr core::Rgb kVoteBadge{0x1d, 0x3f, 0x8a};   // dot votes: dark blue, white count (AA on it)
constexpr core::Rgb kTray{0xd8, 0xd1, 0xc1};        // the deck's tray: kraft paper, under light cards
constexpr std::size_t kMaxCachedLayouts = 8192;

int Quantise(float v) { return static_cast<int>(std::lround(v * 10)); }

}  // namespace

BoardPainter::BoardPainter(Font font, CardStyle style)
    : m_font(std::move(font)), m_style(style), m_atlas(m_font) {
  m_atlas.BakeRanges(kFrenchRanges);
}

// ------------------------------------------------------------------------------ text cache

TextBox FittingBox(float w, float h, float max_size, float min_size, bool centre, bool middle) {
  return {.width = w,
          .height = h,
          .max_size = max_size,
          .min_size = min_size,
          .step = std::max(0.5f, max_size / 26.0f),
          .centre = centre,
          .middle = middle};
}

std::size_t BoardPainter::KeyHash::operator()(const Key& k) const {
  std::size_t h = std::hash<std::string_view>{}(k.text);
  for (int v : {k.w, k.h, k.max_size, k.min_size, k.flags}) h = h * 1000003u ^ static_cast<std::size_t>(v);
  return h;
}

const BoardPainter::CachedText& BoardPainter::Layout(std::string_view text, int w, int h, float max_size,
                                                     float min_size, bool centre, bool middle) {
  Key key{text, w, h, Quantise(max_size), Quantise(min_size), (centre ? 1 : 0) | (middle ? 2 : 0)};
  if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;
  if (m_cache.size() >= kMaxCachedLayouts) {
    m_cache.clear();
    m_key_text.clear();
  }
  TextLayout layout = LayoutText(m_font, text,
                                 FittingBox(static_cast<float>(w), static_cast<float>(h), max_size, min_size, centre, middle));
  CachedText cached;
  cached.lines = std::move(layout.line_texts);
  cached.size = layout.size;
  cached.width = layout.width;
  cached.height = layout.height;
  cached.quads.reserve(layout.glyphs.size());
  for (const PositionedGlyph& g : layout.glyphs) {
    const AtlasGlyph* a = m_atlas.Get(g.codepoint);
    if (!a || a->w == 0) continue;
    const float k = g.size / GlyphAtlas::kBaseSize;
    cached.quads.push_back({g.x + a->x_offset * k, g.y + a->y_offset * k, a->w * k, a->h * k,
                            static_cast<float>(a->x), static_cast<float>(a->y), static_cast<float>(a->x + a->w),
                            static_cast<float>(a->y + a->h)});
  }
  m_key_text.push_back(std::make_unique<std::string>(text));
  key.text = *m_key_text.back();
  return m_cache.emplace(key, std::move(cached)).first->second;
}

std::pair<float, float> BoardPainter::Text(DrawList& out, std::string_view text, float x, float y, float w,
                                           float h, const TextStyle& style, float scale) {
  if (text.empty() || w < 1 || h < 1) return {0, 0};
  const CachedText& t = Layout(text, static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h)),
                               style.max_size, style.min_size, style.align == Align::Centre, style.middle);
  float dx = style.align == Align::Right ? std::round(w) - t.width : 0.0f;
  auto& quads = out.quads();
  if (out.recording_text()) {
    const TextAnchor anchor = style.align == Align::Centre ? TextAnchor::Middle
                              : style.align == Align::Right ? TextAnchor::End
                                                            : TextAnchor::Start;
    const std::size_t block = out.texts().empty() ? 0 : out.texts().back().block + 1;
    for (const LineText& line : t.lines) {
      const float along = anchor == TextAnchor::Middle ? line.width / 2 : anchor == TextAnchor::End ? line.width : 0;
      out.texts().push_back({.before_quad = quads.size(),
                             .block = block,
                             .text = line.text,
                             .x = x + (line.x + dx + along) * scale,
                             .baseline = y + line.baseline * scale,
                             .size = t.size * scale,
                             .width = line.width * scale,
                             .anchor = anchor,
                             .colour = style.colour,
                             .weight = style.weight,
                             .space_after = line.space_after});
    }
  }
  for (const GlyphQuad& q : t.quads)
    quads.push_back({{x + (q.x + dx) * scale, y + q.y * scale, q.w * scale, q.h * scale},
                     {q.ax0, q.ay0, q.ax1, q.ay1},
                     {static_cast<float>(QuadKind::Glyph), 0, style.weight, 0},
                     style.colour,
                     style.colour});
  return {t.width * scale, t.height * scale};
}

// ------------------------------------------------------------------------------------- map

void BoardPainter::PaintMap(const BoardView& view, DrawList& out) {
  const core::Template& tmpl = view.board->map_template();
  const core::Rect vp = view.viewport.pixels;
  const float s = vp.h / 1080.0f;
  const core::Rgb paper = tmpl.paper;

  out.Fill({vp.x, vp.y, vp.w, vp.h, 0}, WithAlpha(Mix(paper, kWhite, 0.25f), 1), WithAlpha(Shade(paper, 0.975f), 1));

  // Pattern: a faint grid or faint dots, spaced on the map so every screen looks the same.
  if (tmpl.background == core::Background::Grid) {
    const float step = vp.w / 32, line = std::max(1.0f, s);
    const Rgba colour = WithAlpha(Shade(paper, 0.55f), 0.10f);
    for (float x = vp.x + step; x < vp.x + vp.w - 1; x += step)
      out.Fill({std::round(x) - line / 2, vp.y, line, vp.h, 0}, colour);
    for (float y = vp.y + step; y < vp.y + vp.h - 1; y += step)
      out.Fill({vp.x, std::round(y) - line / 2, vp.w, line, 0}, colour);
  } else if (tmpl.background == core::Background::Dots) {
    const float step = vp.w / 40, r = 1.7f * s;
    const Rgba colour = WithAlpha(Shade(paper, 0.5f), 0.22f);
    for (float y = vp.y + step / 2; y < vp.y + vp.h; y += step)
      for (float x = vp.x + step / 2; x < vp.x + vp.w; x += step) out.Fill({x - r, y - r, 2 * r, 2 * r, r}, colour);
  }

  // The zones area: the union of the zones, or a sensible default for a template without any.
  core::Rect area{0.06f, 0.13f, 0.9f, 0.72f};
  if (!tmpl.zones.empty()) {
    float x0 = 1, y0 = 1, x1 = 0, y1 = 0;
    for (const core::Zone& z : tmpl.zones) {
      x0 = std::min(x0, z.area.x), y0 = std::min(y0, z.area.y);
      x1 = std::max(x1, z.area.x + z.area.w), y1 = std::max(y1, z.area.y + z.area.h);
    }
    area = {x0, y0, x1 - x0, y1 - y0};
  }
  const float zx = vp.x + area.x * vp.w, zy = vp.y + area.y * vp.h;
  const float zr = zx + area.w * vp.w, zb = zy + area.h * vp.h;

  const float gutter = 5 * s;
  for (const core::Zone& z : tmpl.zones) {
    RoundRect r{vp.x + z.area.x * vp.w + gutter, vp.y + z.area.y * vp.h + gutter, z.area.w * vp.w - 2 * gutter,
                z.area.h * vp.h - 2 * gutter, 18 * s};
    // Templates give saturated or already pale tints: pale ones need more opacity to show.
    const float distance = std::max({std::abs(z.tint.r - paper.r), std::abs(z.tint.g - paper.g),
                                     std::abs(z.tint.b - paper.b)}) / 255.0f;
    const float alpha = std::clamp(0.09f / std::max(distance, 0.01f), 0.28f, 0.9f);
    out.Fill(r, WithAlpha(z.tint, alpha), WithAlpha(z.tint, alpha * 0.7f));
    out.Ring(r, WithAlpha(Shade(z.tint, 0.8f), 0.45f), 1.5f * s);
    // The label at the top, centred, on up to three lines before it shrinks.
    Text(out, z.label.In(view.lang), r.x + 14 * s, r.y + 12 * s, r.w - 28 * s, 84 * s,
         {.max_size = 24 * s, .min_size = 18 * s, .colour = WithAlpha(kLabelInk, 1), .align = Align::Centre,
          .weight = -0.04f});
  }

  // Title, top-left.
  Text(out, tmpl.title.In(view.lang), zx, vp.y + 24 * s, vp.w * 0.6f, 52 * s,
       {.max_size = 34 * s, .min_size = 26 * s, .colour = WithAlpha(kTitleInk, 1), .weight = -0.07f});

  const TextStyle axis{.max_size = 20 * s, .min_size = 16 * s, .colour = WithAlpha(kAxisInk, 1)};

  // Vertical axis (impact): a gradient strip along the left edge of the zones, green on top;
  // its title and top end in the row above the zones, its bottom end inside, bottom-left.
  const core::Axis& v = tmpl.vertical;
  if (!v.title.fr.empty() || !v.high.fr.empty() || !v.low.fr.empty()) {
    const float strip_w = 7 * s;
    const float strip_x = std::max(vp.x + 6 * s, zx - 12 * s - strip_w);
    out.Fill({strip_x, zy + gutter, strip_w, zb - zy - 2 * gutter, strip_w / 2}, WithAlpha(kImpactHigh, 0.85f),
             WithAlpha(kImpactLow, 0.85f));
    const float row_y = zy - 36 * s;
    float x = strip_x;
    if (!v.title.fr.empty())
      x += Text(out, v.title.In(view.lang), x, row_y, 300 * s, 32 * s,
                {.max_size = 22 * s, .min_size = 17 * s, .colour = WithAlpha(kLabelInk, 1), .weight = -0.05f})
               .first +
           18 * s;
    if (!v.high.fr.empty())
      Text(out, "\u2191 " + v.high.In(view.lang), x, row_y + 2 * s, 480 * s, 32 * s, axis);
    if (!v.low.fr.empty())
      Text(out, "\u2193 " + v.low.In(view.lang), zx + gutter + 14 * s, zb - gutter - 38 * s,
           std::min(zr - zx, 480 * s), 32 * s, axis);
  }

  // Horizontal axis (usages): in the row above the zones, centred: "← low   Title   high →".
  // (Below the zones is where the UI puts its big buttons.)
  const core::Axis& hz = tmpl.horizontal;
  if (!hz.title.fr.empty() || !hz.low.fr.empty() || !hz.high.fr.empty()) {
    const float row_y = zy - 36 * s, centre_x = (zx + zr) / 2, gap = 24 * s, side_w = 420 * s;
    const TextStyle title{.max_size = 22 * s, .min_size = 22 * s, .colour = WithAlpha(kLabelInk, 1), .weight = -0.05f};
    const std::string& name = hz.title.In(view.lang);
    const float title_w = name.empty() ? 0 : MeasureLine(m_font, name, title.max_size);
    Text(out, name, centre_x - title_w / 2, row_y, title_w + 2, 32 * s, title);
    TextStyle side = axis;
    if (!hz.high.fr.empty())
      Text(out, hz.high.In(view.lang) + " \u2192", centre_x + title_w / 2 + gap, row_y + 2 * s, side_w, 32 * s, side);
    side.align = Align::Right;
    if (!hz.low.fr.empty())
      Text(out, "\u2190 " + hz.low.In(view.lang), centre_x - title_w / 2 - gap - side_w, row_y + 2 * s, side_w,
           32 * s, side);
  }
}

// ----------------------------------------------------------------------------------- cards

void BoardPainter::PaintCard(const core::Card& card, core::MapPoint at, core::CardSize size, const BoardView& view,
                             bool lifted, float glow, DrawList& out) {
  const core::Rect vp = view.viewport.pixels;
  const float s = vp.h / 1080.0f;
  const float k = lifted ? m_style.lift_scale : 1.0f;
  const float base_w = size.w * vp.w, base_h = size.h * vp.h;
  // Smaller cards (a crowded board) have less padding and smaller corners, so their text keeps
  // its size as long as it can (never below the style's minimum).
  const float small = std::clamp(size.h / core::kFullCardSize.h, 0.0f, 1.0f);
  const float w = base_w * k, h = base_h * k;
  const core::ScreenPoint c = view.viewport.ToScreen(at);
  const RoundRect r{c.x - w / 2, c.y - h / 2, w, h, m_style.radius * s * k * std::max(small, 0.5f)};
  auto offset = [](RoundRect rr, float dy) {
    rr.y += dy;
    return rr;
  };

  if (glow > 0) {
    glow = std::min(glow, 1.0f);
    out.Soft(r, WithAlpha(kGlow, 0.9f * glow), 0, 16 * s);
    out.Ring({r.x - 3 * s, r.y - 3 * s, r.w + 6 * s, r.h + 6 * s, r.radius + 3 * s}, WithAlpha(kGlow, 0.95f * glow),
             3 * s);
  }
  if (lifted) {
    out.Soft(offset(r, 18 * s), WithAlpha(kBlack, 0.30f), -12 * s, 30 * s);
    out.Soft(offset(r, 5 * s), WithAlpha(kBlack, 0.14f), -3 * s, 8 * s);
  } else {
    out.Soft(offset(r, 4 * s), WithAlpha(kBlack, 0.16f), -6 * s, 9 * s);
    out.Soft(offset(r, 1 * s), WithAlpha(kBlack, 0.14f), -1 * s, 1.5f * s);
  }
  const core::Rgb paper = core::FindColour(card.colour).value_or(core::kPalette[0]).paper;
  out.Fill(r, WithAlpha(Mix(paper, kWhite, 0.12f), 1), WithAlpha(Shade(paper, 0.97f), 1));

  // The text is laid out for the board's own card size (one cached layout per card) and scaled
  // to the size drawn, which differs only while the kiosk eases a change of size.
  const core::CardSize layout = (view.board && size == view.CardSize()) ? view.board->card_size() : size;
  const float fit = layout.h > 0 ? size.h / layout.h : 1.0f;
  const float pad = m_style.padding * s * std::max(std::clamp(layout.h / core::kFullCardSize.h, 0.0f, 1.0f), 0.35f);
  const TextStyle text{.max_size = m_style.max_text * s,
                       .min_size = m_style.min_text * s,
                       .colour = WithAlpha(core::kInk, 1),
                       .align = Align::Centre,
                       .weight = -0.03f,
                       .middle = true};
  Text(out, card.text, r.x + pad * k * fit, r.y + pad * k * fit, layout.w * vp.w - 2 * pad,
       layout.h * vp.h - 2 * pad, text, k * fit);

  if (card.votes > 0) {
    // Dot votes: a disc astride the top-right corner, so it never hides the card's words, with
    // the count in white — readable from across the room on every paper colour.
    const float d = 46 * s * k * std::max(small, 0.6f);
    const RoundRect badge{r.x + r.w - d * 0.7f, r.y - d * 0.3f, d, d, d / 2};
    out.Soft(offset(badge, 2 * s), WithAlpha(kBlack, 0.25f), -1 * s, 4 * s);
    out.Fill(badge, WithAlpha(kVoteBadge, 1));
    const TextStyle count{.max_size = 30 * s * k,
                          .min_size = 16 * s * k,
                          .colour = WithAlpha(kWhite, 1),
                          .align = Align::Centre,
                          .weight = -0.06f,
                          .middle = true};
    Text(out, std::to_string(card.votes), badge.x, badge.y, d, d, count);
  }
}

void BoardPainter::PaintTrail(const Trail& trail, const BoardView& view, DrawList& out) {
  // Dashes rather than a full outline: a ghost reads as "was here", not as another card.
  const float strength = std::clamp(trail.strength, 0.0f, 1.0f);
  if (strength <= 0) return;
  const core::Rect vp = view.viewport.pixels;
  const float s = vp.h / 1080.0f;
  const core::CardSize size = view.CardSize();
  const float w = size.w * vp.w, h = size.h * vp.h;
  const core::ScreenPoint c = view.viewport.ToScreen(trail.from);
  const float x0 = c.x - w / 2, y0 = c.y - h / 2;
  const Rgba ink = WithAlpha(kAxisInk, 0.75f * strength);
  out.Fill({x0, y0, w, h, m_style.radius * s}, WithAlpha(kWhite, 0.35f * strength));
  const float dash = 14 * s, gap = 9 * s, stroke = 3 * s;
  auto dashes = [&](float ax, float ay, float length, bool horizontal) {
    for (float d = 0; d < length; d += dash + gap) {
      const float l = std::min(dash, length - d);
      if (horizontal)
        out.Fill({ax + d, ay, l, stroke, stroke / 2}, ink);
      else
        out.Fill({ax, ay + d, stroke, l, stroke / 2}, ink);
    }
  };
  dashes(x0, y0, w, true);
  dashes(x0, y0 + h - stroke, w, true);
  dashes(x0, y0, h, false);
  dashes(x0 + w - stroke, y0, h, false);

  // Dots from the ghost to the card, outside both rectangles, so the eye follows the move.
  const core::Card* card = view.board->Find(trail.id);
  if (!card) return;
  const core::ScreenPoint to = view.viewport.ToScreen(card->at);
  const float dx = to.x - c.x, dy = to.y - c.y, length = std::sqrt(dx * dx + dy * dy);
  if (length < 1) return;
  const float step = 22 * s, dot = 7 * s;
  auto inside = [&](float px, float py, core::ScreenPoint centre) {
    return std::abs(px - centre.x) < w / 2 + dot && std::abs(py - centre.y) < h / 2 + dot;
  };
  for (float d = step / 2; d < length; d += step) {
    const float px = c.x + dx * d / length, py = c.y + dy * d / length;
    if (inside(px, py, c) || inside(px, py, to)) continue;
    out.Fill({px - dot / 2, py - dot / 2, dot, dot, dot / 2}, ink);
  }
}

// ----------------------------------------------------------------------------------- Paint

const std::vector<const core::Card*>& BoardPainter::Order(const BoardView& view) {
  m_held_scratch.clear();
  for (const HeldCard& h : view.held) m_held_scratch.push_back(h.id);
  std::sort(m_held_scratch.begin(), m_held_scratch.end());
  if (m_order_board == view.board && m_order_stamp == view.board->stamp() && m_order_held == m_held_scratch)
    return m_order;
  m_order = view.board->InDrawOrder();
  if (!m_held_scratch.empty())
    std::erase_if(m_order, [&](const core::Card* c) {
      return std::binary_search(m_held_scratch.begin(), m_held_scratch.end(), c->id);
    });
  m_order_board = view.board;
  m_order_stamp = view.board->stamp();
  m_order_held = m_held_scratch;
  return m_order;
}

void BoardPainter::SortGlows(const BoardView& view) {
  m_glow_sorted.clear();
  for (core::CardId id : view.highlighted) m_glow_sorted.emplace_back(id, 1.0f);
  for (const Glow& g : view.glows) m_glow_sorted.emplace_back(g.id, g.strength);
  std::sort(m_glow_sorted.begin(), m_glow_sorted.end());  // by id, then the strongest last
}

float BoardPainter::GlowOf(core::CardId id) const {
  if (m_glow_sorted.empty()) return 0.0f;
  auto it = std::upper_bound(m_glow_sorted.begin(), m_glow_sorted.end(),
                             std::pair{id, std::numeric_limits<float>::infinity()});
  return (it != m_glow_sorted.begin() && std::prev(it)->first == id) ? std::prev(it)->second : 0.0f;
}

core::MapPoint BoardPainter::PlacedAt(const BoardView& view, const core::Card& card) const {
  if (view.placed.empty()) return card.at;
  auto it = std::lower_bound(view.placed.begin(), view.placed.end(), card.id,
                             [](const HeldCard& h, core::CardId id) { return h.id < id; });
  return it != view.placed.end() && it->id == card.id ? it->at : card.at;
}

std::size_t BoardPainter::StillCards(const BoardView& view) {
  if (!view.board || view.viewport.pixels.w <= 0 || view.viewport.pixels.h <= 0 || !view.trails.empty()) return 0;
  const std::vector<const core::Card*>& order = Order(view);
  if (view.highlighted.empty() && view.glows.empty() && view.placed.empty()) return order.size();
  SortGlows(view);
  std::size_t still = 0;
  for (const core::Card* card : order) {
    if (GlowOf(card->id) > 0) break;
    const core::MapPoint at = PlacedAt(view, *card);
    if (at.x != card->at.x || at.y != card->at.y) break;
    ++still;
  }
  return still;
}

void BoardPainter::PaintStill(const BoardView& view, std::size_t still, DrawList& out) {
  if (!view.board || view.viewport.pixels.w <= 0 || view.viewport.pixels.h <= 0) return;
  const std::vector<const core::Card*>& order = Order(view);
  still = std::min(still, order.size());
  out.Reserve(out.quads().size() + 2048 + still * 40);
  PaintMap(view, out);
  const core::CardSize size = view.CardSize();
  // Still cards neither glow nor are placed elsewhere (StillCards), but Paint gives any `still`.
  SortGlows(view);
  for (std::size_t i = 0; i < still; ++i)
    PaintCard(*order[i], PlacedAt(view, *order[i]), size, view, false, GlowOf(order[i]->id), out);
  out.MarkMapEnd();
}

void BoardPainter::PaintMoving(const BoardView& view, std::size_t still, DrawList& out) {
  if (!view.board || view.viewport.pixels.w <= 0 || view.viewport.pixels.h <= 0) return;
  const std::vector<const core::Card*>& order = Order(view);
  still = std::min(still, order.size());
  out.Reserve(out.quads().size() + (order.size() - still + view.held.size() + view.loose.size()) * 40 +
              view.trails.size() * 64);
  for (const Trail& trail : view.trails) PaintTrail(trail, view, out);
  SortGlows(view);
  const core::CardSize size = view.CardSize();
  for (std::size_t i = still; i < order.size(); ++i)
    PaintCard(*order[i], PlacedAt(view, *order[i]), size, view, false, GlowOf(order[i]->id), out);
  out.MarkMapEnd();  // the map's part ends here; it is clipped when zoomed (BoardView::clip)
  BoardView unzoomed = view;  // the tray is an overlay: never zoomed
  if (view.fitted) unzoomed.viewport = *view.fitted;
  auto paint_loose = [&](bool lifted) {
    for (const LooseCard& l : view.loose)
      if (l.lifted == lifted)
        PaintCard(core::Card{.text = std::string(l.text), .colour = std::string(l.colour)}, l.at, core::kFullCardSize,
                  unzoomed, lifted, 0, out);
  };
  if (view.tray_band.w > 0) {
    const core::Rect& b = view.tray_band;
    const float s = unzoomed.viewport.pixels.h / 1080.0f;
    out.Soft({b.x, b.y - 2 * s, b.w, b.h, 0}, WithAlpha(kBlack, 0.18f), -4 * s, 14 * s);
    out.Fill({b.x, b.y, b.w, b.h, 0}, WithAlpha(kTray, 1), WithAlpha(Shade(kTray, 0.94f), 1));
    paint_loose(false);
  }
  for (const HeldCard& h : view.held)
    if (const core::Card* card = view.board->Find(h.id))
      PaintCard(*card, h.at, h.size.w > 0 ? h.size : size, view, true, GlowOf(card->id), out);
  paint_loose(true);
}

void BoardPainter::Paint(const BoardView& view, DrawList& out) {
  out.Clear();
  if (!view.board || view.viewport.pixels.w <= 0 || view.viewport.pixels.h <= 0) return;
  // Trails go over the map and under every card: with none still, the order is the old one.
  const std::size_t still = view.trails.empty() ? Order(view).size() : 0;
  PaintStill(view, still, out);
  PaintMoving(view, still, out);
}

}  // namespace atelier::render
