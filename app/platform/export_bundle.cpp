// Sections: names · flushing · classifying a failure · WriteBundle.
#include "platform/export_bundle.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/text.h"

namespace atelier::platform {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Names.

std::string BundleFolderName(std::string_view title, const std::tm& t) {
  std::string safe;
  for (unsigned char c : title) {
    if (c == '/') safe.push_back('-');  // "Atelier du 02/12/2026" → "Atelier du 02-12-2026"
    else if (c < 0x20 || c == 0x7f || std::strchr("\\:*?\"<>|", c)) safe.push_back(' ');
    else safe.push_back(static_cast<char>(c));
  }
  safe = core::TruncateChars(safe, 80);
  while (!safe.empty() && (safe.back() == ' ' || safe.back() == '.')) safe.pop_back();
  while (!safe.empty() && (safe.front() == ' ' || safe.front() == '.')) safe.erase(0, 1);
  if (safe.empty()) safe = "Séance";
  char when[40];
  std::strftime(when, sizeof when, "%Y-%m-%d %Hh%M", &t);
  safe.append(" – export ").append(when);
  return safe;
}

std::string PendingFolderName(const std::string& name) {
  std::string temp = ".";
  temp.append(name).append(".part-").append(std::to_string(::getpid()));
  return temp;
}

// ---------------------------------------------------------------------------------------------
// Flushing: a file's data, then the folder that names it.

namespace {

int Flush(const fs::path& path, bool folder) {
  int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return errno;
  const int err = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return err;
}

// ---------------------------------------------------------------------------------------------
// Classifying a failure, from what the system said and what the medium looks like now.

BundleProblem Classify(int err, const fs::path& parent, const std::function<bool()>& still_there) {
  if (still_there && !still_there()) return BundleProblem::Gone;
  struct statvfs st {};
  if (::statvfs(parent.c_str(), &st) != 0) return BundleProblem::Gone;
  if (err == EROFS || (st.f_flag & ST_RDONLY)) return BundleProblem::ReadOnly;
  if (err == ENOSPC || err == EDQUOT) return BundleProblem::Full;
  if (err == EIO || err == ENODEV || err == ENXIO || err == ENOTCONN) return BundleProblem::Gone;
  return BundleProblem::Failed;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// WriteBundle.

BundleResult WriteBundle(const BundleJob& job, const std::function<void(const BundlePart&)>& on_part) {
  const fs::path temp = job.parent / PendingFolderName(job.name);
  std::error_code ec;
  auto fail = [&](int err, std::string part, std::string detail) {
    BundleResult r{.problem = Classify(err, job.parent, job.still_there), .failed_part = std::move(part),
                   .detail = std::move(detail)};
    std::error_code ignored;
    fs::remove_all(temp, ignored);  // may fail on a stick that is gone or read-only: nothing to do
    return r;
  };
  fs::remove_all(temp, ec);  // left by an export of ours that was killed (same pid, reused)
  if (::mkdir(temp.c_str(), 0755) != 0) {
    const int err = errno;
    return fail(err, "", std::string("cannot make ").append(temp.string()).append(": ").append(std::strerror(err)));
  }
  for (const BundlePart& part : job.parts) {
    if (on_part) on_part(part);
    const fs::path out = temp / part.file;
    PartOutcome done = part.write(out);
    if (done.ok && !fs::is_regular_file(out, ec)) done = {.ok = false, .err = ENOENT, .message = "nothing was written"};
    if (done.ok) {
      if (int err = Flush(out, false)) done = {.ok = false, .err = err, .message = std::strerror(err)};
    }
    if (!done.ok) return fail(done.err, part.label, done.message);
  }
  if (int err = Flush(temp, true)) return fail(err, "", std::strerror(err));
  if (job.still_there && !job.still_there()) return fail(0, "", "the medium went away");
  fs::path final_path = job.parent / job.name;
  for (int n = 2; fs::exists(final_path, ec) && n < 100; ++n)
    final_path = job.parent / (job.name + " (" + std::to_string(n) + ")");
  if (::rename(temp.c_str(), final_path.c_str()) != 0) {
    const int err = errno;
    return fail(err, "", std::string("cannot rename to ").append(final_path.string()).append(": ").append(std::strerror(err)));
  }
  if (int err = Flush(job.parent, true)) {
    // The folder is complete under its name, but its name may not be on the medium yet.
    BundleResult r{.problem = Classify(err, job.parent, job.still_there), .detail = std::strerror(err)};
    if (r.problem == BundleProblem::None) r.problem = BundleProblem::Failed;
    return r;
  }
  if (job.still_there && !job.still_there()) return {.problem = BundleProblem::Gone, .detail = "the medium went away"};
  return {.folder = final_path};
}

}  // namespace atelier::platform
