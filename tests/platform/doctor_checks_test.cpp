// `atelier doctor`'s checks from facts given by hand: the clock against the newest session, the
// free-space threshold, the config file's ignored lines, the PIN, screens and GL, and the report
// in French and English (the build's compiled translations).
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "platform/config.h"
#include "platform/doctor_checks.h"
#include "ui/i18n.h"

namespace atelier::platform {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("atelier-doctor-test-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void French() { ui::InitTranslations("fr", ATELIER_TEST_LOCALE_DIR); }
void English() { ui::InitTranslations("en", ATELIER_TEST_LOCALE_DIR); }

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

constexpr std::int64_t kDay = 24 * 3600 * 1000LL;
constexpr std::int64_t kNewest = 1'795'000'000'000;  // some day in 2026

TEST(DoctorClock, ClockBeforeTheNewestSessionIsAWarning) {
  French();
  NewestSession newest{"/s/2026-11-30_atelier.atelier", kNewest};
  Finding f = CheckClock(kNewest - 400 * kDay, newest);
  EXPECT_EQ(f.level, Level::Warning);
  EXPECT_TRUE(Has(f.message, "2026-11-30_atelier.atelier")) << f.message;
  EXPECT_TRUE(Has(f.advice, "fake-hwclock")) << f.advice;
  EXPECT_TRUE(Has(f.advice, "RTC")) << f.advice;
}

TEST(DoctorClock, ClockAfterOrJustAroundTheNewestSessionIsFine) {
  NewestSession newest{"/s/a.atelier", kNewest};
  EXPECT_EQ(CheckClock(kNewest + kDay, newest).level, Level::Ok);
  EXPECT_EQ(CheckClock(kNewest - 30 * 1000, newest).level, Level::Ok);  // a network clock's small step back
  EXPECT_EQ(CheckClock(kNewest - 5 * 60 * 1000, newest).level, Level::Warning);
  EXPECT_EQ(CheckClock(kNewest, std::nullopt).level, Level::Ok);  // nothing to compare with
}

TEST(DoctorClock, TheNewestSessionIsTheLastWrittenFileItsWalIncluded) {
  fs::path dir = FreshDir("newest");
  EXPECT_FALSE(FindNewestSession(dir));
  EXPECT_FALSE(FindNewestSession(dir / "missing"));
  const auto base = fs::file_time_type::clock::now() - std::chrono::hours(1000);
  auto touch = [&](const std::string& name, std::chrono::hours after) {
    std::ofstream(dir / name) << "x";
    fs::last_write_time(dir / name, base + after);
  };
  touch("old.atelier", std::chrono::hours(1));
  touch("new.atelier", std::chrono::hours(2));
  touch("notes.txt", std::chrono::hours(50));  // not a session
  auto newest = FindNewestSession(dir);
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->file.filename(), "new.atelier");
  touch("old.atelier-wal", std::chrono::hours(3));  // old.atelier was written last, through its WAL
  newest = FindNewestSession(dir);
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->file.filename(), "old.atelier");
  EXPECT_EQ(CheckClock(newest->written_ms - kDay, newest).level, Level::Warning);
}

TEST(DoctorSessions, FreeSpaceUnder500MbIsAWarning) {
  French();
  SessionsFacts facts{.dir = "/s", .writable = true, .free_bytes = 499'000'000};
  auto low = CheckSessions(facts);
  ASSERT_EQ(low.size(), 2u);
  EXPECT_EQ(low[0].level, Level::Ok);
  EXPECT_EQ(low[1].level, Level::Warning);
  EXPECT_TRUE(Has(low[1].message, "499 Mo")) << low[1].message;
  EXPECT_EQ(ExitCode(low), 0);
  facts.free_bytes = kLowSpaceBytes;
  EXPECT_EQ(CheckSessions(facts)[1].level, Level::Ok);
  facts.free_bytes = 12'345'000'000;
  EXPECT_TRUE(Has(CheckSessions(facts)[1].message, "12 Go")) << CheckSessions(facts)[1].message;
}

TEST(DoctorSessions, AFolderThatCannotBeWrittenIsAProblem) {
  French();
  auto out = CheckSessions({.dir = "/media/ro/sessions", .writable = false, .write_error = "Read-only file system"});
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].level, Level::Problem);
  EXPECT_TRUE(Has(out[0].message, "/media/ro/sessions")) << out[0].message;
  EXPECT_TRUE(Has(out[0].message, "Read-only file system")) << out[0].message;
  EXPECT_EQ(ExitCode(out), 1);
}

TEST(DoctorSessions, TheProbeWritesAndRemovesAFileAndCreatesAMissingFolder) {
  fs::path dir = FreshDir("probe");
  SessionsFacts here = ProbeSessionsDir(dir);
  EXPECT_TRUE(here.writable) << here.write_error;
  EXPECT_FALSE(here.created);
  ASSERT_TRUE(here.free_bytes);
  EXPECT_GT(*here.free_bytes, 0u);
  EXPECT_TRUE(fs::is_empty(dir));  // nothing left behind
  SessionsFacts fresh = ProbeSessionsDir(dir / "a" / "sessions");
  EXPECT_TRUE(fresh.created);
  EXPECT_TRUE(fresh.writable) << fresh.write_error;
  std::ofstream(dir / "file") << "x";  // a file where the folder should be
  SessionsFacts blocked = ProbeSessionsDir(dir / "file" / "sessions");
  EXPECT_FALSE(blocked.writable);
  EXPECT_FALSE(blocked.write_error.empty());
}

TEST(DoctorConfig, EveryIgnoredLineIsReportedWithItsNumberAndWhy) {
  French();
  ConfigFacts facts{.file = "/home/kiosque/.config/atelier/atelier.conf", .exists = true};
  facts.load = ParseConfig("# réglages\nlang = de\ncouleur = rouge\n\nui_scale = grand\nn'importe quoi\nkeyboard = qwerty\n",
                           "atelier.conf");
  ASSERT_EQ(facts.load.ignored.size(), 4u);
  EXPECT_EQ(facts.load.ignored[0].line, 2);
  EXPECT_EQ(facts.load.ignored[0].why, IgnoredLine::Why::WrongValue);
  EXPECT_EQ(facts.load.ignored[1].line, 3);
  EXPECT_EQ(facts.load.ignored[1].why, IgnoredLine::Why::UnknownKey);
  EXPECT_EQ(facts.load.ignored[2].line, 5);
  EXPECT_EQ(facts.load.ignored[2].why, IgnoredLine::Why::NotANumber);
  EXPECT_EQ(facts.load.ignored[3].line, 6);
  EXPECT_EQ(facts.load.ignored[3].why, IgnoredLine::Why::NotKeyValue);
  EXPECT_EQ(facts.load.warnings.size(), 4u);  // the kiosk's stderr lines are still there
  EXPECT_EQ(facts.load.config.keyboard, "qwerty");

  Finding out = CheckConfig(facts);
  EXPECT_EQ(out.level, Level::Problem);
  EXPECT_TRUE(Has(out.message, "4 ligne(s) ignorée(s)")) << out.message;
  ASSERT_EQ(out.details.size(), 4u);
  EXPECT_TRUE(Has(out.details[0], "ligne 2") && Has(out.details[0], "« de »") && Has(out.details[0], "lang")) << out.details[0];
  EXPECT_TRUE(Has(out.details[1], "ligne 3") && Has(out.details[1], "« couleur »")) << out.details[1];
  EXPECT_TRUE(Has(out.details[2], "ligne 5") && Has(out.details[2], "« grand »")) << out.details[2];
  EXPECT_TRUE(Has(out.details[3], "ligne 6") && Has(out.details[3], "n'importe quoi")) << out.details[3];
  EXPECT_TRUE(Has(out.advice, "screen_width_mm")) << out.advice;  // the keys that exist
  EXPECT_TRUE(Has(out.advice, "azerty ou qwerty")) << out.advice;  // the values that do
  EXPECT_EQ(ExitCode({out}), 1);
  std::string report = FormatReport({out});
  EXPECT_TRUE(Has(report, "\n           · ligne 3 : le réglage « couleur » n'existe pas\n")) << report;
}

TEST(DoctorConfig, NoFileOrAGoodOneIsFine) {
  EXPECT_EQ(CheckConfig({.file = "/x/atelier.conf", .exists = false}).level, Level::Ok);
  ConfigFacts good{.file = "/x/atelier.conf", .exists = true};
  good.load = ParseConfig("lang = en\nui_scale = 1.5\n", "atelier.conf");
  EXPECT_EQ(CheckConfig(good).level, Level::Ok);
}

TEST(DoctorPin, NoPinIsAProblemAFileOrAConfigHashIsFine) {
  French();
  ConfigFacts none{.file = "/x/atelier.conf"};
  Finding f = CheckPin(none);
  EXPECT_EQ(f.level, Level::Problem);
  EXPECT_TRUE(Has(f.advice, "atelier --set-pin")) << f.advice;
  ConfigFacts file{.file = "/x/atelier.conf", .pin_file = true};
  EXPECT_EQ(CheckPin(file).level, Level::Ok);
  ConfigFacts deployed{.file = "/x/atelier.conf", .exists = true};
  deployed.load = ParseConfig("pin_hash = $argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\n", "atelier.conf");
  EXPECT_EQ(CheckPin(deployed).level, Level::Ok);
  EXPECT_TRUE(Has(CheckPin(deployed).message, "pin_hash")) << CheckPin(deployed).message;
}

TEST(DoctorScreens, ANonsenseSizeSaysToSetTheWidthAndTheScaleFollowsTheKiosk) {
  French();
  GlFacts gl{.display = true, .context = true};
  MonitorFacts tv{.name = "HDMI-1", .primary = true, .width_px = 1920, .height_px = 1080, .refresh_hz = 60};
  auto unknown = CheckScreens(gl, {tv}, {});
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[0].level, Level::Warning);
  EXPECT_TRUE(Has(unknown[0].message, "1920×1080")) << unknown[0].message;
  EXPECT_TRUE(Has(unknown[0].message, "inconnue")) << unknown[0].message;
  EXPECT_TRUE(Has(unknown[0].advice, "screen_width_mm")) << unknown[0].advice;
  EXPECT_TRUE(Has(unknown[0].advice, "ui_scale")) << unknown[0].advice;
  EXPECT_TRUE(Has(unknown[1].message, "1.00")) << unknown[1].message;  // by the resolution: 1080 px high

  tv.width_mm = 16;  // 3 000 dpi
  EXPECT_TRUE(Has(CheckScreens(gl, {tv}, {})[0].message, "invraisemblable")) << CheckScreens(gl, {tv}, {})[0].message;

  Config corrected;
  corrected.screen_width_mm = 1430;  // a 65" TV
  auto fixed = CheckScreens(gl, {tv}, corrected);
  EXPECT_EQ(fixed[0].level, Level::Ok);
  EXPECT_EQ(fixed[1].level, Level::Ok);
  EXPECT_TRUE(Has(fixed[1].message, "mm")) << fixed[1].message;

  MonitorFacts laptop{.name = "eDP-1", .primary = true, .width_px = 1920, .height_px = 1080, .width_mm = 294, .height_mm = 165};
  Config small;
  small.ui_scale = 0.5f;  // targets far under 19 mm
  auto tiny = CheckScreens(gl, {laptop}, small);
  EXPECT_EQ(tiny[0].level, Level::Ok);
  EXPECT_EQ(tiny[1].level, Level::Warning);
  EXPECT_TRUE(Has(tiny[1].message, "0.50")) << tiny[1].message;
  EXPECT_EQ(CheckScreens(gl, {laptop}, {})[1].level, Level::Ok);  // the automatic scale reaches 19 mm

  EXPECT_EQ(CheckScreens(gl, {}, {})[0].level, Level::Problem);
  EXPECT_TRUE(CheckScreens(GlFacts{}, {}, {}).empty());  // no display: CheckGl says so once
}

TEST(DoctorGl, SoftwareRenderingIsAWarningNoDisplayAProblem) {
  French();
  GlFacts soft{.display = true, .context = true, .version = "OpenGL ES 3.2 Mesa 22.3.6", .renderer = "llvmpipe (LLVM 15.0.6, 256 bits)"};
  EXPECT_EQ(CheckGl(soft).level, Level::Warning);
  EXPECT_TRUE(Has(CheckGl(soft).message, "llvmpipe")) << CheckGl(soft).message;
  GlFacts pi{.display = true, .context = true, .version = "OpenGL ES 3.1 Mesa 22.3.6", .renderer = "V3D 4.2"};
  EXPECT_EQ(CheckGl(pi).level, Level::Ok);
  Finding none = CheckGl({.display_error = "X11: The DISPLAY environment variable is missing"});
  EXPECT_EQ(none.level, Level::Problem);
  EXPECT_TRUE(Has(none.advice, "DISPLAY=:0")) << none.advice;
  EXPECT_EQ(CheckGl({.display = true, .context_error = "GLXBadFBConfig"}).level, Level::Problem);
  Finding ssh = CheckGl({.display_error = "X11: Failed to open display :0", .version = "OpenGL ES 3.2 Mesa 22.3.6",
                         .renderer = "llvmpipe", .offscreen = true});
  EXPECT_EQ(ssh.level, Level::Problem);  // the driver works, but the kiosk needs a screen
  EXPECT_TRUE(Has(ssh.message, "llvmpipe")) << ssh.message;
}

TEST(DoctorTouch, NoTouchScreenIsAWarning) {
  French();
  TouchFacts none{.display = true, .xi22 = true};
  EXPECT_EQ(CheckTouch(none)[0].level, Level::Warning);
  EXPECT_TRUE(Has(CheckTouch(none)[0].message, "souris")) << CheckTouch(none)[0].message;
  TouchFacts one{.display = true, .xi22 = true, .devices = {{.name = "ILITEK Multi-Touch", .direct = true, .touches = 10}}};
  auto found = CheckTouch(one);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, Level::Ok);
  EXPECT_TRUE(Has(found[0].message, "ILITEK Multi-Touch") && Has(found[0].message, "10")) << found[0].message;
  TouchFacts pad{.display = true, .xi22 = true, .devices = {{.name = "Synaptics", .direct = false, .touches = 5}}};
  EXPECT_EQ(CheckTouch(pad)[0].level, Level::Warning);  // a touchpad is no touch screen
}

TEST(DoctorFont, FallbacksAreWarningsNoFontAProblem) {
  French();
  EXPECT_EQ(CheckFont({.found = true, .file = "/a/Andika-Regular.ttf", .family = "Andika"}).level, Level::Ok);
  EXPECT_EQ(CheckFont({.found = true, .file = "/d/DejaVuSans.ttf", .family = "DejaVu Sans"}).level, Level::Warning);
  Finding asked = CheckFont({.wanted = "Comic Neue", .found = true, .file = "/a/Andika-Regular.ttf", .family = "Andika"});
  EXPECT_EQ(asked.level, Level::Warning);
  EXPECT_TRUE(Has(asked.message, "Comic Neue")) << asked.message;
  EXPECT_EQ(CheckFont({.error = "no usable font"}).level, Level::Problem);
}

std::vector<Finding> Sample() {
  std::vector<Finding> findings;
  findings.push_back(CheckPin({.file = "/x/atelier.conf"}));
  findings.push_back(CheckTouch({.display = true, .xi22 = true})[0]);
  findings.push_back(CheckClock(kNewest, std::nullopt));
  return findings;
}

TEST(DoctorReport, FrenchByDefault) {
  French();
  std::string report = FormatReport(Sample());
  EXPECT_TRUE(Has(report, "bilan de cette machine")) << report;
  EXPECT_TRUE(Has(report, "PROBLÈME   Aucun code d'animateur")) << report;
  EXPECT_TRUE(Has(report, "ATTENTION  Aucun écran tactile")) << report;
  EXPECT_TRUE(Has(report, "OK         Horloge")) << report;
  EXPECT_TRUE(Has(report, "→ Définissez-le maintenant")) << report;
  EXPECT_TRUE(Has(report, "1 problème(s) à régler avant l'atelier, 1 point(s) à surveiller.")) << report;
  EXPECT_EQ(ExitCode(Sample()), 1);
}

TEST(DoctorReport, InEnglish) {
  English();
  std::string report = FormatReport(Sample());
  French();
  EXPECT_TRUE(Has(report, "check of this machine")) << report;
  EXPECT_TRUE(Has(report, "PROBLEM  No facilitator's PIN is set")) << report;
  EXPECT_TRUE(Has(report, "WARNING  No touch screen found")) << report;
  EXPECT_TRUE(Has(report, "→ Set it now, as the kiosk's user: atelier --set-pin")) << report;
  EXPECT_TRUE(Has(report, "1 problem(s) to fix before the workshop, 1 point(s) to watch.")) << report;
  EXPECT_FALSE(Has(report, "Aucun")) << report;
}

TEST(DoctorReport, WarningsAloneExitZeroAndJsonCarriesTheLevels) {
  French();
  std::vector<Finding> warnings{CheckTouch({.display = true, .xi22 = true})[0]};
  EXPECT_EQ(ExitCode(warnings), 0);
  EXPECT_TRUE(Has(FormatReport(warnings), "Aucun problème ; 1 point(s) à surveiller")) << FormatReport(warnings);
  EXPECT_TRUE(Has(FormatReport({}), "Tout va bien")) << FormatReport({});
  std::string json = ReportJson(Sample());
  EXPECT_TRUE(Has(json, "\"level\": \"problem\"")) << json;
  EXPECT_TRUE(Has(json, "\"check\": \"touch\"")) << json;
  EXPECT_TRUE(Has(json, "\"exit_code\": 1")) << json;
}

}  // namespace
}  // namespace atelier::platform
