// Runs the kiosk: opens the window, loads config, translations, template, font and shaders,
// then draws frames until told to stop. Everything the command line can set is here.
#pragma once
#include <optional>
#include <string>

namespace atelier::platform {

struct KioskOptions {
  bool windowed = false;
  int width = 0, height = 0;  // --size; 0 = the monitor's size
  std::optional<float> ui_scale;
  std::string lang;           // empty: from the config file (default French)
  std::string keyboard;       // empty: from the config file (default AZERTY)
  std::optional<int> idle_delay_s;  // --idle-delay; else the config file
  std::string deck;           // --deck: a CSV of ready-made cards to import at start
  std::string deck_mode;      // --deck-mode keep|consume; empty: the config file
  std::string template_name;  // for a new session: name in assets/templates or a path
  std::string session;        // the .atelier file to open or create; empty: the last unended
                              // session in the sessions folder, else a new one there
  bool log_events = false;    // print "committed <seq>" on stdout once each event is on disk
  std::string input_script;
  std::string record_input;
  std::string screenshot;     // PNG of the last frame, written on exit
  std::string dump_board;     // board state as JSON, written on exit
  bool quit_after_script = false;
  int bench_frames = 0;       // draw this many frames, print frame times, exit
  int bench_cards = 0;        // put this many cards on the board first
  std::string phones;         // --phones [ADDRESS:]PORT: start the phone server; empty: the config file
};

// The process exit code: 0 on a normal exit, 2 when the kiosk cannot start, 3 when an input
// script failed (its error is printed on stderr).
int RunKiosk(const KioskOptions& options);

}  // namespace atelier::platform
