// The kiosk's side of the panel's "Exporter" page (ui/export_page.h): watches for USB sticks,
// and writes the bundle (platform/export_bundle.h) on a thread of its own so the frame loop
// never waits. Each part but the session copy is a child process, `/proc/self/exe export
// SESSION --pdf …`: the exports fold the session's events from the file (never the live board),
// the PNG gets its own off-screen EGL context away from the kiosk's GL one, and a crash or a
// stuck driver in an export can never take the kiosk down. The session copy is SQLite's
// VACUUM INTO from a read-only connection (store/session_copy.h). After a stick's bundle is
// complete the stick is unmounted: `udisksctl unmount -b DEVICE` when udisks mounted it (the
// kiosk's user may, without root, through deploy/'s polkit rule), else `umount POINT`.
// Frame-loop only, except the job thread, which shares a small locked state with it.
#pragma once
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "platform/export_bundle.h"
#include "platform/usb_sticks.h"
#include "ui/export_page.h"

namespace atelier::platform {

struct ExportRequest {
  std::filesystem::path session;  // the .atelier being recorded (read only)
  std::string title;              // the session's
  std::string lang = "fr";        // of the report and the spreadsheet
  bool to_stick = false;
};

// The parts of the bundle, in the order they are written (the session copy first: it holds
// everything). Adding a format is one line here.
std::vector<BundlePart> BundleParts(const ExportRequest& request, const std::string& exe = "/proc/self/exe");

// Runs `exe args…`, its stderr kept (for the error and its errno), with no stdin; killed if
// the kiosk dies first.
PartOutcome RunChild(const std::string& exe, const std::vector<std::string>& args);

// French, for people: what went wrong and what to do.
std::string ProblemMessage(const BundleResult& result, bool to_stick, const std::string& stick_name);

class KioskExports {
 public:
  explicit KioskExports(std::string mountinfo = "/proc/self/mountinfo") : m_watch(std::move(mountinfo)) {}
  ~KioskExports();  // waits for an export under way (its files stay consistent either way)
  KioskExports(const KioskExports&) = delete;
  KioskExports& operator=(const KioskExports&) = delete;

  void Tick(std::int64_t now_ms);  // the sticks (once a second), a finished job
  bool busy() const { return m_busy.load(); }
  // What the page shows; beside: the folder of the current session.
  ui::ExportView View(const std::filesystem::path& beside) const;
  // Starts an export unless one runs; to_stick with no stick says so.
  void Start(const ExportRequest& request);

 private:
  void Run(ExportRequest request, std::optional<UsbStick> stick);

  StickWatch m_watch;
  std::thread m_thread;
  std::atomic<bool> m_busy{false};
  mutable std::mutex m_mutex;  // guards the three below
  std::string m_step;
  std::string m_outcome;
  bool m_outcome_ok = true;
};

}  // namespace atelier::platform
