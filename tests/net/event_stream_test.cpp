// GET /api/events (docs/phones.md) against the real server on 127.0.0.1: a raw-socket SSE
// reader, a thread playing the kiosk's frame loop (it lands the cards and publishes the
// committed events into the server's EventFeed, as PhoneLink does), and the EventFeed alone.
#include <gtest/gtest.h>
#include <poll.h>

#include <future>
#include <map>
#include <vector>

#include "net/event_feed.h"
#include "net_test_util.h"
#include "store/session_export.h"

namespace atelier::net {
namespace {

using nlohmann::json;

struct Message {
  std::string event, id, data;
};

// A Server-Sent Events client on a raw socket: sends one GET, then parses what comes.
class SseReader {
 public:
  SseReader(int port, const std::string& target, const std::vector<std::string>& headers = {}) {
    m_fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return;
    std::string req = std::string("GET ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    for (const std::string& h : headers) req += h + "\r\n";
    req += "\r\n";
    (void)!write(m_fd, req.data(), req.size());
  }
  ~SseReader() { Close(); }
  void Close() {
    if (m_fd >= 0) close(m_fd);
    m_fd = -1;
  }

  // The status line's code, once the head has come (0 when it did not within the timeout).
  int Status(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    auto end = std::chrono::steady_clock::now() + timeout;
    while (m_head_end == std::string::npos && Fill(end)) {}
    if (m_head_end == std::string::npos || m_raw.size() < 12) return 0;
    return std::stoi(m_raw.substr(9, 3));
  }
  std::string Head() {
    Status();
    return m_head_end == std::string::npos ? m_raw : m_raw.substr(0, m_head_end);
  }
  std::string Body() {  // for refusals: what came after the head, within a short wait
    Status();
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
    while (Fill(end)) {}
    return m_raw.substr(m_head_end + 4);
  }

  // The next message (comments skipped), or nullopt at the timeout or the end of the stream.
  std::optional<Message> Next(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    auto end = std::chrono::steady_clock::now() + timeout;
    if (Status(timeout) != 200) return std::nullopt;
    while (true) {
      Decode();
      std::size_t blank = m_text.find("\n\n");
      while (blank != std::string::npos) {
        std::string block = m_text.substr(0, blank);
        m_text.erase(0, blank + 2);
        Message m;
        bool any = false;
        std::size_t at = 0;
        while (at <= block.size()) {
          std::size_t nl = block.find('\n', at);
          std::string line = block.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
          at = nl == std::string::npos ? block.size() + 1 : nl + 1;
          if (line.empty() || line[0] == ':') continue;
          std::size_t colon = line.find(':');
          std::string field = line.substr(0, colon);
          std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
          if (!value.empty() && value[0] == ' ') value.erase(0, 1);
          if (field == "event") m.event = value, any = true;
          if (field == "id") m.id = value, any = true;
          if (field == "data") m.data += value, any = true;
        }
        if (any && !m.data.empty()) return m;
        blank = m_text.find("\n\n");
      }
      if (!Fill(end)) return std::nullopt;
    }
  }

  // True when the server closed the connection before the timeout (what came meanwhile is dropped).
  bool Ends(std::chrono::milliseconds timeout) {
    auto end = std::chrono::steady_clock::now() + timeout;
    while (Fill(end)) {}
    return m_eof;
  }

 private:
  bool Fill(std::chrono::steady_clock::time_point end) {
    if (m_fd < 0 || m_eof) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    pollfd p{m_fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) return false;
    char buf[8192];
    ssize_t n = read(m_fd, buf, sizeof buf);
    if (n <= 0) {
      m_eof = true;
      return false;
    }
    m_raw.append(buf, static_cast<std::size_t>(n));
    if (m_head_end == std::string::npos) {
      m_head_end = m_raw.find("\r\n\r\n");
      if (m_head_end != std::string::npos) m_chunked_at = m_head_end + 4;
    }
    return true;
  }
  // Undoes the chunked transfer coding into m_text.
  void Decode() {
    if (m_head_end == std::string::npos) return;
    while (true) {
      std::size_t crlf = m_raw.find("\r\n", m_chunked_at);
      if (crlf == std::string::npos) return;
      std::size_t size = std::stoul(m_raw.substr(m_chunked_at, crlf - m_chunked_at), nullptr, 16);
      if (m_raw.size() < crlf + 2 + size + 2) return;
      m_text += m_raw.substr(crlf + 2, size);
      m_chunked_at = crlf + 2 + size + 2;
    }
  }

  int m_fd = -1;
  bool m_eof = false;
  std::string m_raw, m_text;
  std::size_t m_head_end = std::string::npos, m_chunked_at = 0;
};

class EventStreamTest : public PhoneServerFixture {
 protected:
  // The kiosk's frame loop: lands the waiting cards, then publishes what was committed.
  void StartLive(PhoneLimits limits = {}) {
    Start(limits, false);
    server->feed().Reset(store::SessionMeta{.title = "Atelier du jeudi", .map_template = MapWithZone()});
    running = true;
    loop = std::thread([this] {
      while (running) {
        {
          std::lock_guard lock(board_mutex);
          desk.Serve([this](const PhoneCard& c) { return Land(c); });
          for (const core::Event& e : journal.events())
            if (e.seq > server->feed().last_seq()) server->feed().Append(e);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    });
  }

  void Post(const std::string& text, const std::string& key) {
    auto cli = Client();
    auto r = cli.Post("/api/cards", Body(text, key), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
  }

  std::string EventsUrl(const std::string& token, const std::string& extra = "") {
    return std::string("/api/events?token=") + token + extra;
  }

  // What the JSON Lines export writes for the event of this seq.
  std::string ExportLine(std::int64_t seq) {
    std::lock_guard lock(board_mutex);
    return store::EventJsonLine(journal.events().at(static_cast<std::size_t>(seq - 1)));
  }
};

TEST_F(EventStreamTest, StreamsTheSessionHeaderThenEveryEventWithItsSeqAsIdAsTheExportWritesIt) {
  StartLive();
  Post("Première", "card-0001");
  Post("Deuxième", "card-0002");
  // As a browser asks: compressed if you can. A compressed stream would hold events back.
  SseReader sse(server->port(), EventsUrl(server->view_token()), {"Accept-Encoding: gzip, deflate, br"});
  ASSERT_EQ(sse.Status(), 200) << sse.Head();
  EXPECT_NE(sse.Head().find("Content-Type: text/event-stream"), std::string::npos) << sse.Head();
  EXPECT_EQ(sse.Head().find("Content-Encoding"), std::string::npos) << sse.Head();
  EXPECT_NE(sse.Head().find("Content-Security-Policy"), std::string::npos);
  auto header = sse.Next();
  ASSERT_TRUE(header);
  EXPECT_EQ(header->event, "session");
  EXPECT_TRUE(header->id.empty());  // not an event: it does not move Last-Event-ID
  json h = json::parse(header->data);
  EXPECT_EQ(h["format"], "atelier-session");
  EXPECT_EQ(h["title"], "Atelier du jeudi");
  EXPECT_EQ(h["template"]["zones"][0]["id"], "gestion");
  for (int seq = 1; seq <= 2; ++seq) {
    auto m = sse.Next();
    ASSERT_TRUE(m) << seq;
    EXPECT_EQ(m->id, std::to_string(seq));
    EXPECT_EQ(m->data, ExportLine(seq));
  }
  // Live: a card posted now arrives on the open stream.
  Post("Troisième <script>alert(1)</script>", "card-0003");
  auto third = sse.Next();
  ASSERT_TRUE(third);
  EXPECT_EQ(third->id, "3");
  json e = json::parse(third->data);
  EXPECT_EQ(e["type"], "card_added");
  EXPECT_EQ(e["actor"], "phone");
  EXPECT_EQ(e["payload"]["text"], "Troisième <script>alert(1)</script>");  // text, as the export has it
  EXPECT_EQ(third->data, ExportLine(3));
}

TEST_F(EventStreamTest, EitherTokenReadsAWrongOrMissingOneIs404AndCounted) {
  StartLive();
  Post("Carte", "card-0001");
  for (const std::string& token : {server->token(), server->view_token()}) {
    SseReader sse(server->port(), EventsUrl(token));
    ASSERT_TRUE(sse.Next()) << token;  // the header
    auto m = sse.Next();
    ASSERT_TRUE(m);
    EXPECT_EQ(m->id, "1");
  }
  const std::int64_t before = server->wrong_tokens();
  SseReader wrong(server->port(), EventsUrl("0123456789abcdef0123456789abcdef"));
  EXPECT_EQ(wrong.Status(), 404);
  EXPECT_NE(wrong.Body().find("\"not_found\""), std::string::npos);
  SseReader none(server->port(), "/api/events");
  EXPECT_EQ(none.Status(), 404);
  EXPECT_EQ(server->wrong_tokens(), before + 1);  // no token is not counted as a wrong one
  // The view-only token cannot post.
  auto cli = Client();
  auto r = cli.Post("/api/cards", Body("Pas moi", "card-0002", server->view_token()), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(EventStreamTest, AReconnectWithLastEventIdMissesNothingAndRepeatsNothing) {
  StartLive();
  Post("un", "card-0001");
  Post("deux", "card-0002");
  std::vector<std::string> seen;
  {
    SseReader sse(server->port(), EventsUrl(server->view_token()));
    ASSERT_TRUE(sse.Next());
    for (int i = 0; i < 2; ++i) {
      auto m = sse.Next();
      ASSERT_TRUE(m);
      seen.push_back(m->id);
    }
  }  // the connection drops
  Post("trois", "card-0003");  // while nobody listens
  Post("quatre", "card-0004");
  // A browser's reconnect: the Last-Event-ID header.
  {
    SseReader sse(server->port(), EventsUrl(server->view_token()), {std::string("Last-Event-ID: ") + seen.back()});
    ASSERT_TRUE(sse.Next());
    for (int i = 0; i < 2; ++i) {
      auto m = sse.Next();
      ASSERT_TRUE(m);
      seen.push_back(m->id);
    }
    Post("cinq", "card-0005");
    auto m = sse.Next();
    ASSERT_TRUE(m);
    seen.push_back(m->id);
    EXPECT_FALSE(sse.Next(std::chrono::milliseconds(300)));  // nothing twice
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  // A client that cannot set headers: ?last_event_id=; the header wins when both are there.
  SseReader by_param(server->port(), EventsUrl(server->token(), "&last_event_id=3"));
  ASSERT_TRUE(by_param.Next());
  auto m = by_param.Next();
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, "4");
  SseReader both(server->port(), EventsUrl(server->token(), "&last_event_id=1"), {"Last-Event-ID: 4"});
  ASSERT_TRUE(both.Next());
  m = both.Next();
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, "5");
  // A strange id starts from the first event rather than missing any.
  SseReader odd(server->port(), EventsUrl(server->token()), {"Last-Event-ID: -7x"});
  ASSERT_TRUE(odd.Next());
  m = odd.Next();
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, "1");
}

TEST_F(EventStreamTest, OverTheStreamLimitAClearRefusalAndASlotFreesWhenAStreamCloses) {
  PhoneLimits limits;
  limits.max_streams = 3;
  StartLive(limits);
  std::vector<std::unique_ptr<SseReader>> open;
  for (int i = 0; i < 3; ++i) {
    open.push_back(std::make_unique<SseReader>(server->port(), EventsUrl(server->view_token())));
    ASSERT_TRUE(open.back()->Next()) << i;
  }
  EXPECT_EQ(server->open_streams(), 3);
  SseReader fourth(server->port(), EventsUrl(server->view_token()), {"Accept-Language: en"});
  ASSERT_EQ(fourth.Status(), 503);
  const std::string body = fourth.Body();
  json refusal = json::parse(body, nullptr, false);
  EXPECT_EQ(refusal["error"], "too_many_streams") << body;
  EXPECT_FALSE(refusal["message"].get<std::string>().empty());
  EXPECT_NE(fourth.Head().find("Retry-After"), std::string::npos);
  // The POST route still answers: streams have their own threads.
  Post("toujours là", "card-0001");
  // One reader leaves: the server notices at its next write (the event just posted), and the slot frees.
  open.front()->Close();
  bool accepted = false;
  for (int i = 0; i < 100 && !accepted; ++i) {
    Post(std::string("encore ") + std::to_string(i), std::string("card-1") + std::to_string(1000 + i));
    SseReader again(server->port(), EventsUrl(server->view_token()));
    accepted = again.Status() == 200;
    if (!accepted) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(accepted);
}

TEST_F(EventStreamTest, StoppingTheServerEndsEveryOpenStreamPromptly) {
  PhoneLimits limits;
  limits.heartbeat = std::chrono::milliseconds(60000);  // no heartbeat would end them by chance
  StartLive(limits);
  Post("Carte", "card-0001");
  std::vector<std::unique_ptr<SseReader>> open;
  for (int i = 0; i < 5; ++i) {
    open.push_back(std::make_unique<SseReader>(server->port(), EventsUrl(server->view_token())));
    ASSERT_TRUE(open.back()->Next());  // header
    ASSERT_TRUE(open.back()->Next());  // the card
  }
  running = false;
  loop.join();
  auto stopped = std::async(std::launch::async, [this] { server.reset(); });
  // ~1 s is the goal; 3 s of timeout leaves room for a loaded machine.
  for (auto& sse : open) EXPECT_TRUE(sse->Ends(std::chrono::seconds(3)));
  EXPECT_EQ(stopped.wait_for(std::chrono::seconds(10)), std::future_status::ready);
}

TEST_F(EventStreamTest, ANewSessionEndsTheStreamsOfTheOldOne) {
  StartLive();
  Post("Carte", "card-0001");
  SseReader sse(server->port(), EventsUrl(server->view_token()));
  ASSERT_TRUE(sse.Next());
  ASSERT_TRUE(sse.Next());
  server->feed().Reset(store::SessionMeta{.title = "Une autre", .map_template = MapWithZone()});
  EXPECT_TRUE(sse.Ends(std::chrono::seconds(3)));
}

TEST_F(EventStreamTest, TheLivePageAndItsFilesAreServedForEitherTokenAndNothingElse) {
  StartLive();
  auto cli = Client();
  for (const std::string& t : {server->view_token(), server->token()}) {
    auto page = cli.Get((std::string("/live?t=") + t).c_str(), {{"Accept-Language", "en-GB"}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_NE(page->body.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(page->body.find(std::string("live.js?t=") + t), std::string::npos);
    EXPECT_NE(page->body.find(std::string("board_view.js?t=") + t), std::string::npos);
    EXPECT_EQ(page->body.find("{{"), std::string::npos);  // every mark filled
    EXPECT_EQ(page->body.find("<script>"), std::string::npos);  // no inline script
    for (const char* file : {"/live.js", "/live.css", "/board_view.js"}) {
      auto r = cli.Get((std::string(file) + "?t=" + t).c_str());
      ASSERT_TRUE(r) << file;
      EXPECT_EQ(r->status, 200) << file;
      EXPECT_FALSE(r->body.empty()) << file;
    }
  }
  for (const char* target : {"/live", "/live?t=0123456789abcdef0123456789abcdef", "/live.js", "/board_view.js?t=x",
                             "/live/../phone.js", "/web/board_view.js", "/assets/live/live.html"}) {
    auto r = cli.Get(target);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 404) << target;
  }
}

TEST(EventFeed, HoldsEventsInOrderWithoutHolesAndDropsTheOldestBeyondItsBytes) {
  EventFeed feed(100);
  feed.Reset(std::string("{}"));
  std::uint64_t generation = 0;
  feed.header(&generation);
  for (int seq = 1; seq <= 10; ++seq) feed.Append(seq, std::string(20, 'a' + static_cast<char>(seq)));
  feed.Append(12, "a hole: ignored");
  EXPECT_EQ(feed.last_seq(), 10);
  EXPECT_LE(feed.bytes(), 100u);
  EXPECT_EQ(feed.size(), 5u);  // 5 × 20 bytes
  auto b = feed.Wait(0, generation, std::chrono::milliseconds(0));
  EXPECT_TRUE(b.gap);
  ASSERT_EQ(b.events.size(), 5u);
  EXPECT_EQ(b.events.front().seq, 6);
  b = feed.Wait(8, generation, std::chrono::milliseconds(0));
  EXPECT_FALSE(b.gap);
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[0].seq, 9);
  // A waiting reader wakes for a new event, for a reset and for Close.
  auto woken = std::async(std::launch::async, [&] { return feed.Wait(10, generation, std::chrono::seconds(30)); });
  feed.Append(11, "x");
  EXPECT_EQ(woken.get().events.size(), 1u);
  woken = std::async(std::launch::async, [&] { return feed.Wait(11, generation, std::chrono::seconds(30)); });
  feed.Close();
  EXPECT_TRUE(woken.get().closed);
  feed.Reopen();
  feed.Reset(std::string("{\"title\":\"b\"}"));
  b = feed.Wait(11, generation, std::chrono::milliseconds(0));
  EXPECT_TRUE(b.reset);
  EXPECT_EQ(feed.last_seq(), 0);
}

}  // namespace
}  // namespace atelier::net
