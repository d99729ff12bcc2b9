// The session file: one SQLite database per workshop (.atelier), schema in
// docs/session-format.md. It is the durable core::Journal: Append commits each event in its
// own transaction (WAL, synchronous=FULL) before returning, and never throws — when writing
// fails it keeps the events in memory, reports it (healthy()/problem(), French) and writes
// them, in order, on the next Append or Retry(). It also keeps the board those events fold to,
// with a snapshot every kSnapshotEvery events so opening and seeking need not fold from the
// start. One writer per file (an flock on the file); any number of read-only readers.
// Not thread-safe: use one SessionFile from one thread.
#pragma once
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/board.h"
#include "core/error.h"
#include "core/event.h"
#include "core/journal.h"
#include "core/template.h"

struct sqlite3;

namespace atelier::store {

inline constexpr int kFormatVersion = 1;           // PRAGMA user_version and meta.format_version
inline constexpr std::int64_t kSnapshotEvery = 200;  // events between board snapshots
inline constexpr const char* kSessionExtension = ".atelier";

struct SessionMeta {
  int format_version = kFormatVersion;
  std::string app_version;       // the Atelier that created the file
  std::string title;
  core::Template map_template;   // the whole template as it was when the session started
  std::int64_t created_ms = 0;   // wall clock at the start, Unix epoch milliseconds (UTC)
  std::string created_at;        // the same as ISO 8601 UTC text
  std::string time_zone;         // IANA name of the kiosk's zone when known
  int utc_offset_minutes = 0;    // local − UTC at the start (for local times in exports)
  std::optional<std::int64_t> ended_ms;  // wall clock when the facilitator ended it
  bool operator==(const SessionMeta&) const = default;
};

// What a new session starts with. Zero / empty fields are filled from this machine's clock
// and zone when the file is created.
struct NewSession {
  std::string title;
  core::Template map_template;
  std::int64_t created_ms = 0;
  std::string time_zone;
  std::optional<int> utc_offset_minutes;
};

// Why an open failed, or (with a session) why it was opened read-only. English for the CLI,
// French for the kiosk.
struct OpenMessage {
  std::string en;
  std::string fr;
  bool empty() const { return en.empty(); }
};

struct LoadedSession {
  SessionMeta meta;
  std::vector<core::Event> events;  // all of them, in seq order
  core::Board board;                // after the last event
};

class SessionFile;

struct OpenOutcome {
  std::unique_ptr<SessionFile> session;  // null: the file could not be opened (see message)
  OpenMessage message;                   // the reason; or a notice when opened read-only
  explicit operator bool() const { return session != nullptr; }
};

class SessionFile final : public core::Journal {
 public:
  // Opens for recording; creates the file (not its folder) with if_new when absent. A file
  // from a newer format or a damaged one is opened read-only with a notice; a file another
  // process records into is refused ("in use"). A failed open never changes the file.
  static OpenOutcome Open(const std::filesystem::path& path, const NewSession& if_new);
  // Opens without ever writing to the file (replay, export, info); works while a kiosk records.
  static OpenOutcome OpenReadOnly(const std::filesystem::path& path);

  ~SessionFile() override;
  SessionFile(const SessionFile&) = delete;
  SessionFile& operator=(const SessionFile&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  const SessionMeta& meta() const { return m_meta; }
  bool read_only() const { return m_read_only; }
  // The board after every event appended so far (written or pending); continue with
  // core::Session(board(), file, clock, next_seq()).
  const core::Board& board() const { return m_board; }
  std::int64_t next_seq() const { return m_last_seq + 1; }
  std::int64_t written_events() const { return m_written_seq; }  // durably in the file
  std::size_t pending_events() const { return m_pending.size(); }

  // Everything in the file: metadata, events, the board (from the latest snapshot).
  core::Result<LoadedSession> Load() const;
  // Events with seq > after_seq, in order, as stored in the file.
  core::Result<std::vector<core::Event>> ReadEvents(std::int64_t after_seq = 0) const;
  // The board after event seq (0: empty board), from the nearest snapshot at or before it.
  core::Result<core::Board> BoardAt(std::int64_t seq) const;

  // core::Journal. Append applies the event to board() and writes it (and any pending ones).
  void Append(const core::Event& event) override;
  bool healthy() const override { return m_pending.empty(); }
  std::string problem() const override { return m_problem; }
  // Tries again to write pending events; true when none are left.
  bool Retry();

  // Import: writes events (seq following next_seq()) in one transaction, snapshots included,
  // or nothing (Error in English).
  core::Status AppendBatch(const std::vector<core::Event>& events);

  // Facilitator actions on the metadata (Error in French).
  core::Status End(std::int64_t ended_ms);
  core::Status Rename(const std::string& title);

  // Tests: caps the database size (PRAGMA max_page_count) to simulate a full disk.
  void LimitPagesForTesting(std::int64_t max_pages);

 private:
  SessionFile() = default;
  bool WriteOne(const core::Event& event, bool with_snapshot, std::string& why);
  core::Status SetMeta(const std::string& key, const std::string& value);

  std::filesystem::path m_path;
  sqlite3* m_db = nullptr;
  int m_lock_fd = -1;
  bool m_read_only = true;
  SessionMeta m_meta;
  core::Board m_board;
  std::int64_t m_last_seq = 0;     // last event appended (written or pending)
  std::int64_t m_written_seq = 0;  // last event durably written
  std::int64_t m_last_snapshot_seq = 0;
  std::deque<core::Event> m_pending;
  std::string m_problem;
};

}  // namespace atelier::store
