// The phones' inbox end to end (docs/phones.md, phones_moderation = inbox): the real kiosk
// under Xvfb with its server on 127.0.0.1 takes three cards from a "phone" (Python's
// http.client) into its inbox — none on the board; a second run of the same session, driven by
// an input script, opens the inbox from the board's badge behind the PIN and accepts one,
// refuses one, edits then accepts the third; a third run answers the phone's status questions
// from the session file; the JSON Lines export says who did what.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "e2e_support.h"
#include "facilitator_support.h"
#include "session_process.h"

namespace atelier::e2e {
namespace {

using nlohmann::json;

// POSTs body to path as a phone does; returns "STATUS BODY".
std::string Post(int port, const std::string& path, const json& body) {
  const char* script =
      "import http.client, sys\n"
      "c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=20)\n"
      "c.request('POST', sys.argv[2], body=sys.argv[3].encode('utf-8'),\n"
      "          headers={'Content-Type': 'application/json', 'Accept-Language': 'fr-FR'})\n"
      "r = c.getresponse()\n"
      "print(r.status, r.read().decode('utf-8'))\n";
  return RunProgram({"python3", "-c", script, std::to_string(port), path, body.dump()}, 60).stdout_text;
}

bool WaitForPhonesLine(Kiosk& kiosk, int& port, std::string& token) {
  static const std::regex kLine(R"(phones: http://127\.0\.0\.1:(\d+)/\?t=([0-9a-f]{32})\n)");
  for (int i = 0; i < 600 && kiosk.Running(); ++i) {
    std::smatch m;
    const std::string err = kiosk.StderrText();
    if (std::regex_search(err, m, kLine)) {
      port = std::stoi(m[1]);
      token = m[2];
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

json StateOf(const std::string& answer) {
  return answer.size() > 4 ? json::parse(answer.substr(4), nullptr, false) : json();
}

struct Script : ScriptLines<Script> {};

TEST(PhonesInbox, CardsWaitUntilAcceptedOnTheKioskARefusalIsRecordedAndThePhoneHearsBoth) {
  auto dir = FreshDir("phones-inbox");
  const auto session = dir / "atelier.atelier";
  // The kiosk's config: moderation on, the inbox behind the test PIN (Kiosk uses dir/config).
  const auto config = dir / "config" / "atelier";
  std::filesystem::create_directories(config);
  {
    std::ofstream conf(config / "atelier.conf");
    conf << "phones_moderation = inbox\n";
  }
  auto hash = store::HashPin(kTestPin);
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(store::SavePinHash(store::PinFilePath(config), *hash).ok());

  // 1. Three cards from a phone: 202, in the inbox, not on the board.
  const std::vector<std::string> keys{"e2e-inbox-0001", "e2e-inbox-0002", "e2e-inbox-0003"};
  {
    Kiosk kiosk({"--windowed", "--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--phones",
                 "127.0.0.1:0", "--dump-board", (dir / "before.json").string()},
                dir / "stderr1.txt");
    int port = 0;
    std::string token;
    ASSERT_TRUE(WaitForPhonesLine(kiosk, port, token)) << kiosk.StderrText();
    const std::vector<std::pair<std::string, std::string>> cards{
        {"Un agenda partagé", "financement"}, {"<script>alert('x')</script>", ""}, {"Helo", ""}};
    for (std::size_t i = 0; i < cards.size(); ++i) {
      json body{{"token", token}, {"text", cards[i].first}, {"colour", "pink"}, {"key", keys[i]}};
      if (!cards[i].second.empty()) body["zone"] = cards[i].second;
      const std::string answer = Post(port, "/api/cards", body);
      ASSERT_EQ(answer.rfind("202 ", 0), 0u) << answer << kiosk.StderrText();
      EXPECT_EQ(StateOf(answer)["state"], "in_inbox") << answer;
      EXPECT_EQ(Post(port, "/api/cards", body), answer);  // a retry: the same answer, one card
    }
    const std::string waiting = Post(port, "/api/cards/status", {{"token", token}, {"key", keys[0]}});
    EXPECT_EQ(waiting.rfind("200 ", 0), 0u) << waiting;
    EXPECT_EQ(StateOf(waiting)["state"], "in_inbox") << waiting;
    kill(kiosk.pid(), SIGTERM);
    ASSERT_EQ(kiosk.Wait(), 0) << kiosk.StderrText();
  }
  EXPECT_TRUE(ReadJson(dir / "before.json")["cards"].empty()) << ReadJson(dir / "before.json").dump(2);

  // 2. The kiosk again, the same session: the badge, the PIN, the inbox and its buttons.
  Script s;
  s.Add({{"screenshot", (dir / "badge.png").string()}}, 100);
  s.Tap("Cartes des téléphones", 400);
  for (const char* digit : {"2", "4", "6", "8"}) s.Tap(digit, 150);
  s.Tap("Valider", 500);
  s.Add({{"screenshot", (dir / "inbox.png").string()}}, 100);
  s.Tap("Accepter", 400);                 // the oldest: "Un agenda partagé"
  s.Tap("Refuser", 400);                  // now the oldest: the script card
  s.Tap("Modifier puis accepter", 600);   // "Helo", in the card editor
  s.Add({{"key", "end"}}, 100);
  s.Add({{"text", "Asso"}}, 200);
  s.Add({{"screenshot", (dir / "editing.png").string()}}, 100);
  s.Tap("Valider", 600);
  s.Add({{"screenshot", (dir / "empty.png").string()}}, 100);
  s.Tap("Fermer", 400);
  s.Add({{"dump", (dir / "after.json").string()}}, 100);
  s.Add({{"quit", true}});
  auto script = WriteScript(dir, "inbox.jsonl", s.lines);
  e2e::Run run = RunAtelier({"--size", "1920x1080", "--ui-scale", "1", "--session", session.string(), "--input-script",
                             script.string(), "--quit-after-script"},
                            240, {std::string("XDG_CONFIG_HOME=") + (dir / "config").string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  json after = ReadJson(dir / "after.json");
  ASSERT_EQ(after["cards"].size(), 2u) << after.dump(2);
  const json* accepted = CardWithText(after, "Un agenda partagé");
  ASSERT_NE(accepted, nullptr) << after.dump(2);
  EXPECT_EQ((*accepted)["zone"], "financement");  // landed in the zone the phone chose
  EXPECT_EQ((*accepted)["colour"], "pink");
  EXPECT_NE(CardWithText(after, "HeloAsso"), nullptr) << after.dump(2);
  EXPECT_EQ(CardWithText(after, "<script>alert('x')</script>"), nullptr);

  // 3. The phone asks again, the kiosk restarted: the session file knows.
  {
    Kiosk kiosk({"--windowed", "--size", "1280x720", "--session", session.string(), "--phones", "127.0.0.1:0"},
                dir / "stderr3.txt");
    int port = 0;
    std::string token;
    ASSERT_TRUE(WaitForPhonesLine(kiosk, port, token)) << kiosk.StderrText();
    std::vector<std::string> states;
    for (const std::string& key : keys) {
      const std::string answer = Post(port, "/api/cards/status", {{"token", token}, {"key", key}});
      EXPECT_EQ(answer.rfind("200 ", 0), 0u) << answer;
      states.push_back(StateOf(answer).value("state", ""));
    }
    EXPECT_EQ(states, (std::vector<std::string>{"on_board", "refused", "on_board"}));
    kill(kiosk.pid(), SIGTERM);
    ASSERT_EQ(kiosk.Wait(), 0) << kiosk.StderrText();
  }

  // The session file, through the JSON Lines export: who sent, who decided, what was edited.
  e2e::Run exported = RunAtelier({"export", session.string(), "--jsonl", (dir / "events.jsonl").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
  std::istringstream lines(ReadBytes(dir / "events.jsonl"));
  std::string line;
  std::getline(lines, line);  // the header
  std::vector<json> received, added, refused;
  while (std::getline(lines, line)) {
    json e = json::parse(line);
    if (e["type"] == "inbox_received") received.push_back(e);
    if (e["type"] == "card_added") added.push_back(e);
    if (e["type"] == "inbox_refused") refused.push_back(e);
  }
  ASSERT_EQ(received.size(), 3u);
  for (const json& e : received) {
    EXPECT_EQ(e["actor"], "phone");
    EXPECT_TRUE(std::regex_match(e["payload"]["phone"].get<std::string>(), std::regex("p-[0-9a-f]{12}"))) << e.dump();
  }
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0]["actor"], "facilitator");
  EXPECT_EQ(refused[0]["payload"]["inbox"], received[1]["payload"]["inbox"]);
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[0]["actor"], "facilitator");
  EXPECT_EQ(added[0]["payload"]["inbox"], received[0]["payload"]["inbox"]);
  EXPECT_EQ(added[0]["payload"]["phone"], received[0]["payload"]["phone"]);
  EXPECT_FALSE(added[0]["payload"].contains("phone_text"));
  EXPECT_EQ(added[1]["payload"]["text"], "HeloAsso");
  EXPECT_EQ(added[1]["payload"]["phone_text"], "Helo");  // what the phone wrote, kept
}

}  // namespace
}  // namespace atelier::e2e
