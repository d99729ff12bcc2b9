// The facilitator panel's "Exporter" page: what people take home, in one touch.
//   "Exporter"                 — the bundle (PDF, picture of the map, spreadsheet, events, a
//                                copy of the session) in a folder beside the session;
//   "Exporter sur la clé USB"  — the same on the USB stick that is plugged in (shown only then),
//                                which is then ejected: "Vous pouvez retirer la clé".
// The page only asks; the platform writes in the background (platform/kiosk_exports.h) and hands
// back, every frame, what is going on: the part being written ("PDF…") and the last outcome.
#pragma once
#include <optional>
#include <string>

#include "ui/controls.h"
#include "ui/theme.h"

namespace atelier::ui {

struct ExportView {
  std::string beside;                // the folder the bundle goes into, for people ("/home/…/Atelier")
  std::optional<std::string> stick;  // the name of the USB stick plugged in, if any
  bool running = false;
  std::string step;                  // French, while running: "PDF…"
  std::string outcome;               // French: the last export's result, success or not
  bool outcome_ok = true;
};

class ExportPage {
 public:
  enum class Ask { None, Beside, Stick };
  Ask Draw(Controls& controls, const Fonts& fonts, float scale, float w, const ExportView& view);
};

}  // namespace atelier::ui
