// The panel's Téléphones page end to end (docs/phones.md): the real kiosk under Xvfb, the panel
// opened with the PIN by an input script, the phones switched off and on again from the page,
// the page's QR code read from the screenshot by a real reader (zbarimg) and its address used
// by a real client (Python's http.client); "Nouveau lien" retires the old link; switching off
// refuses new connections and closes one held open. The script waits ({"wait_for_file"}) while
// the test does its part, so nothing depends on how fast either side runs.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "facilitator_support.h"
#include "session_process.h"
#include "store/pin_file.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct Script : ScriptLines<Script> {
  Script() { tap_gap = 300; }
  Script& EnterPanel() {
    t = EnterPanelLines(lines, t);
    return *this;
  }
  Script& Shot(const fs::path& png) { return Add({{"screenshot", png.string()}}, 100); }
  Script& WaitFor(const fs::path& file) { return Add({{"wait_for_file", file.string()}}, 100); }
};

// A config folder (the Kiosk's own, dir/config) with the test PIN.
void GivePin(const fs::path& dir) {
  auto hash = store::HashPin(kTestPin);
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(store::SavePinHash(store::PinFilePath(dir / "config" / "atelier"), *hash).ok());
}

// What zbarimg reads in a picture ("" when nothing); tries again while the file is being written.
std::string ReadQrCodes(const fs::path& png) {
  for (int i = 0; i < 3000; ++i) {  // up to 5 minutes: a loaded machine draws the script slowly
    if (fs::exists(png)) {
      Run read = RunProgram({"zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.string()}, 60);
      if (read.exit_code == 0 && !read.stdout_text.empty()) return read.stdout_text;
      if (read.exit_code == 4) return "";  // read, and no code in it
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}

bool WaitForFile(const fs::path& file, Kiosk& kiosk) {
  for (int i = 0; i < 3000 && kiosk.Running(); ++i) {
    if (fs::exists(file) && fs::file_size(file) > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // written to the end
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

void Go(const fs::path& file) { std::ofstream(file) << "go\n"; }

// How many times a line containing text is in the kiosk's stderr, waiting (bounded) for count.
bool WaitForLines(Kiosk& kiosk, const std::string& text, int count) {
  for (int i = 0; i < 3000 && kiosk.Running(); ++i) {
    const std::string err = kiosk.StderrText();
    int n = 0;
    for (std::size_t at = err.find(text); at != std::string::npos; at = err.find(text, at + 1)) ++n;
    if (n >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// GET path or POST a card with Python's http.client; "STATUS" then the body's first line.
std::string Http(int port, const std::string& method, const std::string& path, const std::string& body = "") {
  const char* script =
      "import http.client, sys\n"
      "c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=20)\n"
      "c.request(sys.argv[2], sys.argv[3], body=sys.argv[4].encode('utf-8') if sys.argv[4] else None,\n"
      "          headers={'Content-Type': 'application/json'})\n"
      "r = c.getresponse()\n"
      "print(r.status, r.read().decode('utf-8')[:200].replace('\\n', ' '))\n";
  Run run = RunProgram({"python3", "-c", script, std::to_string(port), method, path, body}, 60);
  return run.stdout_text;
}

std::string PostCard(int port, const std::string& token, const std::string& text, const std::string& key) {
  return Http(port, "POST", "/api/cards", json{{"token", token}, {"text", text}, {"colour", "teal"}, {"key", key}}.dump());
}

struct PhoneUrl {
  int port = 0;
  std::string token;
};
bool ParseUrl(const std::string& url, PhoneUrl& out) {
  static const std::regex kUrl(R"(http://127\.0\.0\.1:(\d+)/\?t=([0-9a-f]{32})\s*)");
  std::smatch m;
  if (!std::regex_match(url, m, kUrl)) return false;
  out.port = std::stoi(m[1]);
  out.token = m[2];
  return true;
}

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

TEST(PhonesPanel, SwitchedOnFromThePanelItsQrCodeOpensTheServerNewLinkAndOffCloseEverything) {
  auto dir = FreshDir("phones-panel");
  GivePin(dir);
  const auto session = dir / "telephones.atelier";
  Script s;
  s.EnterPanel().Tap("Téléphones", 500).Shot(dir / "at-launch.png");
  s.Tap("Éteindre les téléphones", 500).Shot(dir / "off.png").WaitFor(dir / "go1");
  s.Tap("Allumer les téléphones", 600).Shot(dir / "on.png").WaitFor(dir / "go2");
  s.Tap("Nouveau lien", 600).Shot(dir / "new-link.png").WaitFor(dir / "go3");
  s.Tap("Éteindre les téléphones", 600).Shot(dir / "off-again.png").WaitFor(dir / "go4");
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "panel.jsonl", s.lines);
  Kiosk kiosk({"--windowed", "--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--phones",
               "127.0.0.1:0", "--input-script", script.string(), "--quit-after-script"},
              dir / "stderr.txt");
  ASSERT_TRUE(kiosk.started());

  // On at launch (--phones): the page shows the code of the address printed on stderr.
  ASSERT_TRUE(WaitForLines(kiosk, "phones: http://", 1)) << kiosk.StderrText();
  PhoneUrl launch;
  ASSERT_TRUE(ParseUrl(ReadQrCodes(dir / "at-launch.png"), launch)) << ReadQrCodes(dir / "at-launch.png");
  EXPECT_NE(kiosk.StderrText().find("phones: http://127.0.0.1:" + std::to_string(launch.port) + "/?t=" + launch.token),
            std::string::npos);

  // Off: the port refuses, the page shows no code.
  ASSERT_TRUE(WaitForLines(kiosk, "phones: off", 1)) << kiosk.StderrText();
  ASSERT_TRUE(WaitForFile(dir / "off.png", kiosk));
  EXPECT_EQ(Connect(launch.port), -1);
  EXPECT_EQ(ReadQrCodes(dir / "off.png"), "");
  Go(dir / "go1");

  // On again from the page: its QR code is the address the server answers on.
  ASSERT_TRUE(WaitForFile(dir / "on.png", kiosk)) << kiosk.StderrText();
  const std::string on_text = ReadQrCodes(dir / "on.png");
  PhoneUrl on;
  ASSERT_TRUE(ParseUrl(on_text, on)) << on_text;
  EXPECT_NE(on.token, launch.token);  // a new server, new tokens
  std::string page = Http(on.port, "GET", "/?t=" + on.token);
  EXPECT_EQ(page.rfind("200 ", 0), 0u) << page;
  std::string posted = PostCard(on.port, on.token, "Depuis le code du panneau", "panel-qr-0001");
  EXPECT_EQ(posted.rfind("201 ", 0), 0u) << posted << kiosk.StderrText();
  Go(dir / "go2");

  // "Nouveau lien": the old token is 404, the new code's works.
  ASSERT_TRUE(WaitForFile(dir / "new-link.png", kiosk)) << kiosk.StderrText();
  const std::string new_text = ReadQrCodes(dir / "new-link.png");
  PhoneUrl fresh;
  ASSERT_TRUE(ParseUrl(new_text, fresh)) << new_text;
  EXPECT_EQ(fresh.port, on.port);
  EXPECT_NE(fresh.token, on.token);
  EXPECT_EQ(Http(on.port, "GET", "/?t=" + on.token).rfind("404 ", 0), 0u);
  EXPECT_EQ(PostCard(on.port, on.token, "Ancien lien", "panel-qr-0002").rfind("404 ", 0), 0u);
  posted = PostCard(fresh.port, fresh.token, "Nouveau lien", "panel-qr-0003");
  EXPECT_EQ(posted.rfind("201 ", 0), 0u) << posted;
  // A connection held open (keep-alive, answered once) before the switch goes off.
  int held = Connect(fresh.port);
  ASSERT_GE(held, 0);
  const std::string get = "GET /?t=" + fresh.token + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  ASSERT_EQ(write(held, get.data(), get.size()), static_cast<ssize_t>(get.size()));
  std::string answer;
  char buf[8192];
  while (answer.find("</html>") == std::string::npos) {
    pollfd p{.fd = held, .events = POLLIN, .revents = 0};
    ASSERT_GT(poll(&p, 1, 20000), 0);
    ssize_t n = read(held, buf, sizeof buf);
    ASSERT_GT(n, 0);
    answer.append(buf, static_cast<std::size_t>(n));
  }
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u);
  Go(dir / "go3");

  // Off: the held connection is closed by the kiosk, and the port refuses new ones.
  ASSERT_TRUE(WaitForLines(kiosk, "phones: off", 2)) << kiosk.StderrText();
  pollfd p{.fd = held, .events = POLLIN, .revents = 0};
  ASSERT_GT(poll(&p, 1, 20000), 0) << "the held connection is still open";
  EXPECT_LE(read(held, buf, sizeof buf), 0);
  close(held);
  EXPECT_EQ(Connect(fresh.port), -1);
  ASSERT_TRUE(WaitForFile(dir / "off-again.png", kiosk));
  Go(dir / "go4");
  ASSERT_EQ(kiosk.Wait(), 0) << kiosk.StderrText();
}


TEST(PhonesPanel, OffByDefaultTheWifiCodeIsKeptAndTheBoardShowsTheCodeInItsCornerUnlessLocked) {
  auto dir = FreshDir("phones-wifi");
  GivePin(dir);
  const auto session = dir / "wifi.atelier";
  // First run, no --phones and no phones_port: off. The Wi-Fi typed on the page, and "Montrer".
  Script s;
  s.EnterPanel().Tap("Téléphones", 500).Shot(dir / "off.png");
  s.Tap("Wi-Fi du lieu", 400).Tap("Touchez pour l'écrire", 500);
  s.Add({{"text", "Salle; 2e:étage"}}, 300).Add({{"key", "enter"}}, 400);
  s.Tap("Aucun (réseau ouvert)", 500).Add({{"text", "court"}}, 300).Add({{"key", "enter"}}, 400);
  s.Shot(dir / "short-password.png");  // refused: too short, said above the keys
  s.Add({{"text", " mais sûr"}}, 300).Add({{"key", "enter"}}, 400).Shot(dir / "wifi.png");
  s.Tap("Retour", 400).Tap("Montrer", 400).Add({{"quit", true}});
  auto script = WriteScript(dir, "wifi.jsonl", s.lines);
  Kiosk first({"--windowed", "--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--input-script",
               script.string(), "--quit-after-script"},
              dir / "stderr.txt");
  ASSERT_EQ(first.Wait(std::chrono::seconds(500)), 0) << first.StderrText();
  EXPECT_EQ(first.StderrText().find("phones: http"), std::string::npos) << "the server started by itself";
  EXPECT_EQ(ReadQrCodes(dir / "off.png"), "");
  EXPECT_EQ(ReadQrCodes(dir / "wifi.png"), "WIFI:T:WPA;S:Salle\\; 2e\\:étage;P:court mais sûr;;\n");
  const std::string conf = ReadBytes(dir / "config" / "atelier" / "atelier.conf");
  EXPECT_NE(conf.find("wifi_name = Salle; 2e:étage"), std::string::npos) << conf;
  EXPECT_NE(conf.find("wifi_password = court mais sûr"), std::string::npos) << conf;
  EXPECT_NE(conf.find("phones_board_qr = yes"), std::string::npos) << conf;

  // Second run, on at launch: the board shows the phones' code in its corner (the setting was
  // kept), the panel shows both codes; locked, the board shows none.
  Script t;
  t.Shot(dir / "board.png").EnterPanel().Tap("Téléphones", 500).Shot(dir / "both.png");
  t.Tap("Tableau", 300).Tap("Verrouiller le tableau", 300).Tap("Fermer le panneau", 500).Shot(dir / "locked.png");
  t.Add({{"quit", true}});
  auto again = WriteScript(dir, "board.jsonl", t.lines);
  Kiosk second({"--windowed", "--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--phones",
                "127.0.0.1:0", "--input-script", again.string(), "--quit-after-script"},
               dir / "stderr2.txt");
  ASSERT_EQ(second.Wait(std::chrono::seconds(500)), 0) << second.StderrText();
  std::smatch m;
  const std::string err = second.StderrText();
  ASSERT_TRUE(std::regex_search(err, m, std::regex(R"(phones: (http://\S+))"))) << err;
  const std::string url = m[1];
  EXPECT_EQ(ReadQrCodes(dir / "board.png"), url + "\n");
  const std::string both = ReadQrCodes(dir / "both.png");
  EXPECT_NE(both.find(url), std::string::npos) << both;
  EXPECT_NE(both.find("WIFI:T:WPA;S:Salle"), std::string::npos) << both;
  EXPECT_EQ(ReadQrCodes(dir / "locked.png"), "");
}

}  // namespace
}  // namespace atelier::e2e
