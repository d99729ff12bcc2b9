// Sections: start-up (config, template, window, fonts, renderer) · script targets · the frame
// loop · benchmark numbers.
#include "platform/kiosk_app.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdlib>
#include <csignal>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <ctime>
#include <filesystem>

#include "core/session.h"
#include "core/touch_scale.h"
#include "input/input_recorder.h"
#include "input/input_script.h"
#include "platform/app_frame.h"
#include "platform/config.h"
#include "platform/config_writer.h"
#include "platform/deck_keeper.h"
#include "platform/facilitator_pin.h"
#include "platform/heap_trim.h"
#include "platform/font_finder.h"
#include "platform/input_queue.h"
#include "platform/kiosk_exports.h"
#include "platform/kiosk_sessions.h"
#include "platform/kiosk_settings.h"
#include "platform/paths.h"
#include "platform/phone_link.h"
#include "platform/phone_switch.h"
#include "platform/touch_input.h"
#include "platform/window.h"
#include "render/board_renderer.h"
#include "store/board_json.h"
#include "store/pin_file.h"
#include "store/session_file.h"
#include "store/sessions_dir.h"
#include "store/template_file.h"
#include "store/wall_time.h"
#include "ui/board_screen.h"
#include "ui/i18n.h"
#include "ui/theme.h"

namespace atelier::platform {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------------
// Start-up.

struct TemplateChoice {
  core::Template tmpl;
  std::string problem;  // French, shown on screen when the asked-for template could not be used
};

TemplateChoice ChooseTemplate(const std::string& name, const AppPaths& paths) {
  auto loaded = store::LoadTemplate(store::FindTemplate(name, paths.templates_dir()));
  if (loaded.ok()) return {loaded.value(), {}};
  std::fprintf(stderr, "atelier: template: %s\n", loaded.error().message.c_str());
  std::string problem = ui::Tr("Le modèle de carte « {1} » est illisible ({2}). La carte par défaut est affichée à la place.",
                               {name, loaded.error().message});
  auto fallback = store::LoadTemplate(store::FindTemplate("usages-impacts", paths.templates_dir()));
  if (fallback.ok()) return {fallback.value(), problem};
  core::Template bare;  // even the default is broken: a plain board still lets people work
  bare.id = "tableau-libre";
  bare.title = {"Atelier", "Atelier"};
  return {bare, problem};
}

std::string DefaultTitle() {
  std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%d/%m/%Y", std::localtime(&now));
  return ui::Tr("Atelier du {1}", {date});
}

// Puts n cards on the board through the normal command path (benchmarks). Each text is its
// own, as in a workshop ("Canva", "Canva 2", …), so the painter's layout cache is measured too.
void AddBenchCards(core::Session& session, int n) {
  std::mt19937 random(42);
  std::uniform_real_distribution<float> x(0.06f, 0.97f), y(0.14f, 0.84f);
  const char* texts[] = {"HelloAsso", "Facebook", "Trop de groupes WhatsApp", "Lettre d'information aux adhérents",
                         "Compta en ligne", "Canva", "Un drive partagé", "Réservation des salles"};
  for (int i = 0; i < n; ++i)
    (void)session.Submit(core::AddCard{std::string(texts[i % 8]) + (i < 8 ? "" : " " + std::to_string(i / 8 + 1)),
                                       std::string(core::kPalette[i % core::kPalette.size()].name),
                                       {x(random), y(random)}});
}

// ---------------------------------------------------------------------------------------------
// Script targets: what a script names, found on the screen as it is now.

class ScreenTargets final : public input::TargetResolver {
 public:
  ScreenTargets(const ui::Controls& controls, const ui::BoardScreen& screen, const core::Session& session)
      : m_controls(controls), m_screen(screen), m_session(session) {}

  core::Result<core::ScreenPoint> Resolve(const input::Target& target) override {
    using Kind = input::Target::Kind;
    if (target.kind == Kind::Label) {
      if (auto at = m_controls.Find(target.name, target.in)) return *at;
      return core::Error{"no control labelled \"" + target.name + "\" on screen" +
                           (target.in.empty() ? std::string() : std::string(" in \"") + target.in + "\"")};
    }
    if (target.kind == Kind::Card) {
      std::vector<const core::Card*> cards = m_session.board().InDrawOrder();
      for (auto it = cards.rbegin(); it != cards.rend(); ++it)  // the topmost card with that text
        if ((*it)->text == target.name) return m_screen.viewport().ToScreen((*it)->at);
      return core::Error{"no card with the text \"" + target.name + "\" on the board"};
    }
    if (target.kind == Kind::Map) return m_screen.viewport().ToScreen(target.map);
    return target.pixels;
  }

 private:
  const ui::Controls& m_controls;
  const ui::BoardScreen& m_screen;
  const core::Session& m_session;
};

// A screen that covers everything (the sessions screen) takes the first finger down as ImGui's
// mouse, until it lifts; other fingers meanwhile do nothing.
class FullScreenMouse {
 public:
  ui::ImGuiMouse Update(const ui::FrameInput& input) {
    using Phase = input::PointerEvent::Phase;
    ui::ImGuiMouse mouse{.on_ui = true, .at = m_at, .down = m_down};
    if (!m_down && !m_lifted_last_frame) mouse.at = {-FLT_MAX, -FLT_MAX};  // no hover after a touch
    m_lifted_last_frame = false;
    for (const ui::InputItem& item : input.items) {
      const auto* p = std::get_if<input::PointerEvent>(&item);
      if (!p) continue;
      if (m_finger < 0 && p->phase == Phase::Down) m_finger = p->pointer;
      if (p->pointer != m_finger) continue;
      m_at = mouse.at = p->at;
      m_down = mouse.down = p->phase == Phase::Down || p->phase == Phase::Move;
      if (!m_down) {
        m_lifted_last_frame = true;
        m_finger = -1;
      }
    }
    return mouse;
  }

 private:
  int m_finger = -1;  // none
  core::ScreenPoint m_at{-FLT_MAX, -FLT_MAX};
  bool m_down = false;
  bool m_lifted_last_frame = false;
};

bool LaunchReplay(const std::string& session, const KioskOptions& options, const std::string& lang) {
  std::vector<std::string> args{"/proc/self/exe", "replay", session};
  if (options.windowed) args.push_back("--windowed");
  if (options.width > 0) {
    args.push_back("--size");
    args.push_back(std::to_string(options.width) + "x" + std::to_string(options.height));
  }
  args.push_back("--lang");  // the kiosk's language now (the facilitator may have changed it)
  args.push_back(lang);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) != 0) return false;
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();  // reap it whenever it closes
  return true;
}

void HandleSessionsRequest(const ui::SessionsRequest& request, std::unique_ptr<LiveSession>& live,
                           ui::SessionsScreen& screen, const SessionShelf& shelf, const LiveSessionSetup& setup,
                           const std::string& lang, std::int64_t& logged_seq, const KioskOptions& options) {
  auto switch_to = [&](const fs::path& path, const store::NewSession& if_new) {
    auto opened = OpenLiveSession(path, if_new, setup);
    if (!opened.ok()) {
      screen.Say(opened.error().message);
      return;
    }
    live = std::move(opened.value());
    shelf.RememberOpened(live->path);
    logged_seq = live->file->written_events();
    screen.Hide();
  };
  if (std::holds_alternative<ui::CloseSessionsRequest>(request)) {
    screen.Hide();
  } else if (const auto* open = std::get_if<ui::OpenSessionRequest>(&request)) {
    switch_to(open->path, {});
  } else if (const auto* fresh = std::get_if<ui::NewSessionRequest>(&request)) {
    for (const core::Template& t : shelf.Templates())
      if (t.id == fresh->template_id) switch_to(shelf.NewPath(fresh->title), {.title = fresh->title, .map_template = t});
  } else if (const auto* rename = std::get_if<ui::RenameSessionRequest>(&request)) {
    std::error_code ec;
    core::Status renamed = core::Ok{};
    if (fs::equivalent(rename->path, live->path, ec)) {
      renamed = live->file->Rename(rename->title);
    } else if (store::OpenOutcome other = store::SessionFile::Open(rename->path, {})) {
      renamed = other.session->Rename(rename->title);
    } else {
      renamed = core::Error{other.message.fr};
    }
    screen.Show(shelf.List(*live), shelf.Templates());
    screen.Say(renamed.ok() ? std::string(ui::Tr("Séance renommée.")) : renamed.error().message);
    if (renamed.ok() && fs::equivalent(rename->path, live->path, ec)) live->screen->SetTitle(rename->title);
  } else if (const auto* exported = std::get_if<ui::ExportSessionRequest>(&request)) {
    screen.Say(shelf.Export(exported->path, lang));
  } else if (const auto* replay = std::get_if<ui::ReplaySessionRequest>(&request)) {
    // The replay is its own window, in its own process, over the kiosk: it only reads the file
    // (even the one being recorded) and the kiosk keeps recording underneath.
    if (!LaunchReplay(replay->path, options, lang)) screen.Say(ui::Tr("La relecture n'a pas pu démarrer."));
  }
}

void WriteTextFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) std::fprintf(stderr, "atelier: cannot write %s\n", path.c_str());
}

void Record(input::InputRecorder& recorder, const std::vector<ui::InputItem>& items, std::int64_t now_ms) {
  for (const ui::InputItem& item : items) {
    if (const auto* p = std::get_if<input::PointerEvent>(&item)) recorder.RecordPointer(*p);
    else if (const auto* t = std::get_if<ui::TypedText>(&item)) recorder.RecordText(t->utf8, now_ms);
    else if (const auto* k = std::get_if<ui::KeyPress>(&item)) recorder.RecordKey(*k, now_ms);
  }
  recorder.Tick(now_ms);
}

long ResidentKb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(field, 0) == 0) return std::strtol(line.c_str() + std::strlen(field), nullptr, 10);
  return 0;
}

// `--deck FILE`: imported before the window shows anything; the English report goes to stderr
// (for whoever typed the command), the French one to the screen.
std::string ImportDeckAtStart(DeckKeeper& decks, const std::string& file) {
  const ui::DeckOutcome imported = decks.Import(file);
  if (!imported.ok) {  // the deck did not change
    std::fprintf(stderr, "atelier: deck %s not imported: %s\n", file.c_str(), imported.said.c_str());
    return imported.said;
  }
  if (auto parsed = store::LoadDeck(file); parsed.ok())  // small: the import checked its size
    for (const store::DeckProblem& p : parsed.value().problems)
      std::fprintf(stderr, "atelier: %s:%d: row skipped: %s\n", file.c_str(), p.row, p.en.c_str());
  std::fprintf(stderr, "atelier: deck %s: %zu cards\n", file.c_str(), decks.Cards().size());
  return imported.said;
}

// The French "cannot start" screen (with ImGui's own font: the problem may be the font).
int ShowStartupProblem(Window& window, const std::string& french, const KioskOptions& options) {
  std::fprintf(stderr, "atelier: %s\n", french.c_str());
  bool scripted = !options.input_script.empty() || options.bench_frames > 0;
  ShowProblemScreen(window, ui::Tr("Atelier ne peut pas démarrer."), french,
                    ui::Tr("Prévenez la personne qui anime l'atelier."), scripted, options.screenshot);
  return 2;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The frame loop.

int RunKiosk(const KioskOptions& options) {
  const Clock::time_point started = Clock::now();
  AppPaths paths = FindPaths();
  ConfigLoad loaded_config = LoadConfig(paths.config_file);
  for (const std::string& warning : loaded_config.warnings) std::fprintf(stderr, "atelier: %s\n", warning.c_str());
  Config config = loaded_config.config;
  if (!options.lang.empty()) config.lang = options.lang;
  if (!options.keyboard.empty()) config.keyboard = options.keyboard;
  if (!options.template_name.empty()) config.template_name = options.template_name;
  if (options.ui_scale) config.ui_scale = options.ui_scale;
  if (options.idle_delay_s) config.idle_delay_s = *options.idle_delay_s;
  if (auto mode = core::ParseDeckMode(options.deck_mode)) config.deck_mode = *mode;
  // The facilitator's PIN, beside the config file (never in it: the file may be shared).
  FilePinKeeper pins(store::PinFilePath(paths.config_file.parent_path()), config.pin_hash);
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
  const bool fixed_time = script.has_value() || options.bench_frames > 0;

  auto window_or = Window::Open({.kiosk = !options.windowed, .width = options.width, .height = options.height});
  if (!window_or.ok()) {
    std::fprintf(stderr, "atelier: %s\n", window_or.error().message.c_str());
    return 2;
  }
  Window& window = *window_or.value();

  float scale = core::UiScale({.framebuffer_w = window.framebuffer_w(),
                               .framebuffer_h = window.framebuffer_h(),
                               .physical_w_mm = config.screen_width_mm.value_or(window.physical_width_mm()),
                               .override_scale = config.ui_scale});
  const float scale_auto = core::UiScale({.framebuffer_w = window.framebuffer_w(),  // "automatique" in Réglages
                                          .framebuffer_h = window.framebuffer_h(),
                                          .physical_w_mm = config.screen_width_mm.value_or(window.physical_width_mm())});
  auto font = FindFont(config.font);
  if (!font.ok()) return ShowStartupProblem(window, ui::Tr("Aucune police de caractères n'est installée (paquet fonts-sil-andika ou fonts-dejavu-core)."), options);
  auto fonts = ui::LoadFonts(font.value(), scale);
  if (!fonts.ok()) return ShowStartupProblem(window, fonts.error().message, options);
  ui::ApplyTheme(scale);
  // The board's still part is drawn once into a cached layer; ATELIER_DRAW_DIRECT=1 draws every
  // frame whole (benchmarks compare the two, docs/performance.md).
  auto renderer = render::BoardRenderer::Create({.shader_dir = paths.shader_dir().string(), .font_path = font.value(),
                                                 .cached_layer = std::getenv("ATELIER_DRAW_DIRECT") == nullptr});
  if (!renderer.ok())
    return ShowStartupProblem(window, ui::Tr("Le dessin de la carte est impossible : {1}", {renderer.error().message}),
                              options);

  // Decks: the shipped ones, the data folder's paquets/, USB sticks; keep/consume saved in atelier.conf.
  auto save_deck_mode = [&paths](core::DeckMode mode) {
    core::Status saved = SaveConfigChanges(paths.config_file, {{"deck_mode", std::string(core::DeckModeName(mode))}});
    return saved.ok() ? std::string() : saved.error().message;
  };
  DeckKeeper decks(store::DeckShelf(store::DefaultDeckFile(), {paths.decks_dir(), store::DataDir() / "paquets", "/media", "/run/media"}),
                   paths.decks_dir(), config.deck_mode, save_deck_mode);
  std::string deck_said = decks.Load();
  if (!options.deck.empty()) deck_said = ImportDeckAtStart(decks, options.deck);

  TemplateChoice chosen = ChooseTemplate(config.template_name, paths);
  SessionShelf shelf(config.sessions_dir.empty() ? store::DefaultSessionsDir() : fs::path(config.sessions_dir),
                     paths.templates_dir());
  LiveSessionSetup setup{
      .fonts = fonts.value(),
      .screen = {.ui_scale = scale,
                 .lang = config.lang,
                 .keyboard = input::ParseKeyboardLayout(config.keyboard).value_or(input::KeyboardLayout::Azerty),
                 .idle_ms = static_cast<std::int64_t>(config.idle_delay_s) * 1000,
                 .pins = &pins,
                 .decks = &decks,
                 .ui_scale_setting = config.ui_scale ? std::optional(scale) : std::nullopt,
                 .ui_scale_auto = scale_auto,
                 .ui_scale_largest = LargestUiScale(window.framebuffer_h()),
                 .phones_inbox = config.phones_inbox,
                 .phones_inbox_anyone = config.phones_inbox_anyone},
      .fixed_time = fixed_time};
  fs::path first_path = options.session.empty() ? shelf.StartingPath(DefaultTitle()) : fs::path(options.session);
  auto opened = OpenLiveSession(first_path, {.title = DefaultTitle(), .map_template = chosen.tmpl}, setup);
  if (!opened.ok()) return ShowStartupProblem(window, opened.error().message, options);
  std::unique_ptr<LiveSession> live = std::move(opened.value());
  shelf.RememberOpened(live->path);
  AddBenchCards(*live->session, options.bench_cards);
  if (!chosen.problem.empty()) live->screen->ShowMessage(chosen.problem, 0, 15000);
  else if (!deck_said.empty()) live->screen->ShowMessage(deck_said, 0, 15000);
  ui::SessionsScreen sessions_screen(fonts.value(), scale, config.lang, setup.screen.keyboard);
  ui::Controls sessions_controls;
  FullScreenMouse sessions_mouse;

  // The phone server (docs/phones.md): --phones wins over phones_port; off when neither asks,
  // until the panel's Téléphones page turns it on (platform/phone_switch.h).
  PhonesListen phones_listen;
  if (!ChoosePhonesListen(options.phones, config.phones_port, phones_listen)) {
    std::fprintf(stderr, "atelier: --phones wants PORT or ADDRESS:PORT, e.g. 8080 or 127.0.0.1:8080\n");
    return 2;
  }
  PhoneSwitch phones(phones_listen, paths, config);
  if (phones_listen.at_launch) phones.TurnOn();

  InputQueue queue;
  queue.Attach(window.glfw());
  std::string no_touch;
  std::unique_ptr<TouchInput> touch = TouchInput::Attach(window.glfw(), no_touch);
  if (!touch) std::fprintf(stderr, "atelier: one finger at a time (%s)\n", no_touch.c_str());
  std::optional<input::ScriptPlayer> player;
  if (script) player.emplace(std::move(*script));
  std::optional<input::InputRecorder> recorder;
  if (!options.record_input.empty()) {
    auto created = input::InputRecorder::Create(options.record_input, 0);
    if (!created.ok()) {
      std::fprintf(stderr, "atelier: %s\n", created.error().message.c_str());
      return 2;
    }
    recorder.emplace(std::move(created.value()));
  }

  std::vector<double> frame_ms;
  HeapTrim heap_trim;
  std::int64_t logged_seq = live->file->written_events();
  Clock::time_point last_retry = Clock::now();
  bool quit = false;
  int exit_code = 0;
  StopOnTerminationSignals();
  KioskExports exports;     // the panel's Exporter page: USB sticks, the bundle in the background
  std::int64_t held_frames = 0;  // scripted frames drawn while an export ran (their time stood still)
  for (int frame = 0; !quit && !window.ShouldClose(); ++frame) {
    if (TerminationRequested()) quit = true;
    // App time drives the screen (toasts, gestures) and scripts; the session's own clock
    // stamps events. Scripted runs move both by whole frames, so they replay identically; while
    // an export runs in the background their time stands still, so a script sees it finish at
    // the same step however fast the machine is.
    const bool export_hold = fixed_time && exports.busy();
    if (export_hold) {
      ++held_frames;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const std::int64_t now =
        fixed_time ? (frame - held_frames) * kFixedFrameMs : static_cast<std::int64_t>(MsSince(started));
    exports.Tick(static_cast<std::int64_t>(MsSince(started)));  // rereads the mounts once a second
    ui::BoardScreen& screen = *live->screen;
    if (fixed_time || screen.Animating(now))
      glfwPollEvents();
    else
      glfwWaitEventsTimeout(0.25);  // idle: no busy loop, but toasts still time out
    queue.set_now(now);
    if (touch) touch->Poll(queue);

    ScriptRequests requests;
    if (player && !export_hold) {
      ScreenTargets targets(sessions_screen.IsOpen() ? sessions_controls : screen.controls(), screen, *live->session);
      core::Status played = PlayDueSteps(*player, now, targets, queue, requests, options.input_script);
      if (!played.ok()) {
        std::fprintf(stderr, "atelier: %s\n", played.error().message.c_str());
        exit_code = 3;
      }
      quit = quit || requests.quit || !played.ok();
      if (options.quit_after_script && player->Finished() && queue.empty()) quit = true;
    }

    const Clock::time_point frame_start = Clock::now();
    // Cards from phones, submitted here on the frame loop, and the committed events to the live
    // streams: inside the measured frame (--bench-frames), as they are the frame loop's work.
    phones.Frame(*live);
    ui::FrameInput input{.items = queue.TakeFrame(), .now_ms = now,
                         .framebuffer_w = window.framebuffer_w(), .framebuffer_h = window.framebuffer_h()};
    if (recorder) Record(*recorder, input.items, now);
    ui::ImGuiMouse mouse;
    if (sessions_screen.IsOpen()) {
      mouse = sessions_mouse.Update(input);
      for (const ui::InputItem& item : input.items) {
        if (const auto* text = std::get_if<ui::TypedText>(&item)) sessions_screen.Type(text->utf8);
        if (const auto* key = std::get_if<ui::KeyPress>(&item)) sessions_screen.Key(*key);
      }
    } else {
      mouse = screen.HandleInput(input);
    }

    BeginImGuiFrame(mouse.at, mouse.down, fixed_time);
    std::optional<ui::SessionsRequest> request;
    if (sessions_screen.IsOpen()) {
      sessions_controls.BeginFrame();
      request = sessions_screen.Draw(sessions_controls);
    } else {
      screen.SetPhones(phones.View());
      screen.SetExportView(exports.View(live->path.parent_path()));
      screen.Draw(now);
      if (auto asked = screen.TakePhonesRequest()) phones.Handle(*asked);  // the panel's Téléphones page
      if (auto to_stick = screen.TakeExportRequest())
        exports.Start({.session = live->path, .title = live->file->meta().title, .lang = config.lang,
                       .to_stick = *to_stick});
      if (screen.TakeQuitRequest()) quit = true;  // only the facilitator's panel asks this
      if (screen.TakeEndRequest()) {
        core::Status ended = live->file->End(store::WallNowMs());
        screen.ForgetPointers();
        sessions_screen.Show(shelf.List(*live), shelf.Templates());
        sessions_screen.Say(ended.ok() ? std::string(ui::Tr("Séance terminée. Commencez-en une nouvelle ou ouvrez-en une autre."))
                                       : ended.error().message);
      }
      if (screen.TakeSessionsRequest()) {
        screen.ForgetPointers();  // their lifts will reach the sessions screen, not the board
        sessions_screen.Show(shelf.List(*live), shelf.Templates());
      }
    }
    ImGui::Render();

    glViewport(0, 0, input.framebuffer_w, input.framebuffer_h);
    renderer.value()->Draw(screen.View());
    heap_trim.AfterDraw(*renderer.value());
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (options.bench_frames > 0) {
      frame_ms.push_back(MsSince(frame_start));
      if (frame == 0) std::printf("first frame after start: %.1f ms\n", MsSince(started));
      if (static_cast<int>(frame_ms.size()) >= options.bench_frames) quit = true;
    }

    store::SessionFile& file = *live->file;
    if (!file.healthy() && !file.read_only() && MsSince(last_retry) > 2000) {  // the disk may be back
      file.Retry();
      last_retry = Clock::now();
    }
    for (; options.log_events && logged_seq < file.written_events(); ++logged_seq)
      std::printf("committed %lld\n", static_cast<long long>(logged_seq + 1));
    if (options.log_events) std::fflush(stdout);

    for (const std::string& path : requests.screenshots) SaveScreenshot(input.framebuffer_w, input.framebuffer_h, path);
    for (const std::string& path : requests.dumps) WriteTextFile(path, store::BoardToJson(live->session->board(), config.lang));
    if (quit && !options.screenshot.empty()) SaveScreenshot(input.framebuffer_w, input.framebuffer_h, options.screenshot);
    window.SwapBuffers();
    if (live->fixed_clock && !export_hold) live->fixed_clock->Advance(kFixedFrameMs);

    if (request) HandleSessionsRequest(*request, live, sessions_screen, shelf, setup, config.lang, logged_seq, options);
    if (auto wanted = live->screen->TakeSettingsRequest()) {  // Réglages: between frames, fonts may be rebuilt
      std::string problem = ApplyKioskSettings(*wanted, {config, paths, font.value(), scale_auto, setup});
      live->screen->ApplySettings(setup.fonts, setup.screen, problem);
      sessions_screen = ui::SessionsScreen(setup.fonts, setup.screen.ui_scale, config.lang, setup.screen.keyboard);
    }
  }

  if (!options.screenshot.empty() && window.ShouldClose())
    SaveScreenshot(window.framebuffer_w(), window.framebuffer_h(), options.screenshot);
  if (!options.dump_board.empty())
    WriteTextFile(options.dump_board, store::BoardToJson(live->session->board(), config.lang));

  if (!frame_ms.empty()) {
    std::sort(frame_ms.begin(), frame_ms.end());
    std::printf("cards: %zu  frames: %zu  cpu frame ms: median %.3f  p95 %.3f  max %.3f\n",
                live->session->board().cards().size(), frame_ms.size(), frame_ms[frame_ms.size() / 2],
                frame_ms[frame_ms.size() * 95 / 100], frame_ms.back());
    std::printf("resident memory: %ld kB (peak %ld kB)\n", ResidentKb("VmRSS:"), ResidentKb("VmHWM:"));
    if (renderer.value()->using_layer())
      std::printf("cached layer drawn %zu times\n", renderer.value()->layer_redraws());
  }
  return exit_code;
}

}  // namespace atelier::platform
