// The atelier command: starts the kiosk (default) and, for automation, drives it with an input
// script, takes screenshots and measures frames. See `atelier --help` and README.md.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <regex>

#include "platform/doctor.h"
#include "platform/facilitator_pin.h"
#include "platform/compare_command.h"
#include "platform/kiosk_app.h"
#include "platform/paths.h"
#include "store/pin_file.h"
#include "platform/replay_app.h"
#include "platform/session_commands.h"

namespace {

// "1920x1080" (or 1920×1080) → width, height. × is two bytes in UTF-8: an alternation, not a
// bracket, which would match one byte of it.
bool ParseSize(const std::string& text, int& w, int& h) {
  std::smatch m;
  static const std::regex kSize(R"((\d{2,5})(?:x|X|×)(\d{2,5}))");
  if (!std::regex_match(text, m, kSize)) return false;
  w = std::stoi(m[1]);
  h = std::stoi(m[2]);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  atelier::platform::KioskOptions options;
  CLI::App app{"Atelier — a touchscreen kiosk for workshops: cards on a usages × impacts map."};
  app.set_version_flag("--version", std::string("atelier ") + ATELIER_VERSION);

  std::string size;
  float ui_scale = 0;
  app.add_flag("--windowed", options.windowed, "Run in a normal window instead of full screen (development)");
  app.add_option("--size", size, "Window size, e.g. 1920x1080 (implies a window of that size)");
  app.add_option("--ui-scale", ui_scale, "Scale of the controls (overrides the size derived from the screen)")
      ->check(CLI::Range(0.5f, 4.0f));
  app.add_option("--lang", options.lang, "Interface language")->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--keyboard", options.keyboard, "On-screen keyboard layout")->check(CLI::IsMember({"azerty", "qwerty"}));
  app.add_option("--template", options.template_name,
                 "Map template for a new session: a name from assets/templates or a JSON file");
  app.add_option("--session", options.session,
                 "Session file (.atelier) to open or create; default: the last unended session, else a new one");
  app.add_flag("--log-events", options.log_events, "Print \"committed N\" once event N is safely on disk");
  app.add_option("--input-script", options.input_script, "Play this input script (JSON Lines, docs/input-script.md)")
      ->check(CLI::ExistingFile);
  app.add_flag("--quit-after-script", options.quit_after_script, "Quit once the input script has been played");
  app.add_option("--record-input", options.record_input, "Record what people do as an input script");
  app.add_option("--screenshot", options.screenshot, "Write a PNG of the last frame when quitting");
  app.add_option("--dump-board", options.dump_board, "Write the board state as JSON when quitting");
  app.add_option("--bench-frames", options.bench_frames, "Draw this many frames, print frame times and quit");
  app.add_option("--bench-cards", options.bench_cards, "Put this many cards on the board first (benchmarks)");
  app.add_option("--deck", options.deck, "Import this CSV of ready-made cards for the tray (docs/decks.md)")
      ->check(CLI::ExistingFile);
  app.add_option("--deck-mode", options.deck_mode, "A card dragged from the tray stays in it (keep) or leaves it")
      ->check(CLI::IsMember({"keep", "consume"}));
  int idle_delay = -1;
  app.add_option("--idle-delay", idle_delay, "Seconds without a touch before the invitation shows (0: never)")
      ->check(CLI::Range(0, 86400));
  app.add_option("--phones", options.phones,
                 "Start the phone server at launch on this port (ADDRESS:PORT to listen on one address only; "
                 "docs/phones.md)");
  bool hash_pin = false;
  app.add_flag("--hash-pin", hash_pin,
               "Read a facilitator PIN like --set-pin and print its hash as a pin_hash line for atelier.conf");
  bool set_pin = false;
  app.add_flag("--set-pin", set_pin,
               "Set the facilitator's PIN (read from the terminal, or one line on stdin) and exit");

  atelier::platform::ExportOptions export_options;
  CLI::App* export_cmd = app.add_subcommand("export", "Write a session's events or cards to files");
  export_cmd->add_option("session", export_options.session, "The .atelier file")->required();
  export_cmd->add_option("--jsonl", export_options.jsonl, "Every event as JSON Lines (re-importable)");
  export_cmd->add_option("--csv", export_options.csv, "The cards on the board, for a spreadsheet");
  export_cmd->add_option("--json", export_options.json, "The board state as JSON");
  export_cmd->add_option("--lang", export_options.lang, "Language of colour and zone names, and of the PDF report")
      ->check(CLI::IsMember({"fr", "en"}));
  // The map and the report (docs/exports.md).
  export_cmd->add_option("--png", export_options.png, "The map as a PNG picture, drawn off-screen (no display needed)");
  export_cmd->add_option("--size", export_options.size, "Picture size WIDTHxHEIGHT, up to 7680x4320 (default 1920x1080)");
  export_cmd->add_option("--scale", export_options.scale, "Picture size as K times 1920x1080 (instead of --size)");
  export_cmd->add_option("--at", export_options.at, "The map at a moment: seconds, mm:ss, hh:mm:ss, or end (default)");
  export_cmd->add_option("--svg", export_options.svg, "The map as SVG, its text as text");
  export_cmd->add_option("--pdf", export_options.pdf, "A report: the map, the cards zone by zone, the phases");
  export_cmd->add_option("--paper", export_options.paper, "Paper of the PDF")->check(CLI::IsMember({"a4", "a3"}));
  export_cmd->add_option("--html", export_options.html,
                         "A report in one offline HTML file: the map, the cards by zone, a replay player");

  std::string import_file, import_session;
  CLI::App* import_cmd = app.add_subcommand("import", "Rebuild a session from its JSON Lines export");
  import_cmd->add_option("file", import_file, "The .jsonl file")->required()->check(CLI::ExistingFile);
  import_cmd->add_option("--session", import_session, "The new .atelier file (must not exist)")->required();

  std::string info_session;
  bool info_json = false;
  CLI::App* info_cmd = app.add_subcommand("info", "Describe a session: title, times, events, cards per zone");
  info_cmd->add_option("session", info_session, "The .atelier file")->required();
  info_cmd->add_flag("--json", info_json, "As JSON");

  atelier::platform::ReplayOptions replay_options;
  std::string replay_size;
  CLI::App* replay_cmd = app.add_subcommand("replay", "Replay a workshop: the replay screen, or pictures of moments");
  replay_cmd->add_option("session", replay_options.session, "The .atelier file (opened read-only)")->required();
  replay_cmd->add_flag("--windowed", replay_options.windowed, "In a window instead of full screen");
  replay_cmd->add_option("--size", replay_size, "Window or picture size, e.g. 1920x1080");
  replay_cmd->add_option("--lang", replay_options.lang, "Interface language")->check(CLI::IsMember({"fr", "en"}));
  replay_cmd->add_option("--at", replay_options.at, "A moment: seconds, mm:ss, hh:mm:ss since the start, or end");
  replay_cmd->add_option("--screenshot", replay_options.screenshot, "With --at: write a PNG of that moment and exit");
  replay_cmd->add_option("--frames", replay_options.frames_dir, "Write the replay as a numbered PNG sequence here");
  replay_cmd->add_option("--video", replay_options.video,
                         "Write the replay as a video, FILE.mp4 (H.264) or FILE.webm (VP9), drawn off-screen");
  replay_cmd->add_option("--fps", replay_options.fps, "Frames per second of the sequence")->check(CLI::Range(1, 120));
  replay_cmd->add_option("--speed", replay_options.speed, "Playback speed of the sequence")->check(CLI::Range(0.1, 1000.0));
  replay_cmd->add_option("--input-script", replay_options.input_script, "Drive the replay screen with an input script")
      ->check(CLI::ExistingFile);
  replay_cmd->add_flag("--quit-after-script", replay_options.quit_after_script, "Quit once the script has been played");
  replay_cmd->add_option("--dump-board", replay_options.dump_board,
                         "Write the board at --at (else at the playhead when quitting) as JSON");

  // Comparing workshops held on the same template (docs/exports.md).
  atelier::platform::CompareOptions compare_options;
  CLI::App* report_cmd =
      app.add_subcommand("report", "Compare workshops held on the same template: cards per zone side by side, "
                                   "the cards that came up in several, totals");
  report_cmd->add_option("sessions", compare_options.sessions, "The .atelier files (two or more)")->required();
  report_cmd->add_option("--html", compare_options.html, "The comparison as one self-contained HTML file");
  report_cmd->add_option("--pdf", compare_options.pdf, "The comparison as a PDF");
  report_cmd->add_option("--lang", compare_options.lang, "Language of the comparison")->check(CLI::IsMember({"fr", "en"}));
  report_cmd->add_option("--paper", compare_options.paper, "Paper of the PDF")->check(CLI::IsMember({"a4", "a3"}));

  atelier::platform::DoctorOptions doctor_options;
  CLI::App* doctor_cmd = app.add_subcommand(
      "doctor", "Check this machine: GL, screens and their size, touch devices, fonts, sessions folder and free "
                "space, clock, config file and PIN; exit 0 when healthy, 1 with problems");
  doctor_cmd->add_option("--lang", doctor_options.lang, "Language of the report (default: the config file's)")
      ->check(CLI::IsMember({"fr", "en"}));
  doctor_cmd->add_flag("--json", doctor_options.json, "The findings as JSON");

  CLI11_PARSE(app, argc, argv);
  if (*doctor_cmd) return atelier::platform::RunDoctor(doctor_options);
  if (*replay_cmd) {
    if (!replay_size.empty() && !ParseSize(replay_size, replay_options.width, replay_options.height)) {
      std::fprintf(stderr, "atelier: --size wants WIDTHxHEIGHT, e.g. 1920x1080\n");
      return 1;
    }
    return atelier::platform::RunReplay(replay_options);
  }
  if (*export_cmd) return atelier::platform::ExportSession(export_options);
  if (*report_cmd) return atelier::platform::CompareSessions(compare_options);
  if (*import_cmd) return atelier::platform::ImportSession(import_file, import_session);
  if (*info_cmd) return atelier::platform::PrintSessionInfo(info_session, info_json);

  if (!size.empty()) {
    if (!ParseSize(size, options.width, options.height)) {
      std::fprintf(stderr, "atelier: --size wants WIDTHxHEIGHT, e.g. 1920x1080\n");
      return 1;
    }
  }
  if (ui_scale > 0) options.ui_scale = ui_scale;
  if (idle_delay >= 0) options.idle_delay_s = idle_delay;
  if (hash_pin) return atelier::platform::PrintPinHash();
  if (set_pin)
    return atelier::platform::SetPinFromTerminal(
        atelier::store::PinFilePath(atelier::platform::FindPaths().config_file.parent_path()));
  return atelier::platform::RunKiosk(options);
}
