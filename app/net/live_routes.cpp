// The live side of the phone server (docs/phones.md): GET /api/events, the session's events as
// Server-Sent Events, and the live page (/live, /live.css, /live.js), read-only, for either
// token. Streams read the EventFeed the frame loop fills; they never touch the Board.
#include <httplib.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "net/phone_page.h"
#include "net/phone_server.h"
#include "net/secrets.h"

namespace atelier::net {

namespace {

// The words of assets/live/live.html, listed for the translation tools (xgettext reads the
// C++ sources only); tests/net checks that the page uses no other.
[[maybe_unused]] constexpr const char* kLivePageWords[] = {
    TrLater("Le tableau en direct"),
    TrLater("Connexion au tableau…"),
    TrLater("En direct"),
    TrLater("Connexion perdue : nouvel essai dans un instant…"),
    TrLater("Ce lien ne marche plus. Scannez à nouveau le code du tableau."),
    TrLater("Les cartes du tableau"),
};

// "123" → 123; anything else (empty, signs, letters, too long) → 0: the stream starts at the
// session's first event, so a reader never misses one by sending a strange id.
std::int64_t SeqOf(const std::string& text) {
  if (text.empty() || text.size() > 18) return 0;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

// One SSE message. `data` is one JSON line (JSON escapes newlines), so one data: field.
void AppendMessage(std::string& out, const char* event, std::int64_t id, const std::string& data) {
  if (event) {
    out += "event: ";
    out += event;
    out += '\n';
  }
  if (id > 0) {
    out += "id: ";
    out += std::to_string(id);
    out += '\n';
  }
  out += "data: ";
  out += data;
  out += "\n\n";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

bool PhoneServer::AnyToken(const std::string& t) const {
  // Both compared, always, in constant time.
  const bool phones = SameSecret(t, token());
  const bool view = SameSecret(t, view_token());
  return phones || view;
}

bool PhoneServer::LoadLivePage() {
  const std::filesystem::path& dir = m_config.live_dir;
  m_live_html = ReadFile(dir / "live.html");
  m_live_css = ReadFile(dir / "live.css");
  m_live_js = ReadFile(dir / "live.js");
  m_board_js = ReadFile(dir.parent_path() / "web" / "board_view.js");  // shared with the HTML report
  return !m_live_html.empty() && !m_live_css.empty() && !m_live_js.empty() && !m_board_js.empty();
}

void PhoneServer::LiveRoutes() {
  httplib::Server& http = *m_http;
  auto lang_of = [this](const httplib::Request& req) {
    return PickLanguage(req.get_header_value("Accept-Language"), m_config.kiosk_language);
  };
  auto wrong = [this](const httplib::Request& req, const std::string& t) {
    if (t.empty()) return;
    const std::int64_t n = ++m_wrong_tokens;
    if (n <= 10 || n % 100 == 0)
      std::fprintf(stderr, "atelier: phones: wrong token from %s (%lld so far)\n", req.remote_addr.c_str(),
                   static_cast<long long>(n));
  };

  // ---- the live page: GET /live?t=TOKEN and its files (either token) ----
  http.Get("/live", [this, lang_of, wrong](const httplib::Request& req, httplib::Response& res) {
    const std::string t = req.get_param_value("t");
    if (!AnyToken(t) || m_live_html.empty()) {
      wrong(req, t);
      res.status = 404;  // the error handler writes the answer
      return;
    }
    res.set_content(PhonePageHtml(m_live_html, m_catalogue, lang_of(req), t), "text/html; charset=utf-8");
  });
  auto file = [this](const std::string* text, const char* type) {
    return [this, text, type](const httplib::Request& req, httplib::Response& res) {
      if (!AnyToken(req.get_param_value("t")) || text->empty()) {
        res.status = 404;
        return;
      }
      res.set_content(*text, type);
    };
  };
  http.Get("/live.css", file(&m_live_css, "text/css; charset=utf-8"));
  http.Get("/live.js", file(&m_live_js, "text/javascript; charset=utf-8"));
  http.Get("/board_view.js", file(&m_board_js, "text/javascript; charset=utf-8"));

  // ---- GET /api/events?token=…: the session's events as Server-Sent Events ----
  http.Get("/api/events", [this, lang_of, wrong](const httplib::Request& req, httplib::Response& res) {
    std::string t = req.get_param_value("token");
    if (t.empty()) t = req.get_param_value("t");
    if (!AnyToken(t)) {
      wrong(req, t);
      res.status = 404;
      return;
    }
    auto refuse = [&](int status, const char* word, const char* french) {
      nlohmann::json body{{"error", word}, {"message", m_catalogue.Say(lang_of(req), french)}};
      res.status = status;
      res.set_content(body.dump(), "application/json; charset=utf-8");
    };
    if (++m_streams > m_config.limits.max_streams) {
      --m_streams;
      res.set_header("Retry-After", "10");
      return refuse(503, "too_many_streams",
                    TrLater("Trop de pages en direct sont ouvertes : fermez-en une ou réessayez dans un moment."));
    }
    // Where to start: Last-Event-ID (a browser's reconnect), else ?last_event_id= (a client that
    // cannot set headers), else the session's first event.
    std::string last = req.get_header_value("Last-Event-ID");
    if (last.empty()) last = req.get_param_value("last_event_id");
    struct Stream {
      std::int64_t after = 0;
      std::uint64_t generation = 0;
      std::string header;
      bool started = false;
      std::chrono::steady_clock::time_point last_write = std::chrono::steady_clock::now();
    };
    auto stream = std::make_shared<Stream>();
    stream->after = SeqOf(last);
    stream->header = m_feed.header(&stream->generation);
    if (stream->header.empty()) {  // the frame loop has not given the session yet (a second at most)
      --m_streams;
      res.set_header("Retry-After", "1");
      return refuse(503, "busy", TrLater("Le tableau n'a pas encore répondu : réessayez dans un instant."));
    }
    const std::chrono::milliseconds heartbeat = m_config.limits.heartbeat;
    res.set_header("X-Accel-Buffering", "no");
    res.set_chunked_content_provider(
        "text/event-stream",  // exactly: cpp-httplib compresses (and so holds back) any other text/ type
        [this, stream, heartbeat](std::size_t, httplib::DataSink& sink) {
          std::string out;
          if (!stream->started) {  // a reconnect one second after a drop; then the session's header
            stream->started = true;
            out = "retry: 1000\n";
            AppendMessage(out, "session", 0, stream->header);
          } else {
            if (!sink.is_writable()) return false;
            EventFeed::Batch batch = m_feed.Wait(stream->after, stream->generation, heartbeat);
            if (batch.closed || batch.reset) return false;  // the server stops, or another session began
            if (batch.gap) AppendMessage(out, "gap", 0, "{}");
            for (const EventFeed::Item& item : batch.events) {
              AppendMessage(out, nullptr, item.seq, item.json);
              stream->after = item.seq;
            }
            if (out.empty()) {
              if (std::chrono::steady_clock::now() - stream->last_write < heartbeat) return true;
              out = ": still here\n\n";  // a comment: a dead peer fails the write
            }
          }
          if (!sink.write(out.data(), out.size())) return false;
          stream->last_write = std::chrono::steady_clock::now();
          return true;
        },
        [this](bool) { --m_streams; });
  });
}

}  // namespace atelier::net
