// For the session end-to-end tests: the real atelier binary started with fork/exec and left
// running, so a test can read its "committed N" lines as they come, SIGKILL it at a moment of its
// choosing, or start a second one next to it. Header-only; one Kiosk per child process.
#pragma once
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e_support.h"

namespace atelier::e2e {

class Kiosk {
 public:
  // Starts ATELIER_BINARY with args; stdout comes through a pipe, stderr goes to stderr_path.
  Kiosk(const std::vector<std::string>& args, const std::filesystem::path& stderr_path,
        const std::vector<std::string>& extra_env = {})
      : m_stderr_path(stderr_path) {
    std::vector<std::string> env = extra_env;
    env.push_back("XDG_CONFIG_HOME=" + (stderr_path.parent_path() / "config").string());
    env.push_back("XDG_DATA_HOME=" + (stderr_path.parent_path() / "data").string());
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return;
    m_pid = fork();
    if (m_pid == 0) {
      dup2(fds[1], 1);
      int e = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (e >= 0) dup2(e, 2);
      for (const std::string& kv : env) putenv(strdup(kv.c_str()));
      std::vector<std::string> argv{ATELIER_BINARY};
      argv.insert(argv.end(), args.begin(), args.end());
      std::vector<char*> c_args;
      for (std::string& a : argv) c_args.push_back(a.data());
      c_args.push_back(nullptr);
      execv(c_args[0], c_args.data());
      _exit(127);
    }
    close(fds[1]);
    m_out = fds[0];
    fcntl(m_out, F_SETFL, O_NONBLOCK);
  }
  ~Kiosk() {
    if (m_pid > 0 && !m_reaped) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, nullptr, 0);
    }
    if (m_out >= 0) close(m_out);
  }
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;

  bool started() const { return m_pid > 0; }
  pid_t pid() const { return m_pid; }

  // Reads what stdout has so far, waiting at most `wait`.
  void Pump(std::chrono::microseconds wait = std::chrono::microseconds(0)) {
    if (m_out < 0) return;
    pollfd p{.fd = m_out, .events = POLLIN, .revents = 0};
    int ms = static_cast<int>((wait.count() + 999) / 1000);
    if (poll(&p, 1, ms) <= 0) return;
    char buf[4096];
    ssize_t n;
    while ((n = read(m_out, buf, sizeof buf)) > 0) m_stdout.append(buf, static_cast<std::size_t>(n));
  }
  const std::string& stdout_text() const { return m_stdout; }

  // The highest N of the "committed N" lines read so far (0 when none).
  std::int64_t LastCommitted() const {
    std::int64_t last = 0;
    std::istringstream in(m_stdout);
    std::string line;
    while (std::getline(in, line)) {
      if (in.eof()) break;  // a line still being written
      if (line.rfind("committed ", 0) == 0) last = std::max<std::int64_t>(last, std::stoll(line.substr(10)));
    }
    return last;
  }

  // Still running?
  bool Running() {
    if (m_reaped) return false;
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_reaped = true;
      m_status = status;
      return false;
    }
    return true;
  }

  // SIGKILL now; reads the rest of stdout. Returns false when it had already exited.
  bool Kill() {
    bool was_running = Running();
    if (was_running) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, &m_status, 0);
      m_reaped = true;
    }
    Pump();
    return was_running;
  }

  // Waits for the exit (SIGKILL after timeout); the exit code, or 128 + signal.
  int Wait(std::chrono::seconds timeout = std::chrono::seconds(120)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (Running() && std::chrono::steady_clock::now() < deadline) Pump(std::chrono::milliseconds(20));
    if (!m_reaped) Kill();
    Pump();
    return WIFEXITED(m_status) ? WEXITSTATUS(m_status) : 128 + WTERMSIG(m_status);
  }

  std::string StderrText() const {
    std::ifstream in(m_stderr_path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  std::filesystem::path m_stderr_path;
  pid_t m_pid = -1;
  int m_out = -1;
  bool m_reaped = false;
  int m_status = 0;
  std::string m_stdout;
};

}  // namespace atelier::e2e
