// Sections: SQLite helpers · messages · schema and metadata · opening · reading · appending.
#include "store/session_file.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "store/board_json.h"
#include "store/board_snapshot.h"
#include "store/template_file.h"
#include "store/wall_time.h"

#ifndef ATELIER_VERSION
#define ATELIER_VERSION "unknown"
#endif

namespace atelier::store {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ---- SQLite helpers --------------------------------------------------------------------

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { m_rc = sqlite3_prepare_v2(db, sql, -1, &m_s, nullptr); }
  ~Stmt() { sqlite3_finalize(m_s); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return m_rc == SQLITE_OK && m_s; }
  int prepare_rc() const { return m_rc; }
  sqlite3_stmt* get() { return m_s; }
  void Bind(int i, std::int64_t v) { sqlite3_bind_int64(m_s, i, v); }
  void Bind(int i, const std::string& v) {
    sqlite3_bind_text(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  int Step() { return sqlite3_step(m_s); }
  std::int64_t Int(int col) { return sqlite3_column_int64(m_s, col); }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(m_s, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(m_s, col)))
             : std::string();
  }

 private:
  sqlite3_stmt* m_s = nullptr;
  int m_rc;
};

int Exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// "file:" URI for a path (percent-encoding what URIs reserve) with query parameters.
std::string Uri(const fs::path& path, const char* params) {
  std::string abs = fs::absolute(path).lexically_normal().string();
  std::string out = "file:";
  for (unsigned char c : abs) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "?" + params;
}

// ---- messages ----------------------------------------------------------------------------

OpenMessage Msg(const fs::path& p, const std::string& en, const std::string& fr) {
  return {p.string() + ": " + en, fr};
}

OpenMessage NotSession(const fs::path& p, const std::string& why_en) {
  return Msg(p, "not an Atelier session (" + why_en + ")",
             "Le fichier « " + p.filename().string() + " » n'est pas une session Atelier.");
}

OpenMessage Damaged(const fs::path& p, const std::string& why_en) {
  return Msg(p, "the session file is damaged and cannot be read (" + why_en + ")",
             "Le fichier « " + p.filename().string() + " » est endommagé et ne peut pas être lu.");
}

std::string FrenchWriteReason(sqlite3* db, int rc) {
  int sys = sqlite3_system_errno(db);
  if ((rc & 0xff) == SQLITE_FULL || sys == ENOSPC) return "le disque est plein";
  if ((rc & 0xff) == SQLITE_READONLY || sys == EROFS || sys == EACCES || sys == EPERM)
    return "le dossier ou le disque est en lecture seule";
  return std::string("erreur d'écriture (") + sqlite3_errstr(rc) + ")";
}

std::string WriteProblem(const std::string& reason) {
  return "Impossible d'enregistrer sur le disque : " + reason +
         ". Les cartes restent en mémoire et seront enregistrées dès que possible.";
}

// ---- schema and metadata -----------------------------------------------------------------

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE events (
  seq     INTEGER PRIMARY KEY,
  t_ms    INTEGER NOT NULL,
  actor   TEXT NOT NULL,
  type    TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE TABLE snapshots (
  seq   INTEGER PRIMARY KEY,
  t_ms  INTEGER NOT NULL,
  board TEXT NOT NULL
);
)sql";

bool PutMeta(sqlite3* db, const std::string& key, const std::string& value) {
  Stmt s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
  if (!s.ok()) return false;
  s.Bind(1, key);
  s.Bind(2, value);
  return s.Step() == SQLITE_DONE;
}

// Fills meta from the meta table; an English reason when it is not a readable session.
std::optional<std::string> ReadMeta(sqlite3* db, SessionMeta& meta) {
  Stmt s(db, "SELECT key, value FROM meta");
  if (!s.ok()) return std::string(sqlite3_errmsg(db));
  std::map<std::string, std::string> kv;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) kv[s.Text(0)] = s.Text(1);
  if (rc != SQLITE_DONE) return std::string(sqlite3_errmsg(db));
  auto get = [&](const char* k) { return kv.count(k) ? kv[k] : std::string(); };
  if (get("format") != "atelier-session") return std::string("no atelier-session format mark");
  try {
    meta.format_version = std::stoi(get("format_version"));
    meta.created_ms = std::stoll(get("created_ms"));
    meta.utc_offset_minutes = kv.count("utc_offset_minutes") ? std::stoi(get("utc_offset_minutes")) : 0;
    if (kv.count("ended_ms")) meta.ended_ms = std::stoll(get("ended_ms"));
  } catch (const std::exception&) {
    return std::string("bad numbers in the metadata");
  }
  meta.app_version = get("app_version");
  meta.title = get("title");
  meta.created_at = get("created_at");
  meta.time_zone = get("time_zone");
  json tj = json::parse(get("template"), nullptr, false);
  if (tj.is_discarded()) return std::string("the template in the metadata is not valid JSON");
  auto tmpl = TemplateFromJsonValue(tj, "template");
  if (!tmpl) return tmpl.error().message;
  meta.map_template = std::move(*tmpl);
  return std::nullopt;
}

bool WriteNewSession(sqlite3* db, const SessionMeta& m) {
  if (Exec(db, "BEGIN IMMEDIATE") != SQLITE_OK) return false;
  bool ok = Exec(db, kSchema) == SQLITE_OK &&
            Exec(db, ("PRAGMA user_version = " + std::to_string(kFormatVersion)).c_str()) == SQLITE_OK &&
            PutMeta(db, "format", "atelier-session") &&
            PutMeta(db, "format_version", std::to_string(m.format_version)) &&
            PutMeta(db, "app_version", m.app_version) && PutMeta(db, "title", m.title) &&
            PutMeta(db, "template", Dump(json(TemplateToJsonValue(m.map_template)))) &&
            PutMeta(db, "created_ms", std::to_string(m.created_ms)) && PutMeta(db, "created_at", m.created_at) &&
            PutMeta(db, "time_zone", m.time_zone) &&
            PutMeta(db, "utc_offset_minutes", std::to_string(m.utc_offset_minutes));
  if (!ok) {
    Exec(db, "ROLLBACK");
    return false;
  }
  return Exec(db, "COMMIT") == SQLITE_OK;
}

struct Closer {
  sqlite3* db;
  ~Closer() {
    if (db) sqlite3_close_v2(db);
  }
  sqlite3* release() { return std::exchange(db, nullptr); }
};

struct LockFd {
  int fd = -1;
  ~LockFd() {
    if (fd >= 0) close(fd);
  }
  int release() { return std::exchange(fd, -1); }
};

// Checks a freshly opened database is a session we can read: fills meta and version.
// Returns an OpenMessage when not; sets newer/damaged flags for read-only fallbacks.
struct Checked {
  std::optional<OpenMessage> error;
  int user_version = 0;
  bool damaged = false;
};

Checked Check(sqlite3* db, const fs::path& path, SessionMeta& meta, bool run_quick_check) {
  Checked c;
  {
    Stmt s(db, "PRAGMA user_version");
    if (!s.ok() || s.Step() != SQLITE_ROW) {
      int code = sqlite3_errcode(db);
      std::string why = sqlite3_errmsg(db);
      if (code == SQLITE_NOTADB) c.error = NotSession(path, "not an SQLite database");
      else c.error = Damaged(path, why);
      return c;
    }
    c.user_version = static_cast<int>(s.Int(0));
  }
  {
    Stmt s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'events', 'snapshots')");
    if (!s.ok() || s.Step() != SQLITE_ROW) {
      c.error = Damaged(path, sqlite3_errmsg(db));
      return c;
    }
    if (s.Int(0) != 3) {
      c.error = NotSession(path, "an SQLite database without Atelier's tables");
      return c;
    }
  }
  if (auto why = ReadMeta(db, meta)) {
    int code = sqlite3_errcode(db);
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_IOERR) c.error = Damaged(path, *why);
    else c.error = NotSession(path, *why);
    return c;
  }
  if (run_quick_check) {
    Stmt s(db, "PRAGMA quick_check(1)");
    c.damaged = !s.ok() || s.Step() != SQLITE_ROW || s.Text(0) != "ok";
  }
  return c;
}

OpenMessage NewerNotice(const fs::path& p, int version) {
  return Msg(p,
             "written by a newer Atelier (format " + std::to_string(version) + ", this one knows up to " +
                 std::to_string(kFormatVersion) + "): opened read-only",
             "Cette session vient d'une version plus récente d'Atelier : elle est ouverte en lecture seule.");
}

OpenMessage DamagedNotice(const fs::path& p) {
  return Msg(p, "the session file is damaged: opened read-only, some events may be missing",
             "Ce fichier de session est endommagé : il est ouvert en lecture seule, des cartes peuvent manquer.");
}

}  // namespace

// ---- opening -----------------------------------------------------------------------------

OpenOutcome SessionFile::OpenReadOnly(const fs::path& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    return {nullptr, Msg(path, "no such file", "Le fichier « " + path.filename().string() + " » n'existe pas.")};
  if (!fs::is_regular_file(status)) return {nullptr, NotSession(path, "not a regular file")};
  if (fs::file_size(path, ec) == 0 || ec) return {nullptr, NotSession(path, "the file is empty")};

  // With a -wal next to it (a kiosk records into it, or one was killed): a normal read-only
  // connection, which sees the events still in the WAL; if SQLite cannot use the WAL index
  // read-only (read-only folder), the main file alone. Without a -wal the main file is the
  // whole session and no writer is connected (a writer keeps its -wal until it closes): read it
  // as immutable, because a read-only connection to a WAL-mode file would otherwise create
  // -wal and -shm files next to it and leave them there.
  std::optional<OpenMessage> first_error;
  const bool has_wal = fs::exists(path.string() + "-wal", ec);
  std::vector<const char*> modes = has_wal ? std::vector<const char*>{"mode=ro", "immutable=1"}
                                           : std::vector<const char*>{"immutable=1"};
  for (const char* params : modes) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(Uri(path, params).c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    Closer db{raw};
    if (rc != SQLITE_OK) {
      if (!first_error) first_error = Damaged(path, raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
      continue;
    }
    sqlite3_busy_timeout(raw, 2000);
    auto file = std::unique_ptr<SessionFile>(new SessionFile());
    Checked c = Check(raw, path, file->m_meta, false);
    if (c.error) {
      int code = sqlite3_errcode(raw) & 0xff;
      if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_BUSY) {
        if (!first_error) first_error = c.error;
        continue;  // try immutable
      }
      return {nullptr, *c.error};
    }
    file->m_path = path;
    file->m_db = db.release();
    file->m_read_only = true;
    // The board and counters from the latest snapshot + later events.
    auto board = file->BoardAt(INT64_MAX);
    if (!board) return {nullptr, Damaged(path, board.error().message)};
    file->m_board = std::move(*board);
    {
      Stmt s(file->m_db, "SELECT coalesce(max(seq), 0) FROM events");
      if (!s.ok() || s.Step() != SQLITE_ROW) return {nullptr, Damaged(path, sqlite3_errmsg(file->m_db))};
      file->m_last_seq = file->m_written_seq = s.Int(0);
    }
    OpenMessage notice;
    if (c.user_version > kFormatVersion) notice = NewerNotice(path, c.user_version);
    return {std::move(file), notice};
  }
  return {nullptr, first_error.value_or(Damaged(path, "cannot open"))};
}

namespace {

// Creates a new session at `path` atomically: the schema and metadata are written and synced in
// a hidden file next to it, which is then hard-linked to `path` (never replacing a file). A kill
// or power cut at any moment leaves either no session or a complete one, never an empty or
// half-made file that the next start would refuse. nullopt when the file exists now (created
// here or, a moment earlier, by another process); otherwise why it could not be created.
std::optional<OpenMessage> CreateSessionFile(const fs::path& path, const NewSession& if_new) {
  std::error_code ec;
  const fs::path tmp = path.string() + ".creating-" + std::to_string(::getpid());
  fs::remove(tmp, ec);  // a leftover of an earlier process with the same pid
  auto fail = [&](const std::string& why_en, const std::string& why_fr) {
    fs::remove(tmp, ec);
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(tmp.string() + suffix, ec);
    return Msg(path, "cannot create the session file: " + why_en,
               "Impossible de créer la session « " + path.filename().string() + " » : " + why_fr + ".");
  };
  {
    int fd = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
      int err = errno;
      return fail(std::strerror(err), err == ENOSPC                                  ? "le disque est plein"
                                      : err == EROFS || err == EACCES || err == EPERM ? "le dossier est en lecture seule"
                                                                                      : std::strerror(err));
    }
    ::close(fd);
  }
  SessionMeta m;
  m.format_version = kFormatVersion;
  m.app_version = ATELIER_VERSION;
  m.title = if_new.title;
  m.map_template = if_new.map_template;
  m.created_ms = if_new.created_ms ? if_new.created_ms : WallNowMs();
  m.created_at = IsoUtc(m.created_ms);
  LocalZone zone = MachineZone(m.created_ms);
  m.time_zone = if_new.time_zone.empty() ? zone.name : if_new.time_zone;
  m.utc_offset_minutes = if_new.utc_offset_minutes.value_or(zone.utc_offset_minutes);
  {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(Uri(tmp, "mode=rw").c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr);
    Closer db{raw};
    if (rc != SQLITE_OK) return fail(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc), sqlite3_errstr(rc));
    // Written with a rollback journal, then switched to WAL (which only rewrites the header);
    // closing checkpoints and removes the WAL, so the file alone is the whole session.
    bool ok = Exec(raw, "PRAGMA synchronous = FULL") == SQLITE_OK && WriteNewSession(raw, m) &&
              Exec(raw, "PRAGMA journal_mode = WAL") == SQLITE_OK;
    if (!ok) {
      std::string why = sqlite3_errmsg(raw);
      std::string fr = FrenchWriteReason(raw, sqlite3_extended_errcode(raw));
      sqlite3_close_v2(db.release());
      return fail(why, fr);
    }
    if (sqlite3_close(db.release()) != SQLITE_OK) return fail("cannot close the new file", "erreur d'écriture");
  }
  {
    int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
    bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!synced) return fail(std::strerror(errno), "erreur d'écriture");
  }
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    if (err == EEXIST) {  // another Atelier created it meanwhile: open that one
      fs::remove(tmp, ec);
      return std::nullopt;
    }
    if (err == EPERM || err == ENOTSUP || err == EOPNOTSUPP) {
      // A file system without hard links: a rename, which is atomic too (the race with another
      // creator above is lost then, the flock still keeps a single writer).
      if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(std::strerror(errno), std::strerror(errno));
    } else {
      return fail(std::strerror(err), err == ENOSPC ? "le disque est plein" : std::strerror(err));
    }
  }
  fs::remove(tmp, ec);
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);  // the new name, durably
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return std::nullopt;
}

}  // namespace

OpenOutcome SessionFile::Open(const fs::path& path, const NewSession& if_new) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {
    if (auto failed = CreateSessionFile(path, if_new)) return {nullptr, *failed};
  }
  LockFd lock;
  auto status = fs::status(path, ec);
  if (!fs::is_regular_file(status)) return {nullptr, NotSession(path, "not a regular file")};
  if (fs::file_size(path, ec) == 0) return {nullptr, NotSession(path, "the file is empty")};
  lock.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (lock.fd < 0)
    return {nullptr, Msg(path, std::string("cannot open: ") + std::strerror(errno),
                         "Impossible d'ouvrir le fichier « " + path.filename().string() + " ».")};
  if (flock(lock.fd, LOCK_EX | LOCK_NB) != 0) {
    return {nullptr, Msg(path, "the session is in use by another Atelier (another kiosk or window records into it)",
                         "Cette session est déjà ouverte par un autre Atelier : elle ne peut pas être "
                         "enregistrée deux fois en même temps.")};
  }

  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(Uri(path, "mode=rw").c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr);
  Closer db{raw};
  if (rc != SQLITE_OK) {
    sqlite3_close_v2(db.release());
    ::close(lock.release());
    return OpenReadOnly(path);  // e.g. a read-only folder: still show it
  }
  sqlite3_busy_timeout(raw, 2000);

  auto file = std::unique_ptr<SessionFile>(new SessionFile());
  file->m_path = path;
  {
    Checked c = Check(raw, path, file->m_meta, true);
    if (c.error) return {nullptr, *c.error};
    if (c.user_version > kFormatVersion || c.damaged || sqlite3_db_readonly(raw, "main") == 1) {
      sqlite3_close_v2(db.release());
      ::close(lock.release());  // after SQLite let go of the file (POSIX locks are per process)
      OpenOutcome ro = OpenReadOnly(path);
      if (ro && ro.message.empty())
        ro.message = c.damaged ? DamagedNotice(path)
                               : Msg(path, "the file cannot be written: opened read-only",
                                     "Ce fichier ne peut pas être modifié : il est ouvert en lecture seule.");
      else if (ro && c.damaged)
        ro.message = DamagedNotice(path);
      return ro;
    }
    if (Exec(raw, "PRAGMA journal_mode = WAL") != SQLITE_OK || Exec(raw, "PRAGMA synchronous = FULL") != SQLITE_OK)
      return {nullptr, Damaged(path, sqlite3_errmsg(raw))};
  }
  file->m_db = db.release();
  file->m_lock_fd = lock.release();
  file->m_read_only = false;
  {
    auto board = file->BoardAt(INT64_MAX);
    if (!board) return {nullptr, Damaged(path, board.error().message)};
    file->m_board = std::move(*board);
    Stmt s(file->m_db, "SELECT coalesce(max(seq), 0), (SELECT coalesce(max(seq), 0) FROM snapshots) FROM events");
    if (!s.ok() || s.Step() != SQLITE_ROW) return {nullptr, Damaged(path, sqlite3_errmsg(file->m_db))};
    file->m_last_seq = file->m_written_seq = s.Int(0);
    file->m_last_snapshot_seq = s.Int(1);
  }
  return {std::move(file), {}};
}

SessionFile::~SessionFile() {
  if (m_db) sqlite3_close_v2(m_db);
  if (m_lock_fd >= 0) ::close(m_lock_fd);  // only after SQLite closed its own descriptors
}

// ---- reading -------------------------------------------------------------------------------

core::Result<std::vector<core::Event>> SessionFile::ReadEvents(std::int64_t after_seq) const {
  Stmt s(m_db, "SELECT seq, t_ms, actor, type, payload FROM events WHERE seq > ?1 ORDER BY seq");
  if (!s.ok()) return core::Error{sqlite3_errmsg(m_db)};
  s.Bind(1, after_seq);
  std::vector<core::Event> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    std::int64_t seq = s.Int(0);
    auto actor = ActorFromName(s.Text(2));
    json payload = json::parse(s.Text(4), nullptr, false);
    if (!actor || payload.is_discarded())
      return core::Error{"event " + std::to_string(seq) + ": bad actor or payload"};
    auto data = EventDataFromJson(s.Text(3), payload);
    if (!data) return core::Error{"event " + std::to_string(seq) + ": " + data.error().message};
    out.push_back(core::Event{.seq = seq, .t_ms = s.Int(1), .actor = *actor, .data = std::move(*data)});
  }
  if (rc != SQLITE_DONE) return core::Error{sqlite3_errmsg(m_db)};
  return out;
}

core::Result<core::Board> SessionFile::BoardAt(std::int64_t seq) const {
  core::Board board(m_meta.map_template);
  std::int64_t from = 0;
  {
    Stmt s(m_db, "SELECT seq, board FROM snapshots WHERE seq <= ?1 ORDER BY seq DESC LIMIT 1");
    if (!s.ok()) return core::Error{sqlite3_errmsg(m_db)};
    s.Bind(1, seq);
    int rc = s.Step();
    if (rc == SQLITE_ROW) {
      json j = json::parse(s.Text(1), nullptr, false);
      auto restored = BoardFromSnapshot(j, m_meta.map_template);
      if (restored) {  // a bad snapshot: fold from the start instead
        board = std::move(*restored);
        from = s.Int(0);
      }
    } else if (rc != SQLITE_DONE) {
      return core::Error{sqlite3_errmsg(m_db)};
    }
  }
  Stmt s(m_db, "SELECT seq, t_ms, actor, type, payload FROM events WHERE seq > ?1 AND seq <= ?2 ORDER BY seq");
  if (!s.ok()) return core::Error{sqlite3_errmsg(m_db)};
  s.Bind(1, from);
  s.Bind(2, seq);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    auto actor = ActorFromName(s.Text(2));
    json payload = json::parse(s.Text(4), nullptr, false);
    if (!actor || payload.is_discarded()) return core::Error{"event " + std::to_string(s.Int(0)) + ": bad payload"};
    auto data = EventDataFromJson(s.Text(3), payload);
    if (!data) return core::Error{"event " + std::to_string(s.Int(0)) + ": " + data.error().message};
    board.Apply(core::Event{.seq = s.Int(0), .t_ms = s.Int(1), .actor = *actor, .data = std::move(*data)});
  }
  if (rc != SQLITE_DONE) return core::Error{sqlite3_errmsg(m_db)};
  return board;
}

core::Result<LoadedSession> SessionFile::Load() const {
  auto events = ReadEvents(0);
  if (!events) return events.error();
  auto board = BoardAt(INT64_MAX);
  if (!board) return board.error();
  return LoadedSession{m_meta, std::move(*events), std::move(*board)};
}

// ---- appending ---------------------------------------------------------------------------

bool SessionFile::WriteOne(const core::Event& e, bool with_snapshot, std::string& why) {
  auto fail = [&](int rc) {
    why = FrenchWriteReason(m_db, rc);
    if (!sqlite3_get_autocommit(m_db)) Exec(m_db, "ROLLBACK");
    return false;
  };
  int rc = Exec(m_db, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) return fail(sqlite3_extended_errcode(m_db));
  const std::string type(core::EventTypeName(e.data));
  const std::string payload = Dump(EventDataToJson(e.data));
  {
    Stmt s(m_db, "INSERT INTO events(seq, t_ms, actor, type, payload) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!s.ok()) return fail(s.prepare_rc());
    s.Bind(1, e.seq);
    s.Bind(2, e.t_ms);
    s.Bind(3, std::string(core::ActorName(e.actor)));
    s.Bind(4, type);
    s.Bind(5, payload);
    rc = s.Step();
  }
  if (rc == SQLITE_CONSTRAINT) {
    // Already there (a commit that reported failure but happened): fine if it is the same event.
    Stmt q(m_db, "SELECT t_ms, type, payload FROM events WHERE seq = ?1");
    q.Bind(1, e.seq);
    if (q.ok() && q.Step() == SQLITE_ROW && q.Int(0) == e.t_ms && q.Text(1) == type && q.Text(2) == payload) {
      rc = SQLITE_DONE;
    } else {
      why = "le numéro d'événement " + std::to_string(e.seq) + " est déjà pris dans le fichier";
      Exec(m_db, "ROLLBACK");
      return false;
    }
  }
  if (rc != SQLITE_DONE) return fail(sqlite3_extended_errcode(m_db));
  if (with_snapshot) {
    Stmt s(m_db, "INSERT OR REPLACE INTO snapshots(seq, t_ms, board) VALUES (?1, ?2, ?3)");
    if (!s.ok()) return fail(s.prepare_rc());
    s.Bind(1, e.seq);
    s.Bind(2, e.t_ms);
    s.Bind(3, Dump(SnapshotToJson(m_board)));
    if (s.Step() != SQLITE_DONE) return fail(sqlite3_extended_errcode(m_db));
  }
  rc = Exec(m_db, "COMMIT");
  if (rc != SQLITE_OK) return fail(sqlite3_extended_errcode(m_db));
  return true;
}

void SessionFile::Append(const core::Event& event) {
  try {
    m_board.Apply(event);
    m_last_seq = std::max(m_last_seq, event.seq);
    m_pending.push_back(event);
    Retry();
  } catch (...) {  // never throws (allocation failure, …): the event stays pending
    m_problem = WriteProblem("erreur interne");
  }
}

bool SessionFile::Retry() {
  if (m_pending.empty()) return true;
  if (m_read_only) {
    m_problem = WriteProblem("cette session est ouverte en lecture seule");
    return false;
  }
  while (!m_pending.empty()) {
    const core::Event& e = m_pending.front();
    // A snapshot only when the mirrored board is exactly the state after this event.
    bool snapshot = m_pending.size() == 1 && e.seq - m_last_snapshot_seq >= kSnapshotEvery;
    std::string why;
    if (!WriteOne(e, snapshot, why)) {
      m_problem = WriteProblem(why);
      return false;
    }
    m_written_seq = e.seq;
    if (snapshot) m_last_snapshot_seq = e.seq;
    m_pending.pop_front();
  }
  m_problem.clear();
  return true;
}

core::Status SessionFile::AppendBatch(const std::vector<core::Event>& events) {
  if (m_read_only || !m_pending.empty()) return core::Error{"the session cannot be written now"};
  core::Board saved = m_board;
  const std::int64_t saved_last = m_last_seq, saved_written = m_written_seq, saved_snap = m_last_snapshot_seq;
  auto fail = [&](std::string why) {
    if (!sqlite3_get_autocommit(m_db)) Exec(m_db, "ROLLBACK");
    m_board = std::move(saved);
    m_last_seq = saved_last, m_written_seq = saved_written, m_last_snapshot_seq = saved_snap;
    return core::Error{std::move(why)};
  };
  if (Exec(m_db, "BEGIN IMMEDIATE") != SQLITE_OK) return fail(sqlite3_errmsg(m_db));
  Stmt ins(m_db, "INSERT INTO events(seq, t_ms, actor, type, payload) VALUES (?1, ?2, ?3, ?4, ?5)");
  Stmt snap(m_db, "INSERT OR REPLACE INTO snapshots(seq, t_ms, board) VALUES (?1, ?2, ?3)");
  if (!ins.ok() || !snap.ok()) return fail(sqlite3_errmsg(m_db));
  for (const core::Event& e : events) {
    if (e.seq != m_last_seq + 1)
      return fail("event " + std::to_string(e.seq) + " is out of order (expected " + std::to_string(m_last_seq + 1) + ")");
    m_board.Apply(e);
    m_last_seq = e.seq;
    sqlite3_reset(ins.get());
    ins.Bind(1, e.seq);
    ins.Bind(2, e.t_ms);
    ins.Bind(3, std::string(core::ActorName(e.actor)));
    ins.Bind(4, std::string(core::EventTypeName(e.data)));
    ins.Bind(5, Dump(EventDataToJson(e.data)));
    if (ins.Step() != SQLITE_DONE) return fail(sqlite3_errmsg(m_db));
    if (e.seq - m_last_snapshot_seq >= kSnapshotEvery) {
      sqlite3_reset(snap.get());
      snap.Bind(1, e.seq);
      snap.Bind(2, e.t_ms);
      snap.Bind(3, Dump(SnapshotToJson(m_board)));
      if (snap.Step() != SQLITE_DONE) return fail(sqlite3_errmsg(m_db));
      m_last_snapshot_seq = e.seq;
    }
  }
  if (Exec(m_db, "COMMIT") != SQLITE_OK) return fail(sqlite3_errmsg(m_db));
  m_written_seq = m_last_seq;
  return core::Ok{};
}

core::Status SessionFile::SetMeta(const std::string& key, const std::string& value) {
  if (m_read_only) return core::Error{"Cette session est ouverte en lecture seule."};
  if (!PutMeta(m_db, key, value))
    return core::Error{"Impossible d'enregistrer : " + FrenchWriteReason(m_db, sqlite3_extended_errcode(m_db)) + "."};
  return core::Ok{};
}

core::Status SessionFile::End(std::int64_t ended_ms) {
  auto st = SetMeta("ended_ms", std::to_string(ended_ms));
  if (!st) return st;
  st = SetMeta("ended_at", IsoUtc(ended_ms));
  if (st) m_meta.ended_ms = ended_ms;
  return st;
}

core::Status SessionFile::Rename(const std::string& title) {
  auto st = SetMeta("title", title);
  if (st) m_meta.title = title;
  return st;
}

void SessionFile::LimitPagesForTesting(std::int64_t max_pages) {
  Exec(m_db, ("PRAGMA max_page_count = " + std::to_string(max_pages)).c_str());
}

}  // namespace atelier::store
