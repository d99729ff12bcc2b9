// Sections: layout · routing fingers and keys · the playhead (settle, glows, trails) · the
// right-hand column · the timeline strip · caption and messages · what the renderer draws.
#include "ui/replay_screen.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

#include "replay/replay_time.h"
#include "ui/i18n.h"

namespace atelier::ui {

namespace {

constexpr std::int64_t kMaxGlowWindowMs = 20'000;  // session time a change may glow, at most
constexpr std::size_t kMaxTrails = 6;

constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
                                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

// Event kinds on the timeline, told apart by colour (Okabe–Ito, safe for colour-blind people)
// and by tick height. Index: replay::ChangeKind.
struct KindLook {
  ImU32 colour;
  float height;  // fraction of the tick zone
  const char* french;
};
constexpr KindLook kKinds[] = {
    {IM_COL32(0x00, 0x9e, 0x73, 0xff), 1.00f, "ajoutée"},
    {IM_COL32(0x00, 0x72, 0xb2, 0xff), 0.55f, "déplacée"},
    {IM_COL32(0xe6, 0x9f, 0x00, 0xff), 0.75f, "modifiée"},
    {IM_COL32(0xd5, 0x5e, 0x00, 0xff), 1.00f, "à la corbeille"},
    {IM_COL32(0xcc, 0x79, 0xa7, 0xff), 0.75f, "rétablie"},
    {IM_COL32(0x8a, 0x85, 0x7a, 0xff), 0.40f, "autre action"},
};
// Which kind a column of the bar shows when several happened there: the rarer and more telling
// first (a card appearing or leaving), moves and the rest last.
constexpr int kPriority[] = {6, 2, 4, 5, 3, 1};

ImVec2 Min(const core::Rect& r) { return ImVec2(r.x, r.y); }
ImVec2 Max(const core::Rect& r) { return ImVec2(r.x + r.w, r.y + r.h); }

void BeginPanel(const char* id, const core::Rect& r, ImU32 background) {
  ImGui::SetNextWindowPos(Min(r));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  ImGui::Begin(id, nullptr, kOverlay);
}

void EndPanel() {
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

// Text centred in a box, on one line.
void CentredText(ImDrawList* draw, ImFont* font, const core::Rect& box, ImU32 colour, const std::string& text) {
  ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
  draw->AddText(font, font->FontSize, ImVec2(box.x + (box.w - size.x) / 2, box.y + (box.h - size.y) / 2), colour,
                text.c_str());
}

}  // namespace

ReplayScreen::ReplayScreen(replay::Timeline timeline, ReplaySessionInfo info, Fonts fonts, ReplayScreenConfig config)
    : m_timeline(std::move(timeline)),
      m_cursor(m_timeline),
      m_clock(m_timeline.times()),
      m_info(std::move(info)),
      m_fonts(fonts),
      m_config(std::move(config)) {}

// ---------------------------------------------------------------------------------------------
// Layout: the map top-left, as large as the column on the right and the strip below allow.

ReplayScreen::Layout ReplayScreen::ComputeLayout(int fb_w, int fb_h) const {
  const float w = static_cast<float>(fb_w), h = static_cast<float>(fb_h), s = m_config.ui_scale;
  Layout l;
  if (m_config.look != ReplayLook::Screen) {
    l.map = core::Viewport::Fit(w, h).pixels;
    return l;
  }
  const float column_w = std::min(360 * s, w * 0.32f);
  const float left_w = w - column_w;
  const float map_h = std::min(left_w / core::kMapAspect, h - 200 * s);
  const float map_w = map_h * core::kMapAspect;
  l.map = {(left_w - map_w) / 2, 0, map_w, map_h};
  l.column = {left_w, 0, column_w, h};
  l.strip = {0, map_h, left_w, h - map_h};
  const float label_w = 170 * s, margin = 24 * s;
  l.track = {l.strip.x + margin + label_w, l.strip.y + 18 * s, l.strip.w - 2 * (margin + label_w), 104 * s};
  l.scrub_zone = {l.track.x - 30 * s, l.track.y, l.track.w + 60 * s, l.track.h};
  return l;
}

// ---------------------------------------------------------------------------------------------
// Routing fingers and keys: any finger on the map (not on a control) belongs to the zoom, and
// two of them pinch; pointer 0 on the timeline takes the playhead; elsewhere it is ImGui's
// mouse. Other fingers do nothing here (nobody edits a replay).

ImGuiMouse ReplayScreen::HandleInput(const FrameInput& input) {
  m_now_ms = input.now_ms;
  m_framebuffer_w = input.framebuffer_w;
  m_framebuffer_h = input.framebuffer_h;
  m_layout = ComputeLayout(input.framebuffer_w, input.framebuffer_h);
  m_viewport = core::Viewport{m_layout.map};
  m_zoom.Follow(m_viewport, m_now_ms);

  ImGuiMouse mouse;
  mouse.at = {-FLT_MAX, -FLT_MAX};
  bool mouse_set = false;
  for (const InputItem& item : input.items) {
    if (const auto* pointer = std::get_if<input::PointerEvent>(&item)) {
      mouse_set |= Handle(*pointer, mouse);
    } else if (const auto* text = std::get_if<TypedText>(&item)) {
      if (text->utf8 == " ") m_clock.TogglePlay();
    } else if (const auto* key = std::get_if<KeyPress>(&item)) {
      Handle(*key);
    }
  }
  // ImGui keeps the finger where it lifted for one frame (so the release lands on the button),
  // then loses it, so no hover look sticks after a touch.
  if (!mouse_set && m_ui_finger) mouse = {.on_ui = true, .at = m_finger, .down = true};
  return mouse;
}

bool ReplayScreen::Handle(const input::PointerEvent& event, ImGuiMouse& mouse) {
  using Phase = input::PointerEvent::Phase;
  const bool lifting = event.phase == Phase::Up || event.phase == Phase::Cancel;
  if (event.phase == Phase::Down && m_config.look == ReplayLook::Screen && !m_map_fingers.count(event.pointer) &&
      m_layout.map.Contains(event.at.x, event.at.y) && !m_controls.Covers(event.at) &&
      !(event.pointer == 0 && (m_scrubbing || m_ui_finger)))
    m_map_fingers.insert(event.pointer);
  if (m_map_fingers.count(event.pointer)) {
    for (const input::Gesture& g : m_pinches.Feed(event, m_no_cards, m_zoom.zoomed())) m_zoom.Take(g);
    if (lifting) m_map_fingers.erase(event.pointer);
    return false;
  }
  if (event.pointer != 0) return false;
  if (event.phase == Phase::Down) {
    m_scrubbing = m_config.look == ReplayLook::Screen && !m_timeline.empty() &&
                  m_layout.scrub_zone.Contains(event.at.x, event.at.y);
    m_ui_finger = !m_scrubbing;
  }
  m_finger = event.at;
  if (m_scrubbing) {
    if (event.phase != Phase::Cancel) ScrubTo(event.at.x);
    if (lifting) m_scrubbing = false;
    return false;
  }
  if (!m_ui_finger) return false;
  mouse = {.on_ui = true, .at = event.at, .down = !lifting};
  if (lifting) m_ui_finger = false;
  return true;
}

void ReplayScreen::Handle(KeyPress key) {
  using input::ScriptKey;
  const std::int64_t t = m_clock.position_ms();
  switch (key) {
    case ScriptKey::Left: StepTo(m_timeline.PreviousEventTime(t)); break;
    case ScriptKey::Right: StepTo(m_timeline.NextEventTime(t)); break;
    case ScriptKey::Home: m_clock.Seek(0); break;
    case ScriptKey::End: m_clock.Seek(static_cast<double>(m_clock.end_ms())); break;
    case ScriptKey::Enter: m_clock.TogglePlay(); break;
    case ScriptKey::Escape: m_close_requested = true; break;
    default: break;
  }
}

void ReplayScreen::ScrubTo(float x) {
  const core::Rect& t = m_layout.track;
  const float f = t.w > 0 ? std::clamp((x - t.x) / t.w, 0.0f, 1.0f) : 0.0f;
  m_clock.Seek(std::round(f * static_cast<double>(m_clock.end_ms())));
}

void ReplayScreen::StepTo(std::optional<std::int64_t> t_ms) {
  // Stepping is looking closely: the replay stops on the event so its glow stays.
  m_clock.Pause();
  if (t_ms) m_clock.Seek(static_cast<double>(*t_ms));
}

void ReplayScreen::Advance(double real_ms) {
  if (!m_scrubbing) m_clock.Advance(real_ms);
}

bool ReplayScreen::TakeRefreshRequest() { return std::exchange(m_refresh_requested, false); }
bool ReplayScreen::TakeCloseRequest() { return std::exchange(m_close_requested, false); }

void ReplayScreen::AddEvents(std::vector<core::Event> events, std::int64_t now_ms) {
  const std::size_t n = events.size();
  if (n == 0) {
    ShowMessage(Tr("Rien de nouveau depuis la dernière lecture du fichier."), now_ms);
    return;
  }
  m_timeline.Append(std::move(events));
  m_clock.SetEventTimes(m_timeline.times());
  m_ticks_events = 0;  // rebuild the ticks
  ShowMessage(n == 1 ? std::string(Tr("1 nouvelle action ajoutée à la fin."))
                     : Tr("{1} nouvelles actions ajoutées à la fin.", {std::to_string(n)}),
              now_ms);
}

void ReplayScreen::ShowMessage(std::string french, std::int64_t now_ms, std::int64_t duration_ms) {
  m_message = Message{std::move(french), now_ms + duration_ms};
}

bool ReplayScreen::Animating(std::int64_t now_ms) const {
  return m_clock.playing() || m_scrubbing || m_ui_finger || !m_map_fingers.empty() || m_zoom.Animating() || (m_message && m_message->until_ms > now_ms);
}

// ---------------------------------------------------------------------------------------------
// The playhead: the board there, and what changed just before it. A change glows for glow_ms
// of real time, so while playing fast the window in session time grows with the speed.

void ReplayScreen::Settle() {
  const std::int64_t t = m_clock.position_ms();
  m_cursor.Seek(t);
  m_glows.clear();
  m_trails.clear();
  if (m_config.look == ReplayLook::Picture) return;
  const double speed = (m_clock.playing() || m_config.look == ReplayLook::Video) ? m_clock.speed() : 1.0;
  // Capped in session time: at 60× a busy stretch would otherwise light up half the board.
  const std::int64_t window = std::clamp<std::int64_t>(
      std::llround(static_cast<double>(m_config.glow_ms) * speed), 1, std::max(m_config.glow_ms, kMaxGlowWindowMs));
  const core::Board& board = m_cursor.board();
  std::vector<replay::Change> changes = m_timeline.ChangesBetween(t - window, t);
  // Trails only for the latest few moves: more would be a tangle of dots, not a story.
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
      if (const core::Card* gone = board.FindBinned(c.card); gone && trail) m_trails.push_back({c.card, gone->at, strength});
      continue;
    }
    m_glows.push_back({c.card, strength});
    if (c.came_from && trail) m_trails.push_back({c.card, *c.came_from, strength});
  }
}

std::string ReplayScreen::TimeOfDay(std::int64_t t_ms) const {
  // "9 h 05", as French speakers write it (no leading zero on the hour).
  std::string hhmm = replay::FormatTimeOfDay(m_info.created_ms + t_ms, m_info.utc_offset_minutes);
  std::string hours = hhmm[0] == '0' ? hhmm.substr(1, 1) : hhmm.substr(0, 2);
  return Tr("{1} h {2}", {hours, hhmm.substr(3, 2)});
}

std::string ReplayScreen::CardCount() const {
  const std::size_t n = m_cursor.board().cards().size();
  if (n == 0) return Tr("Aucune carte");
  if (n == 1) return Tr("1 carte");
  return Tr("{1} cartes", {std::to_string(n)});
}

// ---------------------------------------------------------------------------------------------
// Drawing.

void ReplayScreen::Draw(std::int64_t now_ms) {
  m_now_ms = now_ms;
  m_controls.BeginFrame();
  Settle();
  if (m_config.look == ReplayLook::Screen) {
    DrawColumn();
    DrawStrip();
    const core::Rect& map = m_layout.map;  // "Toute la carte" while zoomed, in the map's top-right corner
    const float s = m_config.ui_scale, w = std::min(400 * s, map.w * 0.4f);
    m_zoom.DrawButton(m_controls, m_fonts, s, {map.x + map.w - 20 * s - w, map.y + 20 * s, w, 96 * s}, now_ms);
  } else if (m_config.look == ReplayLook::Video) {
    DrawCaption();
  }
  DrawMessages(now_ms);
}

void ReplayScreen::DrawColumn() {
  const core::Rect& col = m_layout.column;
  const float s = m_config.ui_scale, pad = 18 * s, gap = 12 * s;
  const float inner_w = col.w - 2 * pad;
  BeginPanel("##replay_column", col, colours::kPanel);
  m_controls.CoverCurrentWindow();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(col.x + 1, col.y), ImVec2(col.x + 1, col.y + col.h), colours::kPanelBorder, 2 * s);
  float y = col.y + pad;
  const float x = col.x + pad;

  // What the room asks first: when was this, and how many cards were up.
  {
    ImFont* f = m_fonts.small;
    std::string title = m_info.title.empty() ? std::string(Tr("Revoir l'atelier")) : m_info.title;
    ImGui::PushFont(f);
    ImVec2 size = ImGui::CalcTextSize(title.c_str(), nullptr, false, inner_w);
    ImGui::PopFont();
    const float title_h = std::min(size.y, f->FontSize * 2.3f);
    draw->PushClipRect(ImVec2(x, y), ImVec2(x + inner_w, y + title_h), true);
    draw->AddText(f, f->FontSize, ImVec2(x, y), colours::kInkSoft, title.c_str(), nullptr, inner_w);
    draw->PopClipRect();
    y += title_h + gap;

    draw->AddText(f, f->FontSize, ImVec2(x, y), colours::kInkSoft, Tr("Il était"));
    y += f->FontSize;
    std::string when = TimeOfDay(m_clock.position_ms());
    ImFont* big = m_fonts.large;
    const float big_size = big->FontSize * 1.5f;
    draw->AddText(big, big_size, ImVec2(x, y), colours::kInk, when.c_str());
    ImVec2 when_size = big->CalcTextSizeA(big_size, FLT_MAX, 0, when.c_str());
    m_controls.Record(when, {x, y, when_size.x, when_size.y});
    y += when_size.y + 4 * s;

    std::string count = CardCount();
    ImFont* body = m_fonts.body;
    draw->AddText(body, body->FontSize, ImVec2(x, y), colours::kInk, count.c_str());
    ImVec2 count_size = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, count.c_str());
    m_controls.Record(count, {x, y, count_size.x, count_size.y});
    y += count_size.y + 2 * gap;
  }

  // Lecture / Pause: the biggest control, an icon people know and the word.
  {
    const bool playing = m_clock.playing();
    const float h = 112 * s;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.62f, 0.5f));
    std::string label = std::string(playing ? Tr("Pause") : Tr("Lecture")) + "##play";
    if (m_controls.Button(label.c_str(), ImVec2(inner_w, h), playing ? ButtonLook::Primary : ButtonLook::Valider,
                          m_fonts.large))
      m_clock.TogglePlay();
    ImGui::PopStyleVar();
    const ImVec2 c(x + 58 * s, y + h / 2);
    const float r = 24 * s;
    if (playing) {
      draw->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.2f, c.y + r), IM_COL32_WHITE, 3 * s);
      draw->AddRectFilled(ImVec2(c.x + r * 0.2f, c.y - r), ImVec2(c.x + r * 0.8f, c.y + r), IM_COL32_WHITE, 3 * s);
    } else {
      draw->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r), ImVec2(c.x - r * 0.7f, c.y + r),
                              ImVec2(c.x + r, c.y), IM_COL32_WHITE);
    }
    y += h + gap;
  }

  // Précédent / Suivant: one event back or on, and stop there. Full width, one above the
  // other: side by side the words and the icons do not fit a finger-sized button.
  {
    const float h = 84 * s;
    const std::int64_t t = m_clock.position_ms();
    const float r = 14 * s;
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.55f, 0.5f));
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (m_controls.Button(Tr("Précédent"), ImVec2(inner_w, h), ButtonLook::Plain, m_fonts.body))
      StepTo(m_timeline.PreviousEventTime(t));
    float cx = x + 40 * s, cy = y + h / 2;  // |◀
    draw->AddRectFilled(ImVec2(cx - r, cy - r), ImVec2(cx - r + 5 * s, cy + r), colours::kInk);
    draw->AddTriangleFilled(ImVec2(cx + r, cy - r), ImVec2(cx + r, cy + r), ImVec2(cx - r + 6 * s, cy), colours::kInk);
    y += h + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (m_controls.Button(Tr("Suivant"), ImVec2(inner_w, h), ButtonLook::Plain, m_fonts.body))
      StepTo(m_timeline.NextEventTime(t));
    ImGui::PopStyleVar();
    cy = y + h / 2;  // ▶|
    draw->AddTriangleFilled(ImVec2(cx - r, cy - r), ImVec2(cx - r, cy + r), ImVec2(cx + r - 6 * s, cy), colours::kInk);
    draw->AddRectFilled(ImVec2(cx + r - 5 * s, cy - r), ImVec2(cx + r, cy + r), colours::kInk);
    y += h + 2 * gap;
  }

  // Speeds: every choice visible, the chosen one filled.
  {
    ImFont* f = m_fonts.small;
    draw->AddText(f, f->FontSize, ImVec2(x, y), colours::kInkSoft, Tr("Vitesse"));
    y += f->FontSize + 8 * s;
    const float h = 80 * s, w = (inner_w - 2 * gap) / 3;
    for (std::size_t i = 0; i < replay::kSpeeds.size(); ++i) {
      const double speed = replay::kSpeeds[i];
      const std::string label = std::to_string(static_cast<int>(speed)) + "×";
      ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(i % 3) * (w + gap), y + static_cast<float>(i / 3) * (h + gap)));
      const bool chosen = m_clock.speed() == speed;
      if (m_controls.Button(label.c_str(), ImVec2(w, h), chosen ? ButtonLook::Primary : ButtonLook::Plain,
                            m_fonts.large))
        m_clock.SetSpeed(speed);
    }
    y += 2 * h + gap + 2 * gap;
  }

  // Passer les temps calmes: a toggle drawn as a big tick box and the words, on two lines.
  {
    const float h = 96 * s;
    const bool on = m_clock.skip_quiet();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (m_controls.Button("##quiet", ImVec2(inner_w, h), on ? ButtonLook::Primary : ButtonLook::Plain))
      m_clock.SetSkipQuiet(!on);
    const ImU32 ink = on ? IM_COL32_WHITE : colours::kInk;
    const float box = 36 * s, bx = x + 18 * s, by = y + (h - box) / 2;
    draw->AddRect(ImVec2(bx, by), ImVec2(bx + box, by + box), ink, 6 * s, 0, 3 * s);
    if (on) {
      draw->AddLine(ImVec2(bx + box * 0.2f, by + box * 0.52f), ImVec2(bx + box * 0.42f, by + box * 0.74f), ink, 5 * s);
      draw->AddLine(ImVec2(bx + box * 0.42f, by + box * 0.74f), ImVec2(bx + box * 0.82f, by + box * 0.26f), ink, 5 * s);
    }
    ImFont* f = m_fonts.small;
    const char* words = Tr("Passer les temps calmes");
    const float text_x = bx + box + 16 * s, text_w = x + inner_w - 12 * s - text_x;
    ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, words);
    draw->AddText(f, f->FontSize, ImVec2(text_x, y + (h - size.y) / 2), ink, words, nullptr, text_w);
    m_controls.Record(words, {x, y, inner_w, h});
    y += h + gap;
  }

  // Actualiser / Fermer at the bottom, away from the controls used while watching.
  {
    const float h = 80 * s, w = (inner_w - gap) / 2, by = col.y + col.h - pad - h;
    ImGui::SetCursorScreenPos(ImVec2(x, by));
    if (m_controls.Button(Tr("Actualiser"), ImVec2(w, h), ButtonLook::Plain, m_fonts.small))
      m_refresh_requested = true;
    ImGui::SetCursorScreenPos(ImVec2(x + w + gap, by));
    if (m_controls.Button(Tr("Fermer"), ImVec2(w, h), ButtonLook::Plain, m_fonts.small)) m_close_requested = true;
  }
  EndPanel();
}

void ReplayScreen::DrawTicks(ImDrawList* draw, const core::Rect& zone, float head_x) {
  const int width = std::max(1, static_cast<int>(zone.w));
  const std::int64_t end = m_timeline.duration_ms();
  if (m_ticks_width != width || m_ticks_events != m_timeline.size()) {
    m_ticks.assign(static_cast<std::size_t>(width), 0);
    for (std::size_t i = 0; i < m_timeline.size(); ++i) {
      const double f = end > 0 ? static_cast<double>(m_timeline.TimeOf(i)) / static_cast<double>(end) : 0.0;
      const auto column = static_cast<std::size_t>(std::min<double>(f * (width - 1), width - 1));
      const int kind = static_cast<int>(replay::KindOf(m_timeline.events()[i].data));
      std::uint8_t& cell = m_ticks[column];
      if (cell == 0 || kPriority[kind] > kPriority[cell - 1]) cell = static_cast<std::uint8_t>(kind + 1);
    }
    m_ticks_width = width;
    m_ticks_events = m_timeline.size();
  }
  const float s = m_config.ui_scale, mid = zone.y + zone.h / 2;
  const float stroke = std::max(2.0f, 2 * s);
  for (int column = 0; column < width; ++column) {
    const std::uint8_t cell = m_ticks[static_cast<std::size_t>(column)];
    if (cell == 0) continue;
    const KindLook& look = kKinds[cell - 1];
    const float half = zone.h / 2 * look.height, px = zone.x + static_cast<float>(column);
    // What is still to come is drawn paler, so played and unplayed read apart at a glance.
    const ImU32 colour = px <= head_x ? look.colour : (look.colour & 0x00ffffffu) | (0x60u << IM_COL32_A_SHIFT);
    draw->AddRectFilled(ImVec2(px - stroke / 2, mid - half), ImVec2(px + stroke / 2, mid + half), colour);
  }
}

void ReplayScreen::DrawStrip() {
  const core::Rect& strip = m_layout.strip;
  const float s = m_config.ui_scale;
  BeginPanel("##replay_strip", strip, colours::kPanel);
  m_controls.CoverCurrentWindow();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(strip.x, strip.y + 1), ImVec2(strip.x + strip.w, strip.y + 1), colours::kPanelBorder, 2 * s);
  const core::Rect& track = m_layout.track;
  const std::int64_t end = m_clock.end_ms();
  const double t = m_clock.position();
  const float f = end > 0 ? static_cast<float>(t / static_cast<double>(end)) : 0.0f;
  const float head_x = track.x + f * track.w;

  // Elapsed time left of the bar, the whole length right of it.
  // Each with a few words under it, so the numbers say what they count.
  const float label_w = track.x - strip.x - 24 * s, caption_h = m_fonts.small->FontSize;
  const core::Rect left{strip.x + 24 * s, track.y, label_w - 12 * s, track.h - caption_h};
  const core::Rect right{track.x + track.w + 12 * s, track.y, label_w - 12 * s, track.h - caption_h};
  CentredText(draw, m_fonts.large, left, colours::kInk, replay::FormatElapsed(static_cast<std::int64_t>(t)));
  CentredText(draw, m_fonts.small, {left.x, left.y + left.h, left.w, caption_h}, colours::kInkSoft,
              Tr("depuis le début"));
  CentredText(draw, m_fonts.large, right, colours::kInkSoft, replay::FormatElapsed(end));
  CentredText(draw, m_fonts.small, {right.x, right.y + right.h, right.w, caption_h}, colours::kInkSoft,
              Tr("en tout"));

  // The bar: a tick per event (by kind), the played part in blue, the playhead a big knob.
  const core::Rect ticks{track.x, track.y + 10 * s, track.w, track.h - 20 * s};
  draw->AddRectFilled(Min(track), Max(track), IM_COL32(0xff, 0xff, 0xff, 0xff), 14 * s);
  draw->AddRect(Min(track), Max(track), colours::kPanelBorder, 14 * s, 0, 2 * s);
  DrawTicks(draw, ticks, head_x);
  const float bar_h = 12 * s, mid = track.y + track.h / 2;
  draw->AddRectFilled(ImVec2(track.x, mid - bar_h / 2), ImVec2(head_x, mid + bar_h / 2),
                      IM_COL32(0x1d, 0x5f, 0xa8, 0x90), bar_h / 2);
  for (const replay::Phase& phase : m_timeline.phases()) {  // from the facilitator's panel, when recorded
    const float px = track.x + (end > 0 ? static_cast<float>(phase.t_ms) / static_cast<float>(end) : 0) * track.w;
    draw->AddLine(ImVec2(px, track.y - 6 * s), ImVec2(px, track.y + track.h), colours::kInk, 3 * s);
    draw->AddText(m_fonts.small, m_fonts.small->FontSize, ImVec2(px + 6 * s, track.y - 6 * s - m_fonts.small->FontSize),
                  colours::kInk, phase.name.c_str());
  }
  draw->AddLine(ImVec2(head_x, track.y - 4 * s), ImVec2(head_x, track.y + track.h + 4 * s), colours::kAccent, 5 * s);
  const float knob = (m_scrubbing ? 30 : 24) * s;
  draw->AddCircleFilled(ImVec2(head_x, mid), knob + 4 * s, IM_COL32_WHITE);
  draw->AddCircleFilled(ImVec2(head_x, mid), knob, colours::kAccent);
  m_controls.Record(Tr("Ligne du temps"), track);

  // The legend, so nobody has to guess what the colours mean.
  {
    ImFont* font = m_fonts.small;
    float x = track.x, y = track.y + track.h + 14 * s;
    const char* lead = Tr("Cartes :");
    draw->AddText(font, font->FontSize, ImVec2(x, y), colours::kInkSoft, lead);
    x += font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, lead).x + 18 * s;
    for (const KindLook& look : kKinds) {
      const char* word = Tr(look.french);
      const float swatch = 18 * s;
      const float half = swatch / 2 * look.height;
      const float cy = y + font->FontSize / 2;
      draw->AddRectFilled(ImVec2(x, cy - half), ImVec2(x + 6 * s, cy + half), look.colour);
      x += 14 * s;
      draw->AddText(font, font->FontSize, ImVec2(x, y), colours::kInk, word);
      x += font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, word).x + 30 * s;
    }
  }
  EndPanel();
}

void ReplayScreen::DrawCaption() {
  // Video frames: the time of day and the card count in a quiet corner, readable on a projector.
  const ImGuiIO& io = ImGui::GetIO();
  const float s = m_config.ui_scale;
  const std::string text = TimeOfDay(m_clock.position_ms()) + "  ·  " + CardCount();
  ImFont* font = m_fonts.body;
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
  const ImVec2 max(io.DisplaySize.x - 20 * s, io.DisplaySize.y - 20 * s);
  const ImVec2 min(max.x - size.x - 36 * s, max.y - size.y - 20 * s);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(min, max, colours::kPanel, 14 * s);
  draw->AddRect(min, max, colours::kPanelBorder, 14 * s, 0, 2 * s);
  draw->AddText(font, font->FontSize, ImVec2(min.x + 18 * s, min.y + 10 * s), colours::kInk, text.c_str());
}

void ReplayScreen::DrawMessages(std::int64_t now_ms) {
  if (m_config.look == ReplayLook::Picture) return;
  std::string text;
  if (m_message && now_ms < m_message->until_ms) {
    text = m_message->text;
  } else {
    m_message.reset();
    if (m_timeline.empty())
      text = std::string(Tr("Cette séance ne contient encore aucune carte.")) + "\n" +
             Tr("Si l'atelier est en cours, touchez « Actualiser » dans un moment.");
  }
  if (text.empty()) return;
  const core::Rect& map = m_layout.map;
  const float s = m_config.ui_scale, w = std::min(900 * s, map.w - 48 * s);
  ImGui::SetNextWindowPos(ImVec2(map.x + map.w / 2, map.y + map.h * 0.42f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0xff, 0xf4, 0xc2, 0xff));
  ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(0xc9, 0x8a, 0x00, 0xff));
  ImGui::Begin("##replay_message", nullptr, kOverlay | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(m_fonts.body);
  ImGui::PushTextWrapPos(w - ImGui::GetStyle().WindowPadding.x * 2);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleColor(2);
}

// ---------------------------------------------------------------------------------------------
// What the renderer draws under the overlay.

render::BoardView ReplayScreen::View() const {
  render::BoardView view;
  view.board = &m_cursor.board();
  m_zoom.Into(view);  // zoomed: clipped to the map's place, under the column and the strip
  view.framebuffer_w = m_framebuffer_w;
  view.framebuffer_h = m_framebuffer_h;
  view.lang = m_config.lang;
  view.glows = m_glows;
  view.trails = m_trails;
  return view;
}

}  // namespace atelier::ui
