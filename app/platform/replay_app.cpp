// Sections: opening the session (read-only) · start-up (window, fonts, renderer) · script
// targets · one frame · the picture (--at --screenshot) · the video (--frames) · the screen.
#include "platform/replay_app.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <variant>

#include "core/touch_scale.h"
#include "input/input_script.h"
#include "platform/app_frame.h"
#include "platform/config.h"
#include "platform/font_finder.h"
#include "platform/heap_trim.h"
#include "platform/input_queue.h"
#include "platform/paths.h"
#include "platform/replay_video_command.h"
#include "platform/window.h"
#include "render/board_renderer.h"
#include "replay/replay_time.h"
#include "replay/timeline.h"
#include "store/board_json.h"
#include "store/session_export.h"
#include "store/session_file.h"
#include "ui/i18n.h"
#include "ui/replay_screen.h"
#include "ui/theme.h"

namespace atelier::platform {

namespace {

using SteadyClock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------------
// Opening the session, read-only: what `atelier info` does, plus the French reason for the
// screen.

struct Opened {
  std::unique_ptr<store::SessionFile> file;
  store::LoadedSession session;
};

struct OpenProblem {
  std::string en, fr;
};

std::variant<Opened, OpenProblem> OpenSession(const std::string& path) {
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(path);
  if (!opened) return OpenProblem{opened.message.en, opened.message.fr};
  if (!opened.message.empty()) std::fprintf(stderr, "atelier: note: %s\n", opened.message.en.c_str());
  auto loaded = opened.session->Load();
  if (!loaded.ok()) {
    const std::string name = std::filesystem::path(path).filename().string();
    return OpenProblem{path + ": " + loaded.error().message,
                       "Le fichier « " + name + " » est abîmé : ses actions ne peuvent pas être relues."};
  }
  return Opened{std::move(opened.session), std::move(loaded.value())};
}

bool WriteBoard(const std::string& path, const core::Board& board, const std::string& lang) {
  core::Status written = store::WriteTextFile(path, store::BoardToJson(board, lang));
  if (!written.ok()) std::fprintf(stderr, "atelier: cannot write %s: %s\n", path.c_str(), written.error().message.c_str());
  return written.ok();
}

// ---------------------------------------------------------------------------------------------
// Script targets: what a script names, found on the replay screen as it is now.

class ReplayTargets final : public input::TargetResolver {
 public:
  explicit ReplayTargets(const ui::ReplayScreen& screen) : m_screen(screen) {}

  core::Result<core::ScreenPoint> Resolve(const input::Target& target) override {
    using Kind = input::Target::Kind;
    if (target.kind == Kind::Label) {
      if (auto at = m_screen.controls().Find(target.name, target.in)) return *at;
      return core::Error{"no control labelled \"" + target.name + "\" on screen" +
                           (target.in.empty() ? std::string() : std::string(" in \"") + target.in + "\"")};
    }
    if (target.kind == Kind::Card) {
      std::optional<core::ScreenPoint> found;
      for (const core::Card* card : m_screen.board().InDrawOrder())  // the topmost wins
        if (card->text == target.name) found = m_screen.viewport().ToScreen(card->at);
      if (found) return *found;
      return core::Error{"no card with the text \"" + target.name + "\" on the board at the playhead"};
    }
    if (target.kind == Kind::Map) return m_screen.viewport().ToScreen(target.map);
    return target.pixels;
  }

 private:
  const ui::ReplayScreen& m_screen;
};

// ---------------------------------------------------------------------------------------------
// Start-up and one frame.

struct Gui {
  std::unique_ptr<Window> window;
  ui::Fonts fonts;
  float scale = 1;
  std::unique_ptr<render::BoardRenderer> renderer;
  HeapTrim heap_trim;
};

// Percentiles of frame times for the summary lines (benchmarks read them).
std::string FrameSummary(std::vector<double> ms) {
  if (ms.empty()) return "no frames";
  std::sort(ms.begin(), ms.end());
  char out[160];
  std::snprintf(out, sizeof out, "%zu frames, cpu frame ms: median %.3f  p95 %.3f  max %.3f", ms.size(),
                ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
  return out;
}

// Input → ImGui → board + overlay, into the back buffer (not swapped).
void DrawFrame(Gui& gui, ui::ReplayScreen& screen, std::vector<ui::InputItem> items, std::int64_t now_ms,
               double real_ms, bool fixed_time) {
  ui::FrameInput input{.items = std::move(items), .now_ms = now_ms, .framebuffer_w = gui.window->framebuffer_w(),
                       .framebuffer_h = gui.window->framebuffer_h()};
  ui::ImGuiMouse mouse = screen.HandleInput(input);
  screen.Advance(real_ms);
  BeginImGuiFrame(mouse.at, mouse.down, fixed_time);
  screen.Draw(now_ms);
  ImGui::Render();
  gui.renderer->Draw(screen.View());
  gui.heap_trim.AfterDraw(*gui.renderer);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// ---------------------------------------------------------------------------------------------
// The video: every frame of the replay at fps, played at speed, as numbered PNGs.

int WriteFrames(Gui& gui, ui::ReplayScreen& screen, const ReplayOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.frames_dir, ec);
  if (ec) {
    std::fprintf(stderr, "atelier: cannot create %s: %s\n", options.frames_dir.c_str(), ec.message().c_str());
    return 1;
  }
  replay::PlaybackClock& clock = screen.clock();
  clock.SetSpeed(options.speed);
  const double frame_ms = 1000.0 / options.fps;
  const long total = static_cast<long>(std::ceil(clock.RealMsToEnd(clock.position()) / frame_ms)) + 1;
  clock.Play();
  const bool tty = isatty(STDERR_FILENO);
  std::vector<double> cpu_ms;
  SteadyClock::time_point last_progress = SteadyClock::now();
  long written = 0;
  for (long frame = 1; frame <= total && !TerminationRequested(); ++frame) {
    glfwPollEvents();
    const SteadyClock::time_point start = SteadyClock::now();
    DrawFrame(gui, screen, {}, static_cast<std::int64_t>(static_cast<double>(frame - 1) * frame_ms),
              frame == 1 ? 0 : frame_ms, true);
    glFinish();
    cpu_ms.push_back(MsSince(start));
    char name[32];
    std::snprintf(name, sizeof name, "%06ld.png", frame);
    SaveScreenshot(gui.window->framebuffer_w(), gui.window->framebuffer_h(),
                   (std::filesystem::path(options.frames_dir) / name).string());
    gui.window->SwapBuffers();
    written = frame;
    if (frame == total || MsSince(last_progress) > (tty ? 200 : 5000)) {
      std::fprintf(stderr, "%satelier: frame %ld/%ld (%ld%%) at %s%s", tty ? "\r" : "", frame, total,
                   frame * 100 / total, replay::FormatElapsed(clock.position_ms()).c_str(), tty ? "  " : "\n");
      std::fflush(stderr);
      last_progress = SteadyClock::now();
    }
  }
  if (tty) std::fputc('\n', stderr);
  std::fprintf(stderr, "atelier: wrote %ld frames to %s (%d fps, %gx); %zu cards at the end; %s\n", written,
               options.frames_dir.c_str(), options.fps, options.speed, screen.board().cards().size(),
               FrameSummary(cpu_ms).c_str());
  return TerminationRequested() ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// The screen, interactive or scripted.

int RunScreen(Gui& gui, ui::ReplayScreen& screen, store::SessionFile& file, const ReplayOptions& options,
              std::optional<input::Script> script, const std::string& lang) {
  const bool fixed_time = script.has_value();
  InputQueue queue;
  queue.Attach(gui.window->glfw());
  std::optional<input::ScriptPlayer> player;
  if (script) player.emplace(std::move(*script));
  ReplayTargets targets(screen);

  std::vector<double> cpu_ms;
  std::int64_t now = 0;
  SteadyClock::time_point last_frame = SteadyClock::now();
  int exit_code = 0;
  bool quit = false;
  while (!quit && !gui.window->ShouldClose()) {
    if (TerminationRequested()) quit = true;
    if (fixed_time || screen.Animating(now))
      glfwPollEvents();
    else
      glfwWaitEventsTimeout(0.25);
    // Real time between frames, capped so a stall (a dragged window, a slow disk) is no jump.
    const double real_ms = fixed_time ? static_cast<double>(kFixedFrameMs) : std::min(MsSince(last_frame), 100.0);
    last_frame = SteadyClock::now();
    if (!fixed_time) now += static_cast<std::int64_t>(real_ms);
    queue.set_now(now);

    ScriptRequests requests;
    if (player) {
      core::Status played = PlayDueSteps(*player, now, targets, queue, requests, options.input_script);
      if (!played.ok()) {
        std::fprintf(stderr, "atelier: %s\n", played.error().message.c_str());
        exit_code = 3;
        quit = true;
      }
      if (options.quit_after_script && player->Finished() && queue.empty()) quit = true;
      quit |= requests.quit;
    }

    const SteadyClock::time_point start = SteadyClock::now();
    DrawFrame(gui, screen, queue.TakeFrame(), now, real_ms, fixed_time);
    cpu_ms.push_back(MsSince(start));

    if (screen.TakeRefreshRequest()) {
      auto more = file.ReadEvents(screen.timeline().last_seq());
      if (more.ok())
        screen.AddEvents(std::move(more.value()), now);
      else
        screen.ShowMessage(ui::Tr("Le fichier de la séance ne peut plus être relu."), now);
    }
    if (screen.TakeCloseRequest()) quit = true;
    const int w = gui.window->framebuffer_w(), h = gui.window->framebuffer_h();
    for (const std::string& path : requests.screenshots) SaveScreenshot(w, h, path);
    for (const std::string& path : requests.dumps) WriteBoard(path, screen.board(), lang);
    if (quit && !options.screenshot.empty()) SaveScreenshot(w, h, options.screenshot);
    gui.window->SwapBuffers();
    if (fixed_time) now += kFixedFrameMs;
  }
  if (!options.dump_board.empty()) WriteBoard(options.dump_board, screen.board(), lang);
  if (fixed_time) std::fprintf(stderr, "atelier: replay: %s\n", FrameSummary(cpu_ms).c_str());
  return exit_code;
}

}  // namespace

int RunReplay(const ReplayOptions& options) {
  AppPaths paths = FindPaths();
  ConfigLoad loaded_config = LoadConfig(paths.config_file);
  for (const std::string& warning : loaded_config.warnings) std::fprintf(stderr, "atelier: %s\n", warning.c_str());
  Config config = loaded_config.config;
  if (!options.lang.empty()) config.lang = options.lang;
  if (options.ui_scale) config.ui_scale = options.ui_scale;
  ui::InitTranslations(config.lang, paths.locale_dir.string());

  std::optional<input::Script> script;
  if (!options.input_script.empty()) {
    auto parsed = input::LoadScript(options.input_script);
    if (!parsed.ok()) {
      std::fprintf(stderr, "atelier: %s\n", parsed.error().message.c_str());
      return 3;
    }
    script = std::move(parsed.value());
  }
  std::optional<replay::TimeArg> time_arg;
  if (!options.at.empty()) {
    auto parsed = replay::ParseTimeArg(options.at);
    if (!parsed.ok()) {
      std::fprintf(stderr, "atelier: --at: %s\n", parsed.error().message.c_str());
      return 1;
    }
    time_arg = parsed.value();
  }
  const bool video_file = !options.video.empty();  // off-screen, no window (replay_video_command)
  if (video_file && !CheckVideoArguments(options)) return 1;
  const bool video = !video_file && !options.frames_dir.empty();
  const bool picture = !video && !script && !options.screenshot.empty();
  const bool dump_only = !video_file && !video && !script && options.screenshot.empty() && time_arg && !options.dump_board.empty();
  const bool interactive = !video_file && !video && !picture && !dump_only && !script;

  auto opened = OpenSession(options.session);
  if (auto* problem = std::get_if<OpenProblem>(&opened)) {
    std::fprintf(stderr, "atelier: %s\n", problem->en.c_str());
    if (interactive || script) {  // someone (or a test) is looking at the screen: say it there too
      auto window = Window::Open({.kiosk = !options.windowed && options.width <= 0, .width = options.width,
                                  .height = options.height, .title = "Atelier"});
      if (window.ok())
        ShowProblemScreen(*window.value(), ui::Tr("Cette séance ne peut pas être revue."), problem->fr,
                          ui::Tr("Touchez l'écran pour fermer."), script.has_value(), options.screenshot, true);
    }
    return 1;
  }
  Opened& session = std::get<Opened>(opened);
  const store::SessionMeta& meta = session.session.meta;
  replay::Timeline timeline(meta.map_template, std::move(session.session.events));

  std::int64_t start_ms = 0;
  if (time_arg || picture) {
    replay::ResolvedTime at = replay::ResolveTime(time_arg.value_or(replay::TimeArg{.end = true}), timeline.duration_ms());
    if (!at.note.empty()) std::fprintf(stderr, "atelier: note: %s\n", at.note.c_str());
    start_ms = at.ms;
    if (!options.dump_board.empty() && (picture || dump_only) && !WriteBoard(options.dump_board, timeline.BoardAt(start_ms), config.lang))
      return 1;
    if (dump_only) return 0;
  }
  if (video_file) {
    auto font = FindFont(config.font);
    if (!font.ok()) {
      std::fprintf(stderr, "atelier: %s\n", font.error().message.c_str());
      return 1;
    }
    return WriteVideo(options, timeline, meta, start_ms, config.lang, font.value(), paths.shader_dir().string());
  }

  // A picture or a video has a definite size; the screen is full-screen unless asked otherwise.
  int width = options.width, height = options.height;
  if ((picture || video) && width <= 0) width = 1920, height = 1080;
  auto window_or = Window::Open({.kiosk = interactive && !options.windowed && width <= 0 && !script,
                                 .width = width, .height = height, .title = "Atelier — revoir l'atelier"});
  if (!window_or.ok()) {
    std::fprintf(stderr, "atelier: %s\n", window_or.error().message.c_str());
    return 2;
  }
  Gui gui;
  gui.window = std::move(window_or.value());
  gui.scale = core::UiScale({.framebuffer_w = gui.window->framebuffer_w(),
                             .framebuffer_h = gui.window->framebuffer_h(),
                             .physical_w_mm = config.screen_width_mm.value_or(gui.window->physical_width_mm()),
                             .override_scale = config.ui_scale});
  auto startup_problem = [&](const std::string& french) {
    std::fprintf(stderr, "atelier: %s\n", french.c_str());
    ShowProblemScreen(*gui.window, ui::Tr("Atelier ne peut pas démarrer."), french, {}, !interactive,
                      options.screenshot, true);
    return 2;
  };
  auto font = FindFont(config.font);
  if (!font.ok())
    return startup_problem(ui::Tr("Aucune police de caractères n'est installée (paquet fonts-sil-andika ou fonts-dejavu-core)."));
  auto fonts = ui::LoadFonts(font.value(), gui.scale);
  if (!fonts.ok()) return startup_problem(fonts.error().message);
  gui.fonts = fonts.value();
  ui::ApplyTheme(gui.scale);
  auto renderer = render::BoardRenderer::Create({.shader_dir = paths.shader_dir().string(), .font_path = font.value()});
  if (!renderer.ok()) return startup_problem(ui::Tr("Le dessin de la carte est impossible : {1}", {renderer.error().message}));
  gui.renderer = std::move(renderer.value());

  const ui::ReplayLook look = picture ? ui::ReplayLook::Picture : video ? ui::ReplayLook::Video : ui::ReplayLook::Screen;
  ui::ReplayScreen screen(std::move(timeline),
                          {.title = meta.title, .created_ms = meta.created_ms, .utc_offset_minutes = meta.utc_offset_minutes},
                          gui.fonts, {.ui_scale = gui.scale, .lang = config.lang, .look = look});
  screen.clock().Seek(static_cast<double>(start_ms));
  StopOnTerminationSignals();  // a video export stops with the frames written so far

  if (picture) {
    DrawFrame(gui, screen, {}, 0, 0, true);
    SaveScreenshot(gui.window->framebuffer_w(), gui.window->framebuffer_h(), options.screenshot);
    std::fprintf(stderr, "atelier: wrote %s (%s, %zu cards)\n", options.screenshot.c_str(),
                 replay::FormatElapsed(start_ms).c_str(), screen.board().cards().size());
    return 0;
  }
  if (video) return WriteFrames(gui, screen, options);
  return RunScreen(gui, screen, *session.file, options, std::move(script), config.lang);
}

}  // namespace atelier::platform
