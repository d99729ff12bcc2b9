// The phone server's handlers against the real cpp-httplib server on 127.0.0.1, spoken to by a
// real client (httplib::Client) and by raw sockets for what no polite client sends.
#include <gtest/gtest.h>

#include <future>
#include <map>
#include <vector>

#include "net_test_util.h"
#include "net/secrets.h"

namespace atelier::net {
namespace {

using nlohmann::json;

json JsonOf(const httplib::Result& r) { return json::parse(r->body, nullptr, false); }

class PhoneServerTest : public PhoneServerFixture {};

TEST_F(PhoneServerTest, APostedCardLandsOnceWithActorPhoneAndAnAnonymousPhoneId) {
  Start();
  auto cli = Client();
  auto r = cli.Post("/api/cards", Body("Un drive partagé", "card-0001"), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
  json answer = JsonOf(r);
  EXPECT_EQ(answer["state"], "on_board");
  EXPECT_EQ(answer["message"], "Votre carte est sur le tableau.");
  EXPECT_EQ(answer["card"], 1);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const std::string cookie = r->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("atelier_phone=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  Stop();
  ASSERT_EQ(journal.events().size(), 1u);
  const core::Event& e = journal.events()[0];
  EXPECT_EQ(e.actor, core::Actor::Phone);
  const auto& added = std::get<core::CardAdded>(e.data);
  EXPECT_EQ(added.text, "Un drive partagé");
  EXPECT_EQ(added.colour, "blue");
  const std::string secret = cookie.substr(14, kSecretHexDigits);
  EXPECT_EQ(added.phone, PhoneIdOf(secret));  // the id, never the cookie itself
  EXPECT_EQ(added.phone.find(secret), std::string::npos);
}

TEST_F(PhoneServerTest, ThePhoneKeepsItsIdAcrossCards) {
  Start();
  auto cli = Client();
  auto first = cli.Post("/api/cards", Body("A", "card-aaaa1"), "application/json");
  ASSERT_TRUE(first);
  const std::string cookie = first->get_header_value("Set-Cookie").substr(0, 14 + kSecretHexDigits);
  auto second = cli.Post("/api/cards", {{"Cookie", cookie}}, Body("B", "card-bbbb2"), "application/json");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 201);
  EXPECT_FALSE(second->has_header("Set-Cookie"));
  Stop();
  ASSERT_EQ(journal.events().size(), 2u);
  EXPECT_EQ(std::get<core::CardAdded>(journal.events()[0].data).phone,
            std::get<core::CardAdded>(journal.events()[1].data).phone);
}

TEST_F(PhoneServerTest, AnswersInThePhonesLanguageFromTheKiosksCatalogue) {
  Start();
  auto cli = Client();
  auto en = cli.Post("/api/cards", {{"Accept-Language", "en-GB,en;q=0.9,fr;q=0.5"}}, Body("Canva", "card-en-01"),
                     "application/json");
  ASSERT_TRUE(en);
  EXPECT_EQ(JsonOf(en)["message"], "Your card is on the board.");
  auto fr = cli.Post("/api/cards", {{"Accept-Language", "fr-FR,fr;q=0.9,en;q=0.8"}}, Body("", "card-fr-01"),
                     "application/json");
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->status, 400);
  EXPECT_EQ(JsonOf(fr)["message"], "Écrivez quelques mots sur la carte.");
}

TEST_F(PhoneServerTest, TheSameKeyGivesTheFirstAnswerAgainAndNeverASecondCard) {
  Start();
  auto cli = Client();
  auto first = cli.Post("/api/cards", Body("Compta en ligne", "retry-key-1"), "application/json");
  ASSERT_TRUE(first);
  // The phone slept before it saw the answer, and sends again; other phones too at once.
  std::vector<std::future<int>> again;
  for (int i = 0; i < 8; ++i)
    again.push_back(std::async(std::launch::async, [&] {
      auto c = Client();
      auto r = c.Post("/api/cards", Body("Compta en ligne", "retry-key-1"), "application/json");
      return r && JsonOf(r)["card"] == 1 ? r->status : -1;
    }));
  for (auto& f : again) EXPECT_EQ(f.get(), 201);
  EXPECT_EQ(first->body, cli.Post("/api/cards", Body("Compta en ligne", "retry-key-1"), "application/json")->body);
  EXPECT_EQ(CardCount(), 1u);
}

TEST_F(PhoneServerTest, SameKeysSentTogetherBeforeAnyAnswerMakeOneCard) {
  Start({}, /*frame_loop=*/false);  // the kiosk is busy: the requests pile up on the desk
  std::vector<std::future<std::string>> sent;
  for (int i = 0; i < 6; ++i)
    sent.push_back(std::async(std::launch::async, [&] {
      auto c = Client();
      auto r = c.Post("/api/cards", Body("Réservation des salles", "together-1"), "application/json");
      return r ? r->body : std::string();
    }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  StartFrameLoop();
  std::string body;
  for (auto& f : sent) {
    std::string b = f.get();
    if (body.empty()) body = b;
    EXPECT_EQ(b, body);
  }
  EXPECT_EQ(CardCount(), 1u);
}

TEST_F(PhoneServerTest, AKioskTooBusyToAnswerSaysBusyAndTheRetryLandsOnce) {
  Start({.wait = std::chrono::milliseconds(200)}, /*frame_loop=*/false);
  auto cli = Client();
  auto first = cli.Post("/api/cards", Body("Facebook", "busy-key-1"), "application/json");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 503);
  EXPECT_EQ(JsonOf(first)["error"], "busy");
  StartFrameLoop();  // the kiosk comes back and lands the card that waited
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto retry = cli.Post("/api/cards", Body("Facebook", "busy-key-1"), "application/json");
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 201);
  EXPECT_EQ(CardCount(), 1u);
}

TEST_F(PhoneServerTest, NoTokenOrAWrongOneIs404CountedAndChangesNothing) {
  Start();
  auto cli = Client();
  auto none = cli.Post("/api/cards", R"({"text":"x","colour":"blue","key":"no-token-1"})", "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(JsonOf(none)["error"], "not_found");
  auto wrong = cli.Post("/api/cards", Body("x", "wrong-token-1", NewSecret()), "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 404);
  std::string almost = server->token();
  almost.back() = almost.back() == '0' ? '1' : '0';
  EXPECT_EQ(cli.Post("/api/cards", Body("x", "wrong-token-2", almost), "application/json")->status, 404);
  EXPECT_EQ(cli.Get("/?t=" + almost)->status, 404);
  EXPECT_EQ(server->wrong_tokens(), 4);
  EXPECT_EQ(CardCount(), 0u);
}

TEST_F(PhoneServerTest, NewTokensRetireTheOldLink) {
  Start();
  const std::string old = server->token();
  server->NewTokens();
  EXPECT_NE(server->token(), old);
  EXPECT_NE(server->view_token(), server->token());
  auto cli = Client();
  EXPECT_EQ(cli.Post("/api/cards", Body("x", "old-token-1", old), "application/json")->status, 404);
  EXPECT_EQ(cli.Post("/api/cards", Body("x", "new-token-1"), "application/json")->status, 201);
  EXPECT_EQ(cli.Post("/api/cards", Body("x", "view-token-1", server->view_token()), "application/json")->status, 404);
}

TEST_F(PhoneServerTest, AnOversizedBodyIs413) {
  Start();
  auto cli = Client();
  auto r = cli.Post("/api/cards", Body(std::string(5000, 'a'), "too-big-001"), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(JsonOf(r)["error"], "too_large");
  // Sent in chunks, larger than allowed: refused (cpp-httplib 0.11 says 400 there), nothing stored.
  std::string raw = Raw("POST /api/cards HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n" +
                        std::string(0x2000, 'a') + "\r\n0\r\n\r\n");
  EXPECT_TRUE(raw.rfind("HTTP/1.1 413", 0) == 0 || raw.rfind("HTTP/1.1 400", 0) == 0) << raw.substr(0, 80);
  EXPECT_EQ(CardCount(), 0u);
}

TEST_F(PhoneServerTest, BadFieldsAre400WithTheFieldNamed) {
  Start();
  auto cli = Client();
  const std::string t = server->token();
  std::map<std::string, std::string> cases{
      {"body", "not json at all"},
      {"text", json{{"token", t}, {"text", std::string(201, 'e')}, {"colour", "blue"}, {"key", "long-text-1"}}.dump()},
      {"colour", json{{"token", t}, {"text", "x"}, {"colour", "fuchsia"}, {"key", "bad-colour-1"}}.dump()},
      {"key", json{{"token", t}, {"text", "x"}, {"colour", "blue"}, {"key", "k/../1"}}.dump()},
      {"zone", json{{"token", t}, {"text", "x"}, {"colour", "blue"}, {"key", "long-zone-1"}, {"zone", std::string(65, 'z')}}.dump()},
  };
  for (const auto& [field, body] : cases) {
    auto r = cli.Post("/api/cards", body, "application/json");
    ASSERT_TRUE(r) << field;
    EXPECT_EQ(r->status, 400) << field;
    json answer = JsonOf(r);
    EXPECT_EQ(answer["error"], "bad_field") << field;
    EXPECT_EQ(answer["field"], field) << answer.dump();
    EXPECT_FALSE(answer["message"].get<std::string>().empty());
  }
  auto spaces = cli.Post("/api/cards", Body(" \n\t ", "only-spaces-1"), "application/json");
  EXPECT_EQ(JsonOf(spaces)["field"], "text");
  // 200 characters, counted as characters: "é" is one.
  auto full = cli.Post("/api/cards", Body(std::string() + [] { std::string s; for (int i = 0; i < 200; ++i) s += "é"; return s; }(), "two-hundred-1"), "application/json");
  EXPECT_EQ(full->status, 201);
  EXPECT_EQ(CardCount(), 1u);
}

TEST_F(PhoneServerTest, CardsFromOnePhoneAndFromAllAreRateLimited) {
  Start({.cards_per_phone_per_minute = 3, .cards_per_minute = 5, .requests_per_address_per_minute = 1000});
  auto cli = Client();
  std::map<int, int> statuses;
  auto post = [&](const std::string& cookie, int i) {
    httplib::Headers h;
    if (!cookie.empty()) h.emplace("Cookie", "atelier_phone=" + cookie);
    auto r = cli.Post("/api/cards", h, Body("carte", "rate-" + cookie.substr(0, 4) + std::to_string(i)), "application/json");
    return r ? r->status : -1;
  };
  const std::string phone_a = NewSecret(), phone_b = NewSecret();
  for (int i = 0; i < 5; ++i) ++statuses[post(phone_a, i)];
  EXPECT_EQ(statuses[201], 3);
  EXPECT_EQ(statuses[429], 2);
  statuses.clear();
  for (int i = 0; i < 5; ++i) ++statuses[post(phone_b, i)];  // 2 left in all
  EXPECT_EQ(statuses[201], 2);
  EXPECT_EQ(statuses[429], 3);
  auto r = cli.Post("/api/cards", {{"Cookie", "atelier_phone=" + NewSecret()}}, Body("x", "rate-last-1"), "application/json");
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(JsonOf(r)["error"], "too_many_cards");
  EXPECT_EQ(CardCount(), 5u);
}

TEST_F(PhoneServerTest, TenThousandRequestsFromOneClientAreHeldOffAndTheServerStaysUp) {
  Start();
  auto cli = Client();
  cli.set_keep_alive(true);
  std::map<int, int> statuses;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 10000; ++i) {
    auto r = cli.Post("/api/cards", Body("flood", "flood-key-" + std::to_string(i)), "application/json");
    ++statuses[r ? r->status : -1];
  }
  // The documented limits, over however long the flood took: 120 requests a minute from one
  // address, 10 cards a minute from one phone (no cookie: its address), both refilled evenly.
  const double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / 60;
  EXPECT_EQ(statuses[-1], 0);
  EXPECT_EQ(statuses[201] + statuses[429], 10000);
  EXPECT_LE(statuses[201], 10 + 10 * minutes + 1);
  EXPECT_GE(statuses[429], 10000 - (120 + 120 * minutes + 1));
  EXPECT_EQ(CardCount(), static_cast<std::size_t>(statuses[201]));
  auto after = cli.Post("/api/cards", Body("flood", "flood-after"), "application/json");
  ASSERT_TRUE(after);
  EXPECT_EQ(JsonOf(after)["error"], "too_many_requests");
  EXPECT_EQ(server->rate_limited(), statuses[429] + 1);
}

TEST_F(PhoneServerTest, MalformedHttpAndBadUtf8AreRefusedCleanly) {
  Start();
  std::string garbage = Raw("\x01\x02\xff\xfe GARBAGE\r\n\r\n");
  EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage.substr(0, 60);
  std::string no_version = Raw("POST /api/cards\r\n\r\n");
  EXPECT_EQ(no_version.rfind("HTTP/1.1 400", 0), 0u) << no_version.substr(0, 60);
  std::string long_uri = Raw("GET /" + std::string(10000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(long_uri.rfind("HTTP/1.1 414", 0), 0u) << long_uri.substr(0, 60);
  std::string bad_length = Raw("POST /api/cards HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
  EXPECT_EQ(bad_length.rfind("HTTP/1.1 4", 0), 0u) << bad_length.substr(0, 60);
  // Bad UTF-8 inside the JSON text: refused, never stored.
  const std::string body = "{\"token\":\"" + server->token() + "\",\"text\":\"caf\xc3\x28 \xff\",\"colour\":\"blue\",\"key\":\"utf8-bad-1\"}";
  std::string bad_utf8 = Raw("POST /api/cards HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  EXPECT_EQ(bad_utf8.rfind("HTTP/1.1 400", 0), 0u) << bad_utf8.substr(0, 60);
  EXPECT_NE(bad_utf8.find("\"bad_field\""), std::string::npos);
  EXPECT_EQ(CardCount(), 0u);
  auto cli = Client();  // still serving
  EXPECT_EQ(cli.Post("/api/cards", Body("après", "after-bad-1"), "application/json")->status, 201);
}

// Found by the fuzz driver (tests/fuzz): cpp-httplib cut the API's JSON to a Range header's
// bytes, or wrapped it as multipart/byteranges. Answers are whole whatever Range says.
TEST_F(PhoneServerTest, ARangeHeaderNeverCutsAnAnswer) {
  Start();
  auto cli = Client();
  auto one = cli.Post("/api/cards", {{"Range", "bytes=0-10"}}, Body("Range", "range-key-1"), "application/json");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 201);
  EXPECT_FALSE(one->has_header("Content-Range"));
  EXPECT_EQ(JsonOf(one)["state"], "on_board");
  auto many = cli.Post("/api/cards", {{"Range", "bytes=0-0,2-3,5-9"}}, Body("Range 2", "range-key-2"),
                       "application/json");
  ASSERT_TRUE(many);
  EXPECT_EQ(many->status, 201);
  EXPECT_EQ(many->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(JsonOf(many)["state"], "on_board");
  auto bad = cli.Post("/api/cards", {{"Range", "bytes=0-5"}}, "{not json", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(JsonOf(bad)["error"], "bad_field");
  auto page = cli.Get("/?t=" + server->token(), {{"Range", "bytes=0-0,1-1"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("</html>"), std::string::npos);
  EXPECT_EQ(CardCount(), 2u);
}

TEST_F(PhoneServerTest, PathTraversalFindsNothing) {
  Start();
  const std::string t = server->token();
  for (const std::string& path :
       std::vector<std::string>{"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/phone.js/../../../../etc/passwd?t=" + t,
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd?t=" + t, "/..%2f..%2f..%2fetc/passwd?t=" + t, "/assets/phone/phone.html?t=" + t,
        "/phone.html?t=" + t, "//etc/passwd?t=" + t, "/phone.js%00.html?t=" + t, "/api/../phone.js?t=" + t}) {
    std::string raw = Raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(raw.rfind("HTTP/1.1 404", 0), 0u) << path << "\n" << raw.substr(0, 80);
    EXPECT_EQ(raw.find("root:"), std::string::npos) << path;
  }
}

TEST_F(PhoneServerTest, PostOnlyAndOnlyTheDocumentedRoutes) {
  Start();
  auto cli = Client();
  EXPECT_EQ(cli.Get("/api/cards?token=" + server->token())->status, 404);
  EXPECT_EQ(cli.Put("/api/cards", Body("x", "put-key-001"), "application/json")->status, 404);
  EXPECT_EQ(cli.Delete("/api/cards")->status, 404);
  EXPECT_EQ(cli.Post("/api/cards/1", Body("x", "post-key-01"), "application/json")->status, 404);
  EXPECT_EQ(cli.Get("/phone.js")->status, 404);  // the page's files want the token too
  EXPECT_EQ(cli.Get("/phone.js?t=" + server->token())->status, 200);
  EXPECT_EQ(CardCount(), 0u);
}

TEST_F(PhoneServerTest, ARequestFromAnotherSiteIsRefused) {
  Start();
  auto cli = Client();
  auto other = cli.Post("/api/cards", {{"Origin", "http://evil.example"}}, Body("x", "csrf-key-01"), "application/json");
  EXPECT_EQ(other->status, 403);
  EXPECT_EQ(JsonOf(other)["error"], "cross_origin");
  auto fetch = cli.Post("/api/cards", {{"Sec-Fetch-Site", "cross-site"}}, Body("x", "csrf-key-02"), "application/json");
  EXPECT_EQ(fetch->status, 403);
  const std::string host = "127.0.0.1:" + std::to_string(server->port());
  auto same = cli.Post("/api/cards", {{"Origin", "http://" + host}, {"Sec-Fetch-Site", "same-origin"}},
                       Body("x", "csrf-key-03"), "application/json");
  EXPECT_EQ(same->status, 201);
  EXPECT_EQ(CardCount(), 1u);
}

TEST_F(PhoneServerTest, ACardFullOfHtmlAndScriptIsStoredAndAnsweredAsText) {
  Start();
  auto cli = Client();
  const std::string evil = "<script>alert('x')</script><img src=x onerror=alert(1)> &amp; \"quoted\"";
  auto r = cli.Post("/api/cards", Body(evil, "html-card-1"), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r->body.find("<script>"), std::string::npos);  // the answer never echoes it
  Stop();
  ASSERT_EQ(journal.events().size(), 1u);
  EXPECT_EQ(std::get<core::CardAdded>(journal.events()[0].data).text, evil);  // the characters, as typed
}

TEST_F(PhoneServerTest, ThePageIsServedWithItsPolicyAndNoInlineScript) {
  Start();
  auto cli = Client();
  auto page = cli.Get("/?t=" + server->token(), {{"Accept-Language", "en"}});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const std::string csp = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(page->get_header_value("Referrer-Policy"), "no-referrer");
  const std::string& html = page->body;
  EXPECT_NE(html.find("<html lang=\"en\""), std::string::npos);
  EXPECT_NE(html.find(server->token()), std::string::npos);
  EXPECT_EQ(html.find("{{"), std::string::npos);  // every mark filled in
  for (std::size_t at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) {
    const std::string tag = html.substr(at, html.find('>', at) - at);
    EXPECT_NE(tag.find(" src="), std::string::npos) << tag;
    EXPECT_EQ(html.compare(html.find('>', at) + 1, 9, "</script>"), 0) << "inline script after " << tag;
  }
  EXPECT_EQ(cli.Get("/?t=")->status, 404);
  EXPECT_EQ(cli.Get("/")->status, 404);
}

}  // namespace
}  // namespace atelier::net
