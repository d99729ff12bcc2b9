#include "report/replay_video.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "render/board_renderer.h"
#include "replay/replay_time.h"
#include "report/offscreen_gl.h"
#include "report/video_writer.h"

namespace atelier::report {

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

constexpr std::int64_t kMaxGlowWindowMs = 20'000;  // as the replay screen: session time, at most
constexpr std::size_t kMaxTrails = 6;

// What changed just before t, as the replay screen's Video look shows it (ui/replay_screen.cpp,
// Settle): glows fading over glow_ms of video time, trails for the latest few moves.
void GlowsAndTrails(const replay::Timeline& timeline, const core::Board& board, std::int64_t t,
                    const ReplayVideoOptions& options, std::vector<render::Glow>& glows,
                    std::vector<render::Trail>& trails) {
  glows.clear();
  trails.clear();
  const std::int64_t window = std::clamp<std::int64_t>(std::llround(static_cast<double>(options.glow_ms) * options.speed),
                                                       1, std::max(options.glow_ms, kMaxGlowWindowMs));
  std::vector<replay::Change> changes = timeline.ChangesBetween(t - window, t);
  std::vector<std::int64_t> trail_times;
  for (const replay::Change& c : changes)
    if (c.came_from || c.kind == replay::ChangeKind::Deleted) trail_times.push_back(c.t_ms);
  std::sort(trail_times.rbegin(), trail_times.rend());
  const std::int64_t oldest_trail =
      trail_times.size() > kMaxTrails ? trail_times[kMaxTrails - 1] : std::numeric_limits<std::int64_t>::min();
  for (const replay::Change& c : changes) {
    const float strength = 1.0f - 0.85f * static_cast<float>(t - c.t_ms) / static_cast<float>(window);
    const bool trail = c.t_ms >= oldest_trail;
    if (c.kind == replay::ChangeKind::Deleted) {
      if (const core::Card* gone = board.FindBinned(c.card); gone && trail) trails.push_back({c.card, gone->at, strength});
      continue;
    }
    glows.push_back({c.card, strength});
    if (c.came_from && trail) trails.push_back({c.card, *c.came_from, strength});
  }
}

// The caption in the bottom-right corner, on a light panel, sized for a projector.
void PaintCaption(render::BoardPainter& painter, render::DrawList& list, const std::string& text, int width,
                  int height) {
  const float s = static_cast<float>(height) / 1080.0f;
  const render::BoardPainter::TextStyle style{
      .max_size = 30 * s, .min_size = 30 * s, .colour = {0x1f, 0x23, 0x28, 0xff}, .weight = -0.02f};
  render::DrawList scratch;  // measure first: the panel goes under the text
  const auto [tw, th] = painter.Text(scratch, text, 0, 0, 900 * s, 60 * s, style);
  const float pad_x = 18 * s, pad_y = 10 * s, margin = 20 * s;
  const float w = tw + 2 * pad_x, h = th + 2 * pad_y;
  const float x = static_cast<float>(width) - margin - w, y = static_cast<float>(height) - margin - h;
  list.Fill({.x = x - 2 * s, .y = y - 2 * s, .w = w + 4 * s, .h = h + 4 * s, .radius = 16 * s}, {0x8a, 0x85, 0x7a, 0xff});
  list.Fill({.x = x, .y = y, .w = w, .h = h, .radius = 14 * s}, {0xfb, 0xfa, 0xf7, 0xf4});
  painter.Text(list, text, x + pad_x, y + pad_y, tw + 4 * s, th + 4 * s, style);
}

}  // namespace

long FrameCount(std::int64_t duration_ms, const ReplayVideoOptions& options) {
  const double span = static_cast<double>(std::max<std::int64_t>(0, duration_ms - options.from_ms));
  const double step = options.speed * 1000.0 / options.fps;  // session ms per frame
  return static_cast<long>(std::ceil(span / step - 1e-9)) + 1;
}

std::int64_t FrameTime(long index, std::int64_t duration_ms, const ReplayVideoOptions& options) {
  const double step = options.speed * 1000.0 / options.fps;
  const auto t = options.from_ms + static_cast<std::int64_t>(std::llround(static_cast<double>(index) * step));
  return std::min(t, std::max(duration_ms, options.from_ms));
}

std::string VideoCaption(std::int64_t epoch_ms, int utc_offset_minutes, std::size_t cards, std::string_view lang) {
  const std::string hhmm = replay::FormatTimeOfDay(epoch_ms, utc_offset_minutes);
  const bool fr = lang != "en";
  std::string out;
  if (fr) {  // "9 h 05", as French speakers write it
    out = hhmm[0] == '0' ? hhmm.substr(1, 1) : hhmm.substr(0, 2);
    out.append(" h ").append(hhmm.substr(3, 2));
  } else {
    out = hhmm;
  }
  out.append("  ·  ");
  if (cards == 0) return out.append(fr ? "Aucune carte" : "No cards");
  out.append(std::to_string(cards));
  if (cards == 1) return out.append(fr ? " carte" : " card");
  return out.append(fr ? " cartes" : " cards");
}

core::Result<VideoSummary> WriteReplayVideo(const replay::Timeline& timeline, const ReplayVideoOptions& options,
                                            const std::filesystem::path& path,
                                            const std::function<void(const VideoProgress&)>& progress,
                                            const std::function<bool()>& stop) {
  auto writer = VideoWriter::Open(path, {.width = options.width, .height = options.height, .fps = options.fps});
  if (!writer.ok()) return writer.error();
  auto gl = OffscreenGl::Create(options.width, options.height);
  if (!gl.ok()) return gl.error();
  auto renderer = render::BoardRenderer::Create({.shader_dir = options.shader_dir, .font_path = options.font_path});
  if (!renderer.ok()) return renderer.error();

  const std::int64_t duration = timeline.duration_ms();
  const long total = FrameCount(duration, options);
  replay::Cursor cursor(timeline);  // stepped forward frame by frame: a few Applies each
  std::vector<render::Glow> glows;
  std::vector<render::Trail> trails;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(options.width) * options.height * 4);
  const core::Viewport viewport =
      core::Viewport::Fit(static_cast<float>(options.width), static_cast<float>(options.height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  VideoSummary summary;
  for (long i = 0; i < total; ++i) {
    if (stop && stop()) return core::Error{"stopped; no video written"};
    const Clock::time_point drawing = Clock::now();
    const std::int64_t t = FrameTime(i, duration, options);
    const core::Board& board = cursor.Seek(t);
    GlowsAndTrails(timeline, board, t, options, glows, trails);
    const render::BoardView view{.board = &board,
                                 .viewport = viewport,
                                 .framebuffer_w = options.width,
                                 .framebuffer_h = options.height,
                                 .lang = options.lang,
                                 .glows = glows,
                                 .trails = trails};
    const std::string caption = VideoCaption(options.created_ms + t, options.utc_offset_minutes, board.cards().size(), options.lang);
    renderer.value()->Draw(view, [&](render::BoardPainter& painter, render::DrawList& list) {
      PaintCaption(painter, list, caption, options.width, options.height);
    });
    glReadPixels(0, 0, options.width, options.height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) return core::Error{"drawing the replay off-screen failed"};
    summary.draw_ms += MsSince(drawing);
    const Clock::time_point encoding = Clock::now();
    if (core::Status added = writer.value()->AddFrame(pixels.data()); !added.ok()) return added.error();
    summary.encode_ms += MsSince(encoding);
    summary.cards = board.cards().size();
    if (progress) progress({.frame = i + 1, .total = total, .at_ms = t});
  }
  const Clock::time_point finishing = Clock::now();
  if (core::Status finished = writer.value()->Finish(); !finished.ok()) return finished.error();
  summary.encode_ms += MsSince(finishing);
  summary.frames = writer.value()->frames();
  return summary;
}

}  // namespace atelier::report
