// `atelier doctor` on the test's Xvfb, the real binary: a healthy machine (a PIN set, Mesa's
// software GL, no touch screen — a warning, exit 0), a broken config file (its ignored lines
// named by number, exit 1), a read-only sessions folder (exit 1), a clock set back before the
// newest session (through the ATELIER_DOCTOR_NOW_MS test hook: a warning) and English.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A kiosk user's folders: config (with a PIN set by `atelier --set-pin` unless told otherwise)
// and data, both fresh.
struct Machine {
  fs::path config, data;
  explicit Machine(const std::string& name, bool with_pin = true) {
    fs::path dir = FreshDir(name);
    config = dir / "xdg-config";
    data = dir / "xdg-data";
    fs::create_directories(config / "atelier");
    fs::create_directories(data);
    if (with_pin) {
      e2e::Run set = RunProgram({"/bin/sh", "-c", std::string("printf '2468\\n' | ") + ATELIER_BINARY + " --set-pin"}, 60, Env());
      EXPECT_EQ(set.exit_code, 0) << set.stderr_text;
    }
  }
  std::vector<std::string> Env(std::vector<std::string> more = {}) const {
    more.push_back("XDG_CONFIG_HOME=" + config.string());
    more.push_back("XDG_DATA_HOME=" + data.string());
    return more;
  }
  void Conf(const std::string& text) const { std::ofstream(config / "atelier" / "atelier.conf") << text; }
  e2e::Run Doctor(std::vector<std::string> args = {}, std::vector<std::string> env = {}) const {
    args.insert(args.begin(), "doctor");
    return RunAtelier(args, 120, Env(std::move(env)));
  }
};

// The line of the report that contains part ("" when none).
std::string LineWith(const std::string& report, const std::string& part) {
  auto at = report.find(part);
  if (at == std::string::npos) return {};
  auto begin = report.rfind('\n', at);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return report.substr(begin, report.find('\n', at) - begin);
}

TEST(Doctor, AHealthyMachineUnderXvfbPassesWithWarnings) {
  Machine machine("healthy");
  e2e::Run run = machine.Doctor();
  EXPECT_EQ(run.exit_code, 0) << run.stdout_text << run.stderr_text;
  const std::string& out = run.stdout_text;
  EXPECT_TRUE(Has(out, "bilan de cette machine")) << out;
  EXPECT_FALSE(Has(out, "PROBLÈME")) << out;
  // Mesa's software renderer under Xvfb: named, and a warning.
  std::string gl = LineWith(out, "Rendu graphique :");
  EXPECT_TRUE(Has(gl, "OpenGL ES")) << out;
  EXPECT_TRUE(Has(gl, "llvmpipe") || Has(gl, "softpipe")) << out;
  EXPECT_EQ(gl.rfind("ATTENTION", 0), 0u) << gl;
  // The test's Xvfb screen, 1920×1080, with its size and the UI scale the kiosk would choose.
  std::string screen = LineWith(out, "Écran ");
  EXPECT_TRUE(Has(screen, "1920×1080 pixels")) << out;
  EXPECT_TRUE(Has(screen, " mm")) << out;
  EXPECT_TRUE(Has(out, "Taille des boutons : ")) << out;
  // Xvfb has no touch screen: the mouse works.
  EXPECT_EQ(LineWith(out, "Aucun écran tactile trouvé").rfind("ATTENTION", 0), 0u) << out;
  std::string font = LineWith(out, "Police : ");
  EXPECT_TRUE(Has(font, ".ttf") || Has(font, ".otf")) << out;
  EXPECT_TRUE(Has(out, "Code de l'animateur : défini")) << out;
  EXPECT_TRUE(Has(out, "Dossier des sessions : " + (machine.data / "atelier" / "sessions").string())) << out;
  EXPECT_TRUE(Has(out, "Place libre pour les sessions : ")) << out;
  EXPECT_TRUE(Has(out, "absent, réglages par défaut")) << out;
  EXPECT_TRUE(Has(out, "Traductions : ")) << out;
  EXPECT_TRUE(Has(out, "Aucun problème ;")) << out;
}

TEST(Doctor, NoPinIsAProblem) {
  Machine machine("no-pin", false);
  e2e::Run run = machine.Doctor();
  EXPECT_EQ(run.exit_code, 1) << run.stdout_text << run.stderr_text;
  EXPECT_EQ(LineWith(run.stdout_text, "Aucun code d'animateur").rfind("PROBLÈME", 0), 0u) << run.stdout_text;
  EXPECT_TRUE(Has(run.stdout_text, "atelier --set-pin")) << run.stdout_text;
}

TEST(Doctor, ABrokenConfigNamesEveryIgnoredLine) {
  Machine machine("broken-config");
  machine.Conf("# salle du haut\nlang = de\ncouleur = bleu\nidle_delay_s = trois\nkeyboard = qwerty\nplein écran\n");
  e2e::Run run = machine.Doctor();
  EXPECT_EQ(run.exit_code, 1) << run.stdout_text << run.stderr_text;
  const std::string& out = run.stdout_text;
  EXPECT_EQ(LineWith(out, "4 ligne(s) ignorée(s)").rfind("PROBLÈME", 0), 0u) << out;
  EXPECT_TRUE(Has(out, "· ligne 2 : « de » n'est pas une valeur possible pour lang\n")) << out;
  EXPECT_TRUE(Has(out, "· ligne 3 : le réglage « couleur » n'existe pas\n")) << out;
  EXPECT_TRUE(Has(out, "· ligne 4 : idle_delay_s attend un nombre, pas « trois »\n")) << out;
  EXPECT_TRUE(Has(out, "· ligne 6 : « plein écran » n'est pas de la forme clé = valeur\n")) << out;
  EXPECT_FALSE(Has(out, "ligne 5")) << out;
}

struct ReadOnlyDir {
  fs::path at;
  bool mounted = false, chmodded = false;
  explicit ReadOnlyDir(fs::path where) : at(std::move(where)) {
    fs::create_directories(at);
    mounted = mount("tmpfs", at.c_str(), "tmpfs", MS_RDONLY, "size=1m") == 0;
    if (!mounted) {  // not root: a folder without write permission does the same for a user
      chmod(at.c_str(), 0555);
      chmodded = access(at.c_str(), W_OK) != 0;
    }
  }
  bool ok() const { return mounted || chmodded; }
  ~ReadOnlyDir() {
    if (mounted) umount2(at.c_str(), MNT_DETACH);
    chmod(at.c_str(), 0755);
  }
};

TEST(Doctor, AReadOnlySessionsFolderIsAProblem) {
  Machine machine("read-only");
  ReadOnlyDir sessions(machine.data / "ro-sessions");
  if (!sessions.ok()) GTEST_SKIP() << "cannot make a read-only folder here (a tmpfs needs root): " << std::strerror(errno);
  machine.Conf("sessions_dir = " + sessions.at.string() + "\n");
  e2e::Run run = machine.Doctor();
  EXPECT_EQ(run.exit_code, 1) << run.stdout_text << run.stderr_text;
  std::string line = LineWith(run.stdout_text, "Impossible d'écrire dans le dossier des sessions");
  EXPECT_EQ(line.rfind("PROBLÈME", 0), 0u) << run.stdout_text;
  EXPECT_TRUE(Has(line, sessions.at.string())) << line;
  EXPECT_TRUE(Has(run.stdout_text, "sessions_dir dans atelier.conf")) << run.stdout_text;
}

TEST(Doctor, AClockSetBackBeforeTheNewestSessionIsAWarning) {
  Machine machine("clock");
  fs::path sessions = machine.data / "atelier" / "sessions";
  fs::create_directories(sessions);
  fs::path session = sessions / "atelier-de-mardi.atelier";
  fs::path dir = session.parent_path().parent_path();
  // A real session, written by the kiosk.
  auto quit = WriteScript(dir, "quit.jsonl", {{{"t", 300}, {"quit", true}}});
  e2e::Run kiosk = RunAtelier({"--size", "1280x720", "--session", session.string(), "--input-script", quit.string()}, 120,
                         machine.Env());
  ASSERT_EQ(kiosk.exit_code, 0) << kiosk.stderr_text;
  ASSERT_TRUE(fs::exists(session));
  const auto written = std::chrono::file_clock::to_sys(fs::last_write_time(session));
  auto ms = [](auto t) { return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count()); };

  // A Raspberry Pi booted without network nor RTC: a year before the session was written.
  e2e::Run back = machine.Doctor({}, {"ATELIER_DOCTOR_NOW_MS=" + ms(written - std::chrono::hours(24 * 365))});
  EXPECT_EQ(back.exit_code, 0) << back.stdout_text << back.stderr_text;  // a warning, not a problem
  std::string line = LineWith(back.stdout_text, "L'horloge indique");
  EXPECT_EQ(line.rfind("ATTENTION", 0), 0u) << back.stdout_text;
  EXPECT_TRUE(Has(line, "atelier-de-mardi.atelier")) << line;
  EXPECT_TRUE(Has(back.stdout_text, "fake-hwclock")) << back.stdout_text;

  e2e::Run right = machine.Doctor({}, {"ATELIER_DOCTOR_NOW_MS=" + ms(written + std::chrono::hours(1))});
  EXPECT_FALSE(Has(right.stdout_text, "L'horloge indique")) << right.stdout_text;
  EXPECT_TRUE(Has(right.stdout_text, "après la dernière session écrite (atelier-de-mardi.atelier)")) << right.stdout_text;
}

TEST(Doctor, SpeaksEnglishWithLangOrTheConfigFile) {
  Machine machine("english");
  e2e::Run run = machine.Doctor({"--lang", "en"});
  EXPECT_EQ(run.exit_code, 0) << run.stdout_text << run.stderr_text;
  const std::string& out = run.stdout_text;
  EXPECT_TRUE(Has(out, "check of this machine")) << out;
  EXPECT_TRUE(Has(LineWith(out, "Graphics: "), "software rendering")) << out;
  EXPECT_TRUE(Has(LineWith(out, "Screen "), "1920×1080 pixels")) << out;
  EXPECT_EQ(LineWith(out, "No touch screen found").rfind("WARNING", 0), 0u) << out;
  EXPECT_TRUE(Has(out, "Font: ")) << out;
  EXPECT_TRUE(Has(out, "Facilitator's PIN: set")) << out;
  EXPECT_FALSE(Has(out, "Écran")) << out;

  machine.Conf("lang = en\nfoo = bar\n");
  e2e::Run from_config = machine.Doctor();
  EXPECT_EQ(from_config.exit_code, 1) << from_config.stdout_text;
  EXPECT_TRUE(Has(from_config.stdout_text, "· line 2: there is no setting \"foo\"")) << from_config.stdout_text;
  e2e::Run french = machine.Doctor({"--lang", "fr"});
  EXPECT_TRUE(Has(french.stdout_text, "· ligne 2 : le réglage « foo » n'existe pas")) << french.stdout_text;
}

TEST(Doctor, WithoutADisplayItSaysWhereToRunIt) {
  Machine machine("no-display");
  e2e::Run run = machine.Doctor({}, {"DISPLAY="});
  EXPECT_EQ(run.exit_code, 1) << run.stdout_text << run.stderr_text;
  EXPECT_EQ(LineWith(run.stdout_text, "Aucun écran graphique").rfind("PROBLÈME", 0), 0u) << run.stdout_text;
  // Mesa's surfaceless EGL still tells whether the driver works (platform-notes.md).
  EXPECT_TRUE(Has(LineWith(run.stdout_text, "Aucun écran graphique"), "hors écran, le pilote donne OpenGL ES"))
      << run.stdout_text;
  EXPECT_TRUE(Has(run.stdout_text, "DISPLAY=:0 atelier doctor")) << run.stdout_text;
  EXPECT_TRUE(Has(run.stdout_text, "Police : ")) << run.stdout_text;  // the checks that need no display still run
}

}  // namespace
}  // namespace atelier::e2e
