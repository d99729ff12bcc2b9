// Phones join the workshop (docs/phones.md): the real kiosk under Xvfb with --phones on
// 127.0.0.1, a real HTTP client (Python's http.client) posting cards as a phone would, then the
// board it reports, the pixels it drew, and the session file reopened by `atelier export`.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "session_process.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

constexpr unsigned kPinkPaper = 0xffb3c7;  // core::kPalette "pink"

// Posts body to the kiosk as a phone does, with Python's http.client; prints "STATUS BODY".
std::string Post(int port, const json& body, const std::string& language = "fr-FR") {
  const char* script =
      "import http.client, sys\n"
      "c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=20)\n"
      "c.request('POST', '/api/cards', body=sys.argv[2].encode('utf-8'),\n"
      "          headers={'Content-Type': 'application/json', 'Accept-Language': sys.argv[3]})\n"
      "r = c.getresponse()\n"
      "print(r.status, r.read().decode('utf-8'))\n";
  Run run = RunProgram({"python3", "-c", script, std::to_string(port), body.dump(), language}, 60);
  return run.stdout_text;
}

// The "phones: http://127.0.0.1:PORT/?t=TOKEN" line the kiosk prints once it listens.
bool WaitForPhonesLine(Kiosk& kiosk, int& port, std::string& token, std::string& live) {
  static const std::regex kLine(R"(phones: http://127\.0\.0\.1:(\d+)/\?t=([0-9a-f]{32})\nlive: (http://\S+)\n)");
  for (int i = 0; i < 600 && kiosk.Running(); ++i) {
    std::smatch m;
    const std::string err = kiosk.StderrText();
    if (std::regex_search(err, m, kLine)) {
      port = std::stoi(m[1]);
      token = m[2];
      live = m[3];
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(Phones, ACardPostedByAPhoneIsOnTheBoardInTheFileAndOnTheScreen) {
  auto dir = FreshDir("phones");
  const auto session = dir / "atelier.atelier";
  Kiosk kiosk({"--windowed", "--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--phones",
               "127.0.0.1:0", "--screenshot", (dir / "shot.png").string(), "--dump-board",
               (dir / "board.json").string()},
              dir / "stderr.txt");
  ASSERT_TRUE(kiosk.started());
  int port = 0;
  std::string token, live;
  ASSERT_TRUE(WaitForPhonesLine(kiosk, port, token, live)) << kiosk.StderrText();
  EXPECT_TRUE(std::regex_match(live, std::regex(R"(http://127\.0\.0\.1:\d+/live\?t=[0-9a-f]{32})"))) << live;

  const json card{{"token", token}, {"text", "Écrit sur un téléphone"}, {"colour", "pink"}, {"zone", "financement"},
                  {"key", "e2e-card-0001"}};
  const std::string first = Post(port, card);
  EXPECT_EQ(first.rfind("201 ", 0), 0u) << first << kiosk.StderrText();
  json answer = json::parse(first.substr(4), nullptr, false);
  EXPECT_EQ(answer["state"], "on_board") << first;
  EXPECT_EQ(answer["message"], "Votre carte est sur le tableau.");
  EXPECT_EQ(Post(port, card), first);  // the phone retries: the first answer again, no second card
  json again = json::parse(Post(port, card, "en-GB").substr(4), nullptr, false);  // same answer, its words in English
  EXPECT_EQ(again["card"], answer["card"]);
  EXPECT_EQ(again["message"], "Your card is on the board.");
  const std::string english = Post(port, {{"token", token}, {"text", "No zone"}, {"colour", "blue"}, {"key", "e2e-card-0002"}}, "en-GB");
  EXPECT_EQ(english.rfind("201 ", 0), 0u) << english;
  EXPECT_NE(english.find("Your card is on the board."), std::string::npos) << english;
  EXPECT_EQ(Post(port, {{"token", token}, {"text", "x"}, {"zone", "nulle-part"}, {"key", "e2e-card-0003"}}).rfind("400 ", 0), 0u);
  EXPECT_EQ(Post(port, {{"token", "0123"}, {"text", "x"}, {"key", "e2e-card-0004"}}).rfind("404 ", 0), 0u);

  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // a few frames with the cards drawn
  kill(kiosk.pid(), SIGTERM);
  ASSERT_EQ(kiosk.Wait(), 0) << kiosk.StderrText();

  json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 2u) << board.dump(2);
  const json* on_board = CardWithText(board, "Écrit sur un téléphone");
  ASSERT_NE(on_board, nullptr) << board.dump(2);
  EXPECT_EQ((*on_board)["colour"], "pink");
  EXPECT_EQ((*on_board)["zone"], "financement");
  ASSERT_NE(CardWithText(board, "No zone"), nullptr);

  Png shot = ReadPng(dir / "shot.png");
  ASSERT_EQ(shot.width, 1920);
  // Inside the card, away from its text: its pink paper (the map is 16:9 and fills the screen).
  int px = static_cast<int>(((*on_board)["x"].get<double>() - 0.086 * 0.38) * 1920);
  int py = static_cast<int>(((*on_board)["y"].get<double>() + 0.14 * 0.40) * 1080);
  EXPECT_TRUE(Near(shot.At(px, py), kPinkPaper)) << shot.At(px, py).r << "," << shot.At(px, py).g << ","
                                                 << shot.At(px, py).b;

  // The session file, reopened by the export: the card came from a phone, and says which.
  e2e::Run exported = RunAtelier({"export", session.string(), "--jsonl", (dir / "events.jsonl").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
  std::istringstream lines(ReadBytes(dir / "events.jsonl"));
  std::string line;
  std::getline(lines, line);  // the header
  std::vector<json> added;
  while (std::getline(lines, line)) {
    json e = json::parse(line);
    if (e["type"] == "card_added") added.push_back(e);
  }
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[0]["actor"], "phone");
  EXPECT_EQ(added[0]["payload"]["text"], "Écrit sur un téléphone");
  const std::string phone = added[0]["payload"]["phone"];
  EXPECT_TRUE(std::regex_match(phone, std::regex("p-[0-9a-f]{12}"))) << phone;
  EXPECT_EQ(added[1]["actor"], "phone");
  EXPECT_NE(added[1]["payload"]["phone"], phone);  // another client, without the first one's cookie
}

TEST(Phones, ThePhonePageInAPhoneSizedChromiumPostsACardThroughItsForm) {
  auto dir = FreshDir("phones-page");
  const auto session = dir / "atelier.atelier";
  Kiosk kiosk({"--windowed", "--size", "1280x720", "--session", session.string(), "--phones", "127.0.0.1:0",
               "--dump-board", (dir / "board.json").string()},
              dir / "stderr.txt");
  int port = 0;
  std::string token, live;
  ASSERT_TRUE(WaitForPhonesLine(kiosk, port, token, live)) << kiosk.StderrText();
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/?t=" + token;
  const std::string text = "Écrit au téléphone <b>gras</b> & « guillemets »";
  e2e::Run page = RunProgram({"python3", std::string(ATELIER_SOURCE_DIR) + "/tests/e2e/tools/phone_page_driver.py", url, text,
                         "green", (dir / "phone.png").string(), (dir / "chromium-profile").string(), "fr-FR,fr;q=0.9"},
                        120);
  ASSERT_EQ(page.exit_code, 0) << page.stdout_text << page.stderr_text;
  json said = json::parse(page.stdout_text, nullptr, false);
  ASSERT_FALSE(said.is_discarded()) << page.stdout_text;
  EXPECT_EQ(said["state"], "accepted") << said.dump();
  EXPECT_EQ(said["message"], "Votre carte est sur le tableau.") << said.dump();
  EXPECT_TRUE(said["errors"].empty()) << said.dump();  // no CSP violation, no script error
  Png phone = ReadPng(dir / "phone.png");
  EXPECT_EQ(phone.width, 780);  // 390 CSS pixels at 2 device pixels each

  kill(kiosk.pid(), SIGTERM);
  ASSERT_EQ(kiosk.Wait(), 0) << kiosk.StderrText();
  json board = ReadJson(dir / "board.json");
  const json* card = CardWithText(board, text);
  ASSERT_NE(card, nullptr) << board.dump(2);
  EXPECT_EQ((*card)["colour"], "green");
}

// The live page (assets/live) in headless Chromium, through a relay that can drop the
// connection (tests/e2e/tools/live_page_driver.py); the "phone" posts with http.client.
TEST(Phones, TheLivePageShowsAPhonesCardAtOnceAndAgainAfterTheConnectionDrops) {
  auto dir = FreshDir("phones-live");
  const auto session = dir / "atelier.atelier";
  Kiosk kiosk({"--windowed", "--size", "1280x720", "--session", session.string(), "--phones", "127.0.0.1:0"},
              dir / "stderr.txt");
  int port = 0;
  std::string token, live;
  ASSERT_TRUE(WaitForPhonesLine(kiosk, port, token, live)) << kiosk.StderrText();
  const std::string view = live.substr(live.size() - 32);
  ASSERT_NE(view, token);
  e2e::Run page = RunProgram({"python3", std::string(ATELIER_SOURCE_DIR) + "/tests/e2e/tools/live_page_driver.py",
                              std::to_string(port), token, view, (dir / "live.png").string(),
                              (dir / "chromium-profile").string()},
                             240);
  ASSERT_EQ(page.exit_code, 0) << page.stdout_text << page.stderr_text << kiosk.StderrText();
  json said = json::parse(page.stdout_text, nullptr, false);
  ASSERT_FALSE(said.is_discarded()) << page.stdout_text;
  std::printf("live page: first card after %s ms, again after the drop %s ms\n", said["first_ms"].dump().c_str(),
              said["again_ms"].dump().c_str());
  EXPECT_FALSE(said["first_ms"].is_null()) << said.dump();  // the driver waits for it, bounded
  EXPECT_FALSE(said["nasty_ms"].is_null()) << said.dump();
  EXPECT_FALSE(said["while_down"]) << said.dump();  // the drop was real: the page could not have it
  EXPECT_EQ(said["state_while_down"], "lost") << said.dump();
  EXPECT_FALSE(said["again_ms"].is_null()) << said.dump();  // back: the card posted meanwhile is there
  EXPECT_FALSE(said["after_ms"].is_null()) << said.dump();
  EXPECT_EQ(said["state"], "live");
  EXPECT_GE(said["connections"], 2);
  // Every card once, the HTML one as its characters: no script ran, no element was made.
  const std::string nasty = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"><b>gras</b> & «»";
  std::multiset<std::string> texts;
  for (const json& t : said["texts"]) texts.insert(t.get<std::string>());
  EXPECT_EQ(texts, (std::multiset<std::string>{"Première carte du téléphone", nasty, "Pendant la coupure", "Après la coupure"}))
      << said.dump();
  EXPECT_EQ(said["scripts"], 2);
  EXPECT_TRUE(said["pwned"].is_null());
  EXPECT_EQ(said["markup"], 0);
  EXPECT_TRUE(said["errors"].empty()) << said.dump();  // no CSP violation, no script error
  ASSERT_EQ(said["pink_pixel"].size(), 3u) << said.dump();
  EXPECT_TRUE(Near({said["pink_pixel"][0].get<int>(), said["pink_pixel"][1].get<int>(), said["pink_pixel"][2].get<int>()},
                   kPinkPaper)) << said.dump();
  EXPECT_EQ(ReadPng(dir / "live.png").width, 1280);

  kill(kiosk.pid(), SIGTERM);
  ASSERT_EQ(kiosk.Wait(), 0) << kiosk.StderrText();
  // The page folded every event of the session file, each once.
  e2e::Run exported = RunAtelier({"export", session.string(), "--jsonl", (dir / "events.jsonl").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
  std::istringstream lines(ReadBytes(dir / "events.jsonl"));
  std::string line;
  int events = -1;  // the header is not one
  while (std::getline(lines, line))
    if (!line.empty()) ++events;
  EXPECT_EQ(said["events"], events);
  EXPECT_EQ(said["last_seq"], events);
}

TEST(Phones, OffByDefaultAndABadListenSpecIsRefused) {
  auto dir = FreshDir("phones-off");
  e2e::Run bad = RunAtelier({"--windowed", "--size", "800x600", "--session", (dir / "s.atelier").string(), "--phones",
                        "not-a-port", "--bench-frames", "1"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.stderr_text.find("--phones wants PORT or ADDRESS:PORT"), std::string::npos) << bad.stderr_text;
  e2e::Run off = RunAtelier({"--windowed", "--size", "800x600", "--session", (dir / "t.atelier").string(), "--bench-frames", "2"});
  EXPECT_EQ(off.exit_code, 0) << off.stderr_text;
  EXPECT_EQ(off.stderr_text.find("phones:"), std::string::npos) << off.stderr_text;
}

}  // namespace
}  // namespace atelier::e2e
