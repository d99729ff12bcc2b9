// The facilitator panel's "Exporter" page end to end, on the real kiosk under Xvfb, as root with
// stand-in USB sticks under /media (unique names, always unmounted at the end):
//   - "Exporter dans le dossier des séances" writes the bundle beside the session: each file there and
//     valid (pdfinfo, the PNG's size, the card in the CSV and the events, the session copy read
//     by `atelier info`);
//   - "Exporter sur la clé USB" writes it on the stick, which is unmounted after, and the kiosk
//     says "Vous pouvez retirer la clé" (its log of what the page shows);
//   - a full stick and a read-only stick get their French message and keep nothing that looks
//     complete; the session is untouched.
// The stick is a folder of a tmpfs bind-mounted at /media/NAME, so its files can still be
// read after the kiosk unmounted it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e_support.h"
#include "facilitator_support.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;

struct Script : e2e::ScriptLines<Script> {
  Script& EnterPanel() {
    t = EnterPanelLines(lines, t);
    return *this;
  }
  Script& Shot(const fs::path& png) { return Add({{"screenshot", png.string()}}, 50); }
};

bool Mounted(const fs::path& point) {
  std::ifstream in("/proc/self/mountinfo");
  std::string line;
  const std::string wanted = " " + point.string() + " ";
  while (std::getline(in, line))
    if (line.find(wanted) != std::string::npos) return true;
  return false;
}

// A stand-in stick at /media/<name>: a tmpfs of its own (`options`), or, for one that is read
// after the kiosk unmounted it, a folder of a tmpfs bind-mounted there.
class Stick {
 public:
  Stick(const std::string& name, const std::string& options, bool keep_after_unmount) {
    m_point = fs::path("/media") / (name + "_" + std::to_string(::getpid()));
    fs::create_directories(m_point);
    if (keep_after_unmount) {
      m_backing = FreshDir(name + "-backing");
      m_ok = RunProgram({"mount", "-t", "tmpfs", "-o", options, "tmpfs", m_backing.string()}).exit_code == 0;
      fs::create_directories(m_backing / "stick");
      m_ok = m_ok && RunProgram({"mount", "--bind", (m_backing / "stick").string(), m_point.string()}).exit_code == 0;
    } else {
      m_ok = RunProgram({"mount", "-t", "tmpfs", "-o", options, "tmpfs", m_point.string()}).exit_code == 0;
    }
  }
  ~Stick() {
    for (int i = 0; i < 3 && Mounted(m_point); ++i) RunProgram({"umount", "-l", m_point.string()});
    if (!m_backing.empty()) RunProgram({"umount", "-l", m_backing.string()});
    std::error_code ec;
    fs::remove(m_point, ec);
  }
  bool ok() const { return m_ok; }
  const fs::path& point() const { return m_point; }
  fs::path files() const { return m_backing.empty() ? m_point : m_backing / "stick"; }
  std::string name() const { return m_point.filename().string(); }

 private:
  fs::path m_point, m_backing;
  bool m_ok = false;
};

// The folders in dir whose name is an export's ("… – export 2026-12-02 14h05"), and the others.
std::vector<fs::path> Entries(const fs::path& dir, bool exports) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const bool is_export = e.is_directory() && e.path().filename().string().find(" – export ") != std::string::npos &&
                           e.path().filename().string()[0] != '.';
    if (is_export == exports) out.push_back(e.path());
  }
  return out;
}

// Each file of a bundle is there and valid; the card's text is in what holds text.
std::size_t EventCount(const fs::path& session);

void CheckBundle(const fs::path& folder, const fs::path& session, const std::string& card) {
  const std::string session_name = session.filename().string();
  SCOPED_TRACE(folder.string());
  for (const char* name : {"rapport.pdf", "rapport.html", "carte.png", "cartes.csv", "evenements.jsonl"})
    EXPECT_TRUE(fs::is_regular_file(folder / name)) << name;
  EXPECT_TRUE(fs::is_regular_file(folder / session_name));
  for (const auto& e : fs::directory_iterator(folder))
    EXPECT_NE(e.path().filename().string()[0], '.') << "a temporary file was left: " << e.path();
  Run pdf = RunProgram({"pdfinfo", (folder / "rapport.pdf").string()});
  EXPECT_EQ(pdf.exit_code, 0) << pdf.stderr_text;
  EXPECT_NE(pdf.stdout_text.find("Pages:"), std::string::npos);
  Run text = RunProgram({"pdftotext", (folder / "rapport.pdf").string(), "-"});
  EXPECT_NE(text.stdout_text.find("Café"), std::string::npos) << text.stdout_text;
  // The report with its replay: a whole page, holding the card, nothing fetched from elsewhere
  // (tests/e2e/html_report_test.cpp opens such a page in Chromium).
  const std::string html = ReadBytes(folder / "rapport.html");
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_NE(html.find("Café"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  Png png = ReadPng(folder / "carte.png");
  EXPECT_EQ(png.width, 1920);
  EXPECT_EQ(png.height, 1080);
  EXPECT_NE(ReadBytes(folder / "cartes.csv").find(card), std::string::npos);
  std::istringstream jsonl(ReadBytes(folder / "evenements.jsonl"));
  std::string line;
  int lines = 0;
  while (std::getline(jsonl, line)) {
    EXPECT_TRUE(nlohmann::json::accept(line)) << line;
    ++lines;
  }
  EXPECT_GT(lines, 1);
  // The copy opens with the CLI and holds the same session: title, events.
  Run info = RunAtelier({"info", (folder / session_name).string(), "--json"});
  ASSERT_EQ(info.exit_code, 0) << info.stderr_text;
  Run original = RunAtelier({"info", session.string(), "--json"});
  ASSERT_EQ(original.exit_code, 0) << original.stderr_text;
  EXPECT_EQ(nlohmann::json::parse(info.stdout_text).value("title", "?"),
            nlohmann::json::parse(original.stdout_text).value("title", "!"));
  EXPECT_EQ(EventCount(folder / session_name), EventCount(session));
  // The folder is named for people: the session's title ("Atelier du 02/12/2026", its / made
  // a -, which no stick accepts in a name), then the date.
  std::string title = nlohmann::json::parse(original.stdout_text).value("title", "?");
  std::replace(title.begin(), title.end(), '/', '-');
  EXPECT_EQ(folder.filename().string().rfind(title + " – export ", 0), 0u) << title;
}

std::size_t EventCount(const fs::path& session) {
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
  if (!opened) return 0;
  auto loaded = opened.session->Load();
  return loaded.ok() ? loaded->events.size() : 0;
}

constexpr const char* kCard = "Café « Œuvre »";

// A session with one card, recorded by the kiosk first.
fs::path RecordedSession(const fs::path& dir) {
  const fs::path session = dir / "export-e2e.atelier";
  Script s;
  s.Tap("Ajouter une carte", 400).Add({{"text", kCard}}, 200).Tap("Valider", 400).Add({{"quit", true}});
  auto script = WriteScript(dir, "card.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                        "--quit-after-script"},
                       180);
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  return session;
}

class ExportPage : public testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "stand-in USB sticks are mounts: root only";
  }
};

TEST_F(ExportPage, BesideTheSessionThenOnTheStickWhichIsThenUnmounted) {
  auto dir = FreshDir("export-page");
  const fs::path session = RecordedSession(dir);
  Stick stick("ATELIER_E2E", "size=64m", true);
  ASSERT_TRUE(stick.ok());
  Script s;
  s.EnterPanel().Tap("Exporter", 400).Shot(dir / "page.png");
  s.Tap("Exporter dans le dossier des séances", 400).Shot(dir / "beside.png");
  s.Tap("Exporter sur la clé USB", 1500).Shot(dir / "stick.png").Add({{"quit", true}});
  auto script = WriteScript(dir, "export.jsonl", s.lines);
  const std::size_t events = EventCount(session);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                        "--quit-after-script"},
                       400, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;

  std::vector<fs::path> beside = Entries(dir, true);
  ASSERT_EQ(beside.size(), 1u) << run.stderr_text;
  CheckBundle(beside[0], session, kCard);

  EXPECT_FALSE(Mounted(stick.point())) << "the stick is still mounted\n" << run.stderr_text;
  std::vector<fs::path> on_stick = Entries(stick.files(), true);
  ASSERT_EQ(on_stick.size(), 1u) << run.stderr_text;
  EXPECT_TRUE(Entries(stick.files(), false).empty()) << "something else was left on the stick";
  CheckBundle(on_stick[0], session, kCard);
  EXPECT_NE(run.stderr_text.find("Vous pouvez retirer la clé"), std::string::npos) << run.stderr_text;
  EXPECT_EQ(EventCount(session), events);  // exporting wrote nothing into the session
}

TEST_F(ExportPage, AFullStickSaysSoAndKeepsNothingThatLooksComplete) {
  auto dir = FreshDir("export-full");
  const fs::path session = RecordedSession(dir);
  Stick stick("ATELIER_FULL", "size=16k", false);  // smaller than the session copy alone
  ASSERT_TRUE(stick.ok());
  Script s;
  s.EnterPanel().Tap("Exporter", 400).Tap("Exporter sur la clé USB", 400).Shot(dir / "full.png");
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "full.jsonl", s.lines);
  const std::size_t events = EventCount(session);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                        "--quit-after-script"},
                       400, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("est pleine"), std::string::npos) << run.stderr_text;
  EXPECT_TRUE(Mounted(stick.point()));  // not unmounted: the person may free some space
  EXPECT_TRUE(Entries(stick.point(), true).empty());
  EXPECT_TRUE(Entries(stick.point(), false).empty()) << "the temporary folder was left";
  EXPECT_EQ(EventCount(session), events);
}

TEST_F(ExportPage, AReadOnlyStickSaysSo) {
  auto dir = FreshDir("export-ro");
  const fs::path session = RecordedSession(dir);
  Stick stick("ATELIER_RO", "size=4m,ro", false);
  ASSERT_TRUE(stick.ok());
  Script s;
  s.EnterPanel().Tap("Exporter", 400).Tap("Exporter sur la clé USB", 400).Shot(dir / "ro.png");
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "ro.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--session", session.string(), "--input-script", script.string(),
                        "--quit-after-script"},
                       400, {ConfigWithPin()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("protégée en écriture"), std::string::npos) << run.stderr_text;
  EXPECT_TRUE(Entries(stick.point(), true).empty());
  EXPECT_TRUE(Entries(dir, true).empty());  // nothing beside the session either
}

}  // namespace
}  // namespace atelier::e2e
