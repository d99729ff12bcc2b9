#include "report/pending_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace atelier::report {

namespace fs = std::filesystem;

PendingFile::PendingFile(fs::path target) : m_target(std::move(target)) {
  fs::path folder = m_target.parent_path();
  std::string name = ".";
  name.append(m_target.filename().string()).append(".part-").append(std::to_string(::getpid()));
  m_temp = (folder / name).string();
}

PendingFile::~PendingFile() {
  if (m_created && !m_committed) ::unlink(m_temp.c_str());
}

core::Status PendingFile::Open() {
  std::error_code ec;
  if (m_target.filename().empty()) return core::Error{"cannot write " + m_target.string() + ": no file name"};
  if (fs::is_directory(m_target, ec)) return core::Error{"cannot write " + m_target.string() + ": it is a folder"};
  int fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return core::Error{"cannot write " + m_target.string() + ": " + std::strerror(errno)};
  ::close(fd);
  m_created = true;
  return core::Ok{};
}

core::Status PendingFile::Commit() {
  auto fail = [&](const char* step) {
    return core::Error{"cannot write " + m_target.string() + " (" + step + "): " + std::strerror(errno)};
  };
  int fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("reopen");
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) return fail("fsync");
  if (::rename(m_temp.c_str(), m_target.c_str()) != 0) return fail("rename");
  m_committed = true;
  return core::Ok{};
}

}  // namespace atelier::report
