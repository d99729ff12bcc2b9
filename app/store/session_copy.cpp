#include "store/session_copy.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace atelier::store {

core::Status CopySession(const std::filesystem::path& from, const std::filesystem::path& to, int* errno_out) {
  auto fail = [&](std::string why, int err) {
    if (errno_out) *errno_out = err;
    ::unlink(to.c_str());
    std::string message = "cannot copy the session to ";
    message.append(to.string()).append(": ").append(why);
    return core::Error{message};
  };
  // Tried first, so a read-only or full folder gives the system's own reason.
  int fd = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int err = errno;
    if (errno_out) *errno_out = err;
    return core::Error{std::string("cannot copy the session to ").append(to.string()).append(": ").append(std::strerror(err))};
  }
  ::close(fd);
  ::unlink(to.c_str());  // VACUUM INTO wants a file that does not exist yet

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(from.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return fail(why, 0);
  }
  sqlite3_busy_timeout(db, 5000);  // the kiosk's own commit, if one is under way
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "VACUUM INTO ?1", -1, &stmt, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, to.c_str(), -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(stmt);
  }
  const int sys_err = sqlite3_system_errno(db);
  std::string why = sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (rc != SQLITE_DONE) {
    if (rc == SQLITE_FULL) return fail("No space left on device", ENOSPC);
    return fail(sys_err ? std::strerror(sys_err) : why, sys_err);
  }
  // VACUUM INTO does not fsync its output.
  fd = ::open(to.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(std::strerror(errno), errno);
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    return fail(std::strerror(err), err);
  }
  ::close(fd);
  return core::Ok{};
}

}  // namespace atelier::store
