// The inbox through the real server on 127.0.0.1: in inbox mode a card is answered 202
// "in_inbox" and waits off the board; a retry of its key is the same answer, never a second
// card; POST /api/cards/status says where it is as the kiosk decides; and the new route holds
// against what a room of strangers may send (no token, a wrong one, GET, other sites, junk).
#include <gtest/gtest.h>

#include "net_test_util.h"

namespace atelier::net {
namespace {

using nlohmann::json;

json JsonOf(const httplib::Result& r) { return json::parse(r->body, nullptr, false); }

class PhoneInboxTest : public PhoneServerFixture {
 protected:
  std::string Status(const std::string& key, const std::string& token = "") {
    return json{{"token", token.empty() ? server->token() : token}, {"key", key}}.dump();
  }
  core::InboxId OnlyWaiting() {
    std::lock_guard lock(board_mutex);
    for (const auto& [id, c] : session.board().inbox())
      if (c.state == core::InboxCard::State::Waiting) return id;
    return 0;
  }
  void Decide(const core::Command& command) {
    std::lock_guard lock(board_mutex);
    auto done = session.Submit(command, core::Actor::Facilitator);
    ASSERT_TRUE(done.ok()) << done.error().message;
  }
  // Asks the status route until it says something else than in_inbox (the frame loop publishes
  // the states every few milliseconds).
  json StateAfterDecision(httplib::Client& cli, const std::string& key) {
    json answer;
    for (int i = 0; i < 500; ++i) {
      auto r = cli.Post("/api/cards/status", Status(key), "application/json");
      if (!r) break;
      answer = JsonOf(r);
      if (answer.value("state", "") != "in_inbox") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return answer;
  }
};

TEST_F(PhoneInboxTest, InInboxModeACardIsAnswered202AndWaitsOffTheBoard) {
  inbox = true;
  Start();
  auto cli = Client();
  auto r = cli.Post("/api/cards", {{"Accept-Language", "en"}}, Body("Trop de groupes WhatsApp", "inbox-key-1"),
                    "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 202);
  json answer = JsonOf(r);
  EXPECT_EQ(answer["state"], "in_inbox");
  EXPECT_EQ(answer["message"], "Your card has arrived: it is waiting for the facilitator to put it on the board.");
  EXPECT_EQ(CardCount(), 0u);
  // A retry (the answer was lost): the same answer, one card in the inbox.
  auto again = cli.Post("/api/cards", {{"Accept-Language", "en"}}, Body("Trop de groupes WhatsApp", "inbox-key-1"),
                        "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 202);
  EXPECT_EQ(again->body, r->body);
  Stop();
  ASSERT_EQ(journal.events().size(), 1u);
  const core::Event& e = journal.events()[0];
  EXPECT_EQ(e.actor, core::Actor::Phone);
  const auto& received = std::get<core::InboxReceived>(e.data);
  EXPECT_EQ(received.key, "inbox-key-1");
  EXPECT_EQ(received.phone.rfind("p-", 0), 0u);
  EXPECT_TRUE(session.board().cards().empty());
}

TEST_F(PhoneInboxTest, TheStatusRouteFollowsTheCardUntilItIsAcceptedOrRefused) {
  inbox = true;
  Start({.requests_per_address_per_minute = 100000});
  auto cli = Client();
  ASSERT_EQ(cli.Post("/api/cards", Body("HelloAsso", "inbox-acc-1"), "application/json")->status, 202);
  auto waiting = cli.Post("/api/cards/status", Status("inbox-acc-1"), "application/json");
  ASSERT_TRUE(waiting);
  EXPECT_EQ(waiting->status, 200);
  EXPECT_EQ(JsonOf(waiting)["state"], "in_inbox");

  const core::InboxId a = OnlyWaiting();
  ASSERT_NE(a, 0);
  Decide(core::AcceptPhoneCard{a, core::AddCard{"HelloAsso", "blue", {0.5f, 0.5f}}});
  json accepted = StateAfterDecision(cli, "inbox-acc-1");
  EXPECT_EQ(accepted["state"], "on_board");
  EXPECT_EQ(accepted["message"], "Votre carte a été acceptée : elle est sur le tableau.");
  EXPECT_EQ(accepted["card"], 1);
  EXPECT_EQ(CardCount(), 1u);

  ASSERT_EQ(cli.Post("/api/cards", Body("<script>alert(1)</script>", "inbox-ref-1"), "application/json")->status, 202);
  const core::InboxId b = OnlyWaiting();
  ASSERT_NE(b, 0);
  Decide(core::RefusePhoneCard{b});
  json refused = StateAfterDecision(cli, "inbox-ref-1");
  EXPECT_EQ(refused["state"], "refused");
  EXPECT_EQ(refused.dump().find("<script>"), std::string::npos);  // the answer never echoes the card
  EXPECT_EQ(CardCount(), 1u);
  // A card sent straight to the board answers on_board too, from the desk's memory.
  inbox = false;
  ASSERT_EQ(cli.Post("/api/cards", Body("Canva", "straight-1"), "application/json")->status, 201);
  auto straight = cli.Post("/api/cards/status", Status("straight-1"), "application/json");
  ASSERT_TRUE(straight);
  EXPECT_EQ(straight->status, 200);
  EXPECT_EQ(JsonOf(straight)["state"], "on_board");
}

TEST_F(PhoneInboxTest, AKeyTheInboxKnowsIsNeverASecondCardEvenWhenTheDeskForgotIt) {
  inbox = true;
  {
    // The inbox has the card from before a restart: the desk (the kiosk's memory) does not.
    std::lock_guard lock(board_mutex);
    ASSERT_TRUE(session.Submit(core::ReceivePhoneCard{"Avant", "pink", "", "p-0123456789ab", "before-restart"},
                               core::Actor::Phone).ok());
  }
  Start();
  auto cli = Client();
  auto r = cli.Post("/api/cards", Body("Avant", "before-restart"), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 202);
  Stop();
  EXPECT_EQ(journal.events().size(), 1u);
}

TEST_F(PhoneInboxTest, TheStatusRouteRefusesWhatIsNotAPhoneAskingAboutItsCard) {
  inbox = true;
  Start();
  auto cli = Client();
  ASSERT_EQ(cli.Post("/api/cards", Body("Drive", "inbox-sec-1"), "application/json")->status, 202);
  const std::int64_t wrong_before = server->wrong_tokens();
  auto none = cli.Post("/api/cards/status", json{{"key", "inbox-sec-1"}}.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(JsonOf(none)["error"], "not_found");
  auto wrong = cli.Post("/api/cards/status", Status("inbox-sec-1", std::string(32, 'a')), "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 404);
  EXPECT_GE(server->wrong_tokens(), wrong_before + 2);
  // GET (the token in a URL) is no way in.
  auto get = cli.Get((std::string("/api/cards/status?token=") + server->token() + "&key=inbox-sec-1").c_str());
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 404);
  auto unknown = cli.Post("/api/cards/status", Status("never-sent-1"), "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(JsonOf(unknown)["error"], "unknown_card");
  for (const std::string& bad : {std::string("not json"), std::string("[]"), std::string("{\"token\":5}"),
                                 Status("short"), Status("with space 1"), Status("../../etc/passwd"),
                                 std::string("{\"token\":\"") + server->token() + "\",\"key\":\"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\"}"}) {
    auto r = cli.Post("/api/cards/status", bad, "application/json");
    ASSERT_TRUE(r) << bad;
    EXPECT_TRUE(r->status == 400 || r->status == 404) << bad << " → " << r->status;
    EXPECT_TRUE(JsonOf(r).contains("error")) << r->body;
  }
  auto cross = cli.Post("/api/cards/status", {{"Origin", "http://evil.example"}}, Status("inbox-sec-1"),
                        "application/json");
  ASSERT_TRUE(cross);
  EXPECT_EQ(cross->status, 403);
  auto big = cli.Post("/api/cards/status", std::string(10000, ' ') + Status("inbox-sec-1"), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  // The status route asks nothing of the board: no event came from all of it.
  Stop();
  EXPECT_EQ(journal.events().size(), 1u);
}

TEST_F(PhoneInboxTest, AskingTooOftenIsRateLimitedLikeEveryRoute) {
  inbox = true;
  Start({.requests_per_address_per_minute = 20});
  auto cli = Client();
  ASSERT_EQ(cli.Post("/api/cards", Body("Drive", "inbox-rate-1"), "application/json")->status, 202);
  int limited = 0, ok = 0;
  for (int i = 0; i < 60; ++i) {
    auto r = cli.Post("/api/cards/status", Status("inbox-rate-1"), "application/json");
    ASSERT_TRUE(r);
    if (r->status == 429) {
      ++limited;
      EXPECT_EQ(JsonOf(r)["error"], "too_many_requests");
    } else if (r->status == 200) {
      ++ok;
    }
  }
  EXPECT_GT(limited, 30);
  EXPECT_LE(ok, 20);
}

}  // namespace
}  // namespace atelier::net
