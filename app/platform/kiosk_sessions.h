// The kiosk's side of session files: which one to open at start, opening one for recording
// with its clock and board screen, and the work behind the sessions screen (listing, new,
// rename, export). Messages for people are French; the CLI's English ones go to stderr.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/session.h"
#include "core/template.h"
#include "store/session_file.h"
#include "ui/board_screen.h"
#include "ui/sessions_screen.h"

namespace atelier::platform {

// One open workshop: its file (the journal), the clock that stamps its events, the session
// that turns commands into events, and the board screen on it. Not movable: the session holds
// references to the file and the clock.
struct LiveSession {
  std::filesystem::path path;
  std::unique_ptr<store::SessionFile> file;
  std::unique_ptr<core::Clock> clock;
  core::ManualClock* fixed_clock = nullptr;  // set when time only moves by frames (scripts)
  std::unique_ptr<core::Session> session;
  std::unique_ptr<ui::BoardScreen> screen;
};

struct LiveSessionSetup {
  ui::Fonts fonts;
  ui::BoardScreenConfig screen;
  bool fixed_time = false;
};

// Opens (creating it with if_new when absent) the session at path for recording; or the French
// reason it cannot be (in use by another kiosk, unreadable …).
core::Result<std::unique_ptr<LiveSession>> OpenLiveSession(const std::filesystem::path& path,
                                                           const store::NewSession& if_new,
                                                           const LiveSessionSetup& setup);

class SessionShelf {
 public:
  explicit SessionShelf(std::filesystem::path dir, std::filesystem::path templates_dir)
      : m_dir(std::move(dir)), m_templates_dir(std::move(templates_dir)) {}

  const std::filesystem::path& dir() const { return m_dir; }

  // The session to open at start: the one used last if it was not ended, else a new file.
  std::filesystem::path StartingPath(const std::string& new_title) const;
  void RememberOpened(const std::filesystem::path& path) const;
  std::filesystem::path NewPath(const std::string& title) const;

  std::vector<ui::SessionListing> List(const LiveSession& current) const;
  std::vector<core::Template> Templates() const;

  // Writes <name>.csv and <name>.json beside the session; says what it did, in French.
  std::string Export(const std::filesystem::path& session, const std::string& lang) const;

 private:
  std::filesystem::path m_dir;
  std::filesystem::path m_templates_dir;
};

// "26/11/2026 14:05" in the session's own time zone.
std::string LocalDateTime(std::int64_t epoch_ms, int utc_offset_minutes);

}  // namespace atelier::platform
