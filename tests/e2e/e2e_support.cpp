#include "e2e_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <stb/stb_image.h>

namespace atelier::e2e {

namespace fs = std::filesystem;

namespace {


// Starts its own Xvfb when the tests run without a display, so `ctest` alone works anywhere.
class XvfbEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    const char* display = std::getenv("DISPLAY");
    if (display && *display) return;
    // Several test processes may start their X servers at once (ctest -j): each picks its own
    // display number at random and checks the server answers before any test uses it.
    std::srand(static_cast<unsigned>(getpid()));
    for (int attempt = 0; attempt < 10; ++attempt) {
      int number = 100 + std::rand() % 30000;
      // Appended: `":" + std::to_string` trips GCC 12's -Wrestrict false positive at -O3 (bug 105329).
      std::string name(1, ':');
      name += std::to_string(number);
      std::string lock = "/tmp/.X";
      lock.append(std::to_string(number)).append("-lock");
      if (fs::exists(lock)) continue;
      m_pid = fork();
      if (m_pid == 0) {
        execlp("Xvfb", "Xvfb", name.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp", nullptr);
        _exit(127);
      }
      setenv("DISPLAY", name.c_str(), 1);
      for (int wait = 0; wait < 100; ++wait) {  // up to 10 s
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (waitpid(m_pid, nullptr, WNOHANG) == m_pid) break;  // it gave up (display taken)
        if (RunProgram({"xdotool", "getdisplaygeometry"}, 5).exit_code == 0) return;
      }
      kill(m_pid, SIGKILL);
      waitpid(m_pid, nullptr, 0);
      m_pid = -1;
    }
    // Without a display every test here would be skipped, not failed: stop loudly.
    std::fprintf(stderr, "e2e: no X server could be started (install the xvfb and xdotool packages)\n");
    std::exit(1);
  }
  void TearDown() override {
    if (m_pid > 0) {
      kill(m_pid, SIGTERM);
      waitpid(m_pid, nullptr, 0);
    }
  }

 private:
  pid_t m_pid = -1;
};

const auto* const kXvfb = ::testing::AddGlobalTestEnvironment(new XvfbEnvironment);

}  // namespace

Run RunProgram(const std::vector<std::string>& argv, int timeout_s, const std::vector<std::string>& extra_env) {
  static int counter = 0;
  fs::path out = fs::temp_directory_path() / ("atelier-e2e-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
  pid_t pid = fork();
  if (pid == 0) {
    int o = open((out.string() + ".out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open((out.string() + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    for (const std::string& kv : extra_env) putenv(strdup(kv.c_str()));
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  Run run;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      run.stderr_text = "timed out after " + std::to_string(timeout_s) + " s\n";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.stdout_text = ReadBytes(out.string() + ".out");
  run.stderr_text += ReadBytes(out.string() + ".err");
  fs::remove(out.string() + ".out");
  fs::remove(out.string() + ".err");
  return run;
}

Run RunAtelier(const std::vector<std::string>& args, int timeout_s, const std::vector<std::string>& extra_env) {
  std::vector<std::string> argv{ATELIER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  // A config or sessions of the tester's own must not change what the tests see; a test's own
  // values (extra_env) come after these and win.
  std::vector<std::string> env{"XDG_CONFIG_HOME=" + FreshDir("config").string(),
                               "XDG_DATA_HOME=" + FreshDir("data").string()};
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  return RunProgram(argv, timeout_s, env);
}

fs::path FreshDir(const std::string& name) {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  // Outside a test (a suite's set-up) the process id keeps parallel ctest runs of the same
  // suite from sharing, and removing, each other's folders.
  std::string test = info ? std::string(info->test_suite_name()) + "." + info->name()
                          : "suite-setup-" + std::to_string(getpid());
  fs::path dir = fs::temp_directory_path() / "atelier-e2e" / test / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path WriteScript(const fs::path& dir, const std::string& name, const std::vector<nlohmann::json>& lines) {
  fs::path path = dir / name;
  std::ofstream out(path);
  for (const nlohmann::json& line : lines) out << line.dump() << "\n";
  return path;
}

nlohmann::json ReadJson(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return nullptr;
  return nlohmann::json::parse(in, nullptr, false);
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Png::Pixel Png::At(int x, int y) const {
  std::size_t i = (static_cast<std::size_t>(y) * width + x) * 4;
  return {rgba[i], rgba[i + 1], rgba[i + 2]};
}

Png ReadPng(const fs::path& path) {
  Png png;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &png.width, &png.height, &channels, 4);
  if (!data) return png;
  png.rgba.assign(data, data + static_cast<std::size_t>(png.width) * png.height * 4);
  stbi_image_free(data);
  return png;
}

bool Near(Png::Pixel p, unsigned hex, int tolerance) {
  int r = (hex >> 16) & 0xff, g = (hex >> 8) & 0xff, b = hex & 0xff;
  return std::abs(p.r - r) <= tolerance && std::abs(p.g - g) <= tolerance && std::abs(p.b - b) <= tolerance;
}

const nlohmann::json* CardWithText(const nlohmann::json& board, const std::string& text) {
  if (!board.contains("cards")) return nullptr;
  for (const nlohmann::json& card : board["cards"])
    if (card.value("text", "") == text) return &card;
  return nullptr;
}

bool CardsOverlap(const nlohmann::json& a, const nlohmann::json& b) {
  constexpr double e = 1e-5;
  auto lo = [](const nlohmann::json& c, const char* at, const char* size) {
    return c[at].get<double>() - c[size].get<double>() / 2;
  };
  auto hi = [](const nlohmann::json& c, const char* at, const char* size) {
    return c[at].get<double>() + c[size].get<double>() / 2;
  };
  return lo(a, "x", "w") < hi(b, "x", "w") - e && lo(b, "x", "w") < hi(a, "x", "w") - e &&
         lo(a, "y", "h") < hi(b, "y", "h") - e && lo(b, "y", "h") < hi(a, "y", "h") - e;
}

}  // namespace atelier::e2e
