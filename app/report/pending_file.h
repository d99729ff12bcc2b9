// A file written under a temporary name beside its target and renamed over it only once it is
// complete (fsync, rename): an export that fails half-way, or is killed, never leaves a file
// that looks finished. The temporary name is ".<name>.part-<pid>" in the target's folder.
#pragma once
#include <filesystem>
#include <string>

#include "core/error.h"

namespace atelier::report {

class PendingFile {
 public:
  explicit PendingFile(std::filesystem::path target);
  ~PendingFile();  // removes the temporary file unless Commit succeeded
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  // Creates the (empty) temporary file, so an unwritable folder is found before the work;
  // the error names the target and says why, in English.
  core::Status Open();
  const std::string& temp_path() const { return m_temp; }
  // The temporary file is complete: flushes it to disk and renames it over the target.
  core::Status Commit();

 private:
  std::filesystem::path m_target;
  std::string m_temp;
  bool m_created = false, m_committed = false;
};

}  // namespace atelier::report
