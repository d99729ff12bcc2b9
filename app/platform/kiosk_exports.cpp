// Sections: the parts · child processes · messages · the job.
#include "platform/kiosk_exports.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>

#include "store/session_copy.h"
#include "ui/i18n.h"

namespace atelier::platform {

namespace fs = std::filesystem;
using ui::Tr;

// ---------------------------------------------------------------------------------------------
// The parts.

std::vector<BundlePart> BundleParts(const ExportRequest& request, const std::string& exe) {
  const std::string session = request.session.string();
  const std::string lang = request.lang;
  // One CLI export per part (docs/exports.md): `exe export SESSION --FLAG OUT --lang L`.
  auto cli = [exe, session, lang](std::string flag) {
    return [exe, session, lang, flag](const fs::path& out) {
      return RunChild(exe, {"export", session, flag, out.string(), "--lang", lang});
    };
  };
  std::vector<BundlePart> parts;
  parts.push_back({Tr("Copie de la séance"), request.session.filename().string(), [session](const fs::path& out) {
                     int err = 0;
                     core::Status copied = store::CopySession(session, out, &err);
                     return copied.ok() ? PartOutcome{}
                                        : PartOutcome{.ok = false, .err = err, .message = copied.error().message};
                   }});
  parts.push_back({Tr("Tableur des cartes (CSV)"), "cartes.csv", cli("--csv")});
  parts.push_back({Tr("Événements (JSON Lines)"), "evenements.jsonl", cli("--jsonl")});
  parts.push_back({Tr("Compte rendu (PDF)"), "rapport.pdf", cli("--pdf")});
  parts.push_back({Tr("Rapport et replay (HTML)"), "rapport.html", cli("--html")});
  parts.push_back({Tr("Image de la carte (PNG)"), "carte.png", cli("--png")});
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Child processes.

namespace {

// The errno a CLI's English message names (the child runs in the C or C.UTF-8 locale).
int ErrnoIn(const std::string& text) {
  for (int err : {ENOSPC, EROFS, EIO, EDQUOT, ENODEV, ENXIO, ENOENT, EACCES})
    if (text.find(std::strerror(err)) != std::string::npos) return err;
  return 0;
}

}  // namespace

PartOutcome RunChild(const std::string& exe, const std::vector<std::string>& args) {
  std::vector<std::string> all{exe};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return {.ok = false, .err = errno, .message = std::strerror(errno)};
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    ::close(out[0]);
    ::close(out[1]);
    return {.ok = false, .err = err, .message = std::strerror(err)};
  }
  if (pid == 0) {  // only async-signal-safe calls from here to exec
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(127);
    const int null = ::open("/dev/null", O_RDONLY);
    if (null >= 0) ::dup2(null, 0);
    ::dup2(out[1], 1);
    ::dup2(out[1], 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n > 0) text.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  ::close(out[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.empty()) text = WIFSIGNALED(status) ? "stopped by signal " + std::to_string(WTERMSIG(status)) : "failed";
  return {.ok = false, .err = ErrnoIn(text), .message = text};
}

// ---------------------------------------------------------------------------------------------
// Messages.

std::string ProblemMessage(const BundleResult& r, bool to_stick, const std::string& stick) {
  switch (r.problem) {
    case BundleProblem::None: return {};
    case BundleProblem::ReadOnly:
      return to_stick ? Tr("La clé « {1} » est protégée en écriture : rien n'y a été écrit. Déverrouillez-la (petit "
                           "curseur sur son côté) ou prenez une autre clé.",
                           {stick})
                      : Tr("Le dossier des séances est en lecture seule : l'export n'a pas été écrit.");
    case BundleProblem::Full:
      return to_stick ? Tr("La clé « {1} » est pleine : l'export n'y a pas été écrit. Libérez de la place ou prenez "
                           "une autre clé.",
                           {stick})
                      : Tr("Le disque est plein : l'export n'a pas été écrit. Faites de la place, puis recommencez.");
    case BundleProblem::Gone:
      return Tr("La clé a été retirée pendant l'écriture : l'export n'est pas complet. Rebranchez-la et recommencez "
                "(la séance n'a rien perdu).");
    case BundleProblem::Failed: break;
  }
  std::string what = r.failed_part.empty() ? r.detail : r.failed_part + " : " + r.detail;
  return Tr("L'export n'a pas pu être écrit ({1}). La séance n'a rien perdu.", {what});
}

// ---------------------------------------------------------------------------------------------
// The job.

namespace {

// The automounter's own way first, each allowed to the kiosk's user without root:
//   systemd-mount --umount  for deploy/'s udev rule (/run/media/system/LABEL; polkit rule);
//   udisksctl unmount -b    for a desktop's udisks2 (/media/USER/LABEL, /run/media/USER/LABEL);
//   umount                  otherwise (root, an fstab "user" mount, the tests' stand-in sticks).
bool Unmount(const UsbStick& stick) {
  auto gone = [&] { return !StillMounted(stick, ReadMountInfo()); };
  const bool device = stick.source.rfind("/dev/", 0) == 0;
  if (stick.point.rfind("/run/media/system/", 0) == 0 && ::access("/usr/bin/systemd-mount", X_OK) == 0 &&
      RunChild("/usr/bin/systemd-mount", {"--umount", stick.point}).ok && gone())
    return true;
  if (device && ::access("/usr/bin/udisksctl", X_OK) == 0 &&
      RunChild("/usr/bin/udisksctl", {"unmount", "--no-user-interaction", "-b", stick.source}).ok && gone())
    return true;
  (void)RunChild(::access("/usr/bin/umount", X_OK) == 0 ? "/usr/bin/umount" : "/bin/umount", {stick.point});
  return gone();
}

}  // namespace

KioskExports::~KioskExports() {
  if (m_thread.joinable()) m_thread.join();
}

void KioskExports::Tick(std::int64_t now_ms) { m_watch.Update(now_ms); }

ui::ExportView KioskExports::View(const fs::path& beside) const {
  ui::ExportView view{.beside = beside.string()};
  if (!m_watch.sticks().empty()) view.stick = m_watch.sticks().back().name;
  std::lock_guard lock(m_mutex);
  view.running = m_busy.load();
  view.step = m_step;
  view.outcome = m_outcome;
  view.outcome_ok = m_outcome_ok;
  return view;
}

void KioskExports::Start(const ExportRequest& request) {
  if (m_busy.load()) return;
  if (m_thread.joinable()) m_thread.join();  // the last one, finished
  std::optional<UsbStick> stick;
  if (request.to_stick) {
    if (m_watch.sticks().empty()) {
      std::lock_guard lock(m_mutex);
      m_outcome = Tr("Aucune clé USB n'est branchée.");
      m_outcome_ok = false;
      return;
    }
    stick = m_watch.sticks().back();
  }
  {
    std::lock_guard lock(m_mutex);
    m_step = Tr("Préparation…");
    m_outcome.clear();
  }
  m_busy = true;
  std::fprintf(stderr, "atelier: export: started (%s)\n", stick ? stick->point.c_str() : "beside the session");
  m_thread = std::thread([this, request, stick] { Run(request, stick); });
}

void KioskExports::Run(ExportRequest request, std::optional<UsbStick> stick) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  BundleJob job{.parent = stick ? fs::path(stick->point) : request.session.parent_path(),
                .name = BundleFolderName(request.title, local),
                .parts = BundleParts(request)};
  if (stick) job.still_there = [s = *stick] { return StillMounted(s, ReadMountInfo()); };
  std::size_t index = 0;
  const std::size_t count = job.parts.size();
  BundleResult result = WriteBundle(job, [&](const BundlePart& part) {
    std::lock_guard lock(m_mutex);
    m_step = Tr("{1}… ({2} sur {3})", {part.label, std::to_string(++index), std::to_string(count)});
  });
  std::string outcome;
  bool ok = result.ok();
  if (!ok) {
    outcome = ProblemMessage(result, stick.has_value(), stick ? stick->name : "");
    std::fprintf(stderr, "atelier: export: failed: %s%s%s\n", result.failed_part.c_str(),
                 result.failed_part.empty() ? "" : ": ", result.detail.c_str());
  } else if (!stick) {
    outcome = Tr("Exporté dans le dossier des séances : « {1} ».", {result.folder.filename().string()});
    std::fprintf(stderr, "atelier: export: wrote %s\n", result.folder.c_str());
  } else {
    {
      std::lock_guard lock(m_mutex);
      m_step = Tr("Éjection de la clé…");
    }
    std::fprintf(stderr, "atelier: export: wrote %s\n", result.folder.c_str());
    ::sync();  // belt and braces before the unmount: everything of ours is already flushed
    if (Unmount(*stick)) {
      outcome = Tr("C'est fini : « {1} » est sur la clé. Vous pouvez retirer la clé.", {result.folder.filename().string()});
      std::fprintf(stderr, "atelier: export: unmounted %s\n", stick->point.c_str());
    } else {
      outcome = Tr("L'export est sur la clé, mais elle n'a pas pu être éjectée : attendez dix secondes avant de la "
                   "retirer.");
      std::fprintf(stderr, "atelier: export: could not unmount %s\n", stick->point.c_str());
    }
  }
  std::fprintf(stderr, "atelier: export: shown: %s\n", outcome.c_str());  // what the page says, for logs
  {
    std::lock_guard lock(m_mutex);
    m_outcome = outcome;
    m_outcome_ok = ok;
    m_step.clear();
  }
  m_busy = false;
}

}  // namespace atelier::platform
