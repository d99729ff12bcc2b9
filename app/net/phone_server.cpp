// Sections: answers (JSON, headers) · the page · POST /api/cards · start and stop · addresses.
#include "net/phone_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <ifaddrs.h>
#include <net/if.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "net/open_connections.h"
#include "net/phone_page.h"
#include "net/secrets.h"

namespace atelier::net {

namespace {

using nlohmann::json;

constexpr const char* kCookie = "atelier_phone";

// ---- answers -------------------------------------------------------------------------------

// Every answer: no caching, no sniffing, no framing, no referrer (the URL holds the token), and
// a policy that allows only the page's own files and requests to its own origin.
httplib::Headers SecurityHeaders() {
  return {{"Content-Security-Policy",
           "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
           "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Cache-Control", "no-store"}};
}

void SendJson(httplib::Response& res, const Answer& a, const Catalogue& catalogue, Language lang) {
  json body{{a.error ? "error" : "state", a.word}, {"message", catalogue.Say(lang, a.french, a.args)}};
  if (!a.field.empty()) body["field"] = a.field;
  if (a.card > 0) body["card"] = a.card;
  res.status = a.status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

Answer Refusal(int status, const char* word, const char* french) {
  return Answer{.status = status, .error = true, .word = word, .french = french};
}

std::string CookieValue(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    std::size_t semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
  }
  return {};
}

// A browser's request from another site (a page elsewhere posting to the kiosk) is refused;
// scripts and tools that send no Origin are not browsers and are let through.
bool SameOrigin(const httplib::Request& req) {
  const std::string site = req.get_header_value("Sec-Fetch-Site");
  if (!site.empty() && site != "same-origin" && site != "none") return false;
  const std::string origin = req.get_header_value("Origin");
  if (origin.empty()) return true;
  return origin == "http://" + req.get_header_value("Host");
}

// What POST /api/cards/status answers for a card: 200 and its state, or 404 for a key the
// kiosk does not know (it restarted, or the card was never received).
Answer CardState(std::optional<Answer> known) {
  if (!known) return Refusal(404, "unknown_card", TrLater("Le tableau ne connaît pas cette carte."));
  Answer a = *known;
  a.status = 200;
  if (a.word == "on_board" && a.french.empty()) a.french = TrLater("Votre carte est sur le tableau.");
  return a;
}

}  // namespace

// ---- the server -----------------------------------------------------------------------------

PhoneServer::PhoneServer(const PhoneServerConfig& config, PhoneDesk& desk, const Catalogue& catalogue)
    : m_config(config),
      m_desk(desk),
      m_catalogue(catalogue),
      m_http(std::make_unique<httplib::Server>()),
      m_per_address(config.limits.requests_per_address_per_minute),
      m_per_phone(config.limits.cards_per_phone_per_minute),
      m_in_all(config.limits.cards_per_minute) {
  if (m_config.live_dir.empty()) m_config.live_dir = m_config.page_dir.parent_path() / "live";
  NewTokens();
}

std::int64_t PhoneServer::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_started).count();
}

std::string PhoneServer::token() const {
  std::lock_guard lock(m_tokens_mutex);
  return m_token;
}

std::string PhoneServer::view_token() const {
  std::lock_guard lock(m_tokens_mutex);
  return m_view_token;
}

void PhoneServer::NewTokens() {
  std::string token = NewSecret(), view = NewSecret();
  std::lock_guard lock(m_tokens_mutex);
  m_token = std::move(token);
  m_view_token = std::move(view);
}

void PhoneServer::SetZones(std::vector<ZoneChoice> zones) {
  std::lock_guard lock(m_tokens_mutex);
  m_zones = std::move(zones);
}

void PhoneServer::Routes() {
  httplib::Server& http = *m_http;
  http.set_default_headers(SecurityHeaders());
  auto lang_of = [this](const httplib::Request& req) {
    return PickLanguage(req.get_header_value("Accept-Language"), m_config.kiosk_language);
  };

  // The per-address limit, for every request: a flood gets 429 and nothing else. Requests with
  // a body are checked in their handler, once the (bounded) body is read, so a keep-alive
  // connection never finds an unread body where it expects the next request.
  auto too_many = [this, lang_of](const httplib::Request& req, httplib::Response& res) {
    if (m_per_address.Allow(req.remote_addr, NowMs())) return false;
    ++m_rate_limited;
    SendJson(res, Refusal(429, "too_many_requests", TrLater("Trop de demandes d'un coup : attendez une minute.")),
             m_catalogue, lang_of(req));
    return true;
  };
  http.set_pre_routing_handler([too_many](const httplib::Request& req, httplib::Response& res) {
    // A Range header is ignored: every answer is whole. cpp-httplib 0.11 cuts any answer to the
    // ranges asked for, an API's JSON or an error's too (a 400 cut to "{\"error\":\"b", a 202
    // as multipart/byteranges), which no phone could read (found by tests/fuzz). The request
    // object is the library's own non-const one, handed to us as const: clearing is defined.
    const_cast<httplib::Request&>(req).ranges.clear();
    if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding"))
      return httplib::Server::HandlerResponse::Unhandled;
    return too_many(req, res) ? httplib::Server::HandlerResponse::Handled : httplib::Server::HandlerResponse::Unhandled;
  });

  // Answers the library makes itself (no route, body too large, malformed request) get a JSON body.
  http.set_error_handler(httplib::Server::HandlerWithResponse([this, lang_of](const httplib::Request& req,
                                                                              httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours already
    Answer a = Refusal(res.status, "not_found", TrLater("Cette adresse n'existe pas. Scannez à nouveau le code du tableau."));
    if (res.status == 413) a = Refusal(413, "too_large", TrLater("La demande est trop grosse."));
    if (res.status == 400) a = Refusal(400, "bad_request", TrLater("La demande n'est pas lisible : rechargez la page et réessayez."));
    if (res.status != 404 && res.status != 413 && res.status != 400)
      a = Refusal(res.status, "refused", TrLater("La demande n'a pas pu être traitée."));
    SendJson(res, a, m_catalogue, lang_of(req));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([this, lang_of](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    res.body.clear();
    SendJson(res, Refusal(500, "refused", TrLater("La demande n'a pas pu être traitée.")), m_catalogue, lang_of(req));
  });

  // ---- the page: GET /?t=TOKEN and its two files ----
  auto page_file = [this](const std::string* text, const char* type) {
    return [this, text, type](const httplib::Request& req, httplib::Response& res) {
      if (!SameSecret(req.get_param_value("t"), token()) || text->empty()) {
        res.status = 404;  // the error handler writes the answer
        return;
      }
      res.set_content(*text, type);
    };
  };
  http.Get("/", [this, lang_of](const httplib::Request& req, httplib::Response& res) {
    const std::string t = req.get_param_value("t");
    if (!SameSecret(t, token()) || m_page_html.empty()) {
      if (!t.empty()) ++m_wrong_tokens;
      res.status = 404;
      return;
    }
    std::vector<ZoneChoice> zones;
    {
      std::lock_guard lock(m_tokens_mutex);
      zones = m_zones;
    }
    res.set_content(PhonePageHtml(m_page_html, m_catalogue, lang_of(req), t, zones), "text/html; charset=utf-8");
  });
  http.Get("/phone.css", page_file(&m_page_css, "text/css; charset=utf-8"));
  http.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });  // no icon
  http.Get("/phone.js", page_file(&m_page_js, "text/javascript; charset=utf-8"));

  // ---- POST /api/cards ----
  http.Post("/api/cards", [this, lang_of, too_many](const httplib::Request& req, httplib::Response& res) {
    if (too_many(req, res)) return;
    const Language lang = lang_of(req);
    auto send = [&](const Answer& a) { SendJson(res, a, m_catalogue, lang); };
    if (!SameOrigin(req))
      return send(Refusal(403, "cross_origin", TrLater("Cette demande ne vient pas de la page du tableau.")));
    auto parsed = ParseCardRequest(req.body);
    if (const BadField* bad = std::get_if<BadField>(&parsed))
      return send(Answer{.status = 400, .error = true, .word = "bad_field", .french = bad->french, .args = bad->args,
                         .field = bad->field});
    CardRequest request = std::get<CardRequest>(std::move(parsed));
    if (!SameSecret(request.token, token())) {
      const std::int64_t n = ++m_wrong_tokens;
      if (n <= 10 || n % 100 == 0)
        std::fprintf(stderr, "atelier: phones: %s token from %s (%lld so far)\n", request.token.empty() ? "no" : "wrong",
                     req.remote_addr.c_str(), static_cast<long long>(n));
      return send(Refusal(404, "not_found", TrLater("Ce lien ne marche plus. Scannez à nouveau le code du tableau.")));
    }
    auto checked = CheckCardFields(request);
    if (const BadField* bad = std::get_if<BadField>(&checked))
      return send(Answer{.status = 400, .error = true, .word = "bad_field", .french = bad->french, .args = bad->args,
                         .field = bad->field});
    if (std::optional<Answer> seen = m_desk.Seen(request.key)) return send(*seen);  // a retry: the first answer

    std::string cookie = CookieValue(req, kCookie);
    const bool had_cookie = LooksLikeSecret(cookie);
    if (!had_cookie) {
      cookie = NewSecret();
      res.set_header("Set-Cookie", std::string(kCookie) + "=" + cookie +
                                       "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict");
    }
    const std::string phone = PhoneIdOf(cookie);
    const std::int64_t now = NowMs();
    if (!m_per_phone.Allow(had_cookie ? phone : "address " + req.remote_addr, now)) {
      ++m_rate_limited;
      return send(Refusal(429, "too_many_cards",
                          TrLater("Vous avez envoyé beaucoup de cartes : attendez une minute avant la suivante.")));
    }
    if (!m_in_all.Allow("all", now)) {
      ++m_rate_limited;
      return send(Refusal(429, "too_many_cards", TrLater("Beaucoup de cartes arrivent en même temps : réessayez dans une minute.")));
    }
    std::optional<Answer> answer = m_desk.Hand(PhoneCard{std::move(request), phone}, m_config.limits.wait);
    if (!answer)
      return send(Refusal(503, "busy", TrLater("Le tableau n'a pas encore répondu : la carte sera renvoyée.")));
    send(*answer);
  });

  LiveRoutes();
  // ---- POST /api/cards/status {"token", "key"}: where a card is now (the inbox) ----
  http.Post("/api/cards/status", [this, lang_of, too_many](const httplib::Request& req, httplib::Response& res) {
    if (too_many(req, res)) return;
    auto send = [&](const Answer& a) { SendJson(res, a, m_catalogue, lang_of(req)); };
    if (!SameOrigin(req))
      return send(Refusal(403, "cross_origin", TrLater("Cette demande ne vient pas de la page du tableau.")));
    auto parsed = ParseCardRequest(req.body);
    if (const BadField* bad = std::get_if<BadField>(&parsed))
      return send(Answer{.status = 400, .error = true, .word = "bad_field", .french = bad->french, .args = bad->args,
                         .field = bad->field});
    const CardRequest& request = std::get<CardRequest>(parsed);
    if (!SameSecret(request.token, token())) {
      ++m_wrong_tokens;
      return send(Refusal(404, "not_found", TrLater("Ce lien ne marche plus. Scannez à nouveau le code du tableau.")));
    }
    if (!ValidKey(request.key))
      return send(Answer{.status = 400, .error = true, .word = "bad_field",
                         .french = TrLater("La demande n'a pas de clé valable : rechargez la page et réessayez."),
                         .field = "key"});
    send(CardState(m_desk.State(request.key)));
  });
}

core::Result<std::unique_ptr<PhoneServer>> PhoneServer::Start(const PhoneServerConfig& config, PhoneDesk& desk,
                                                              const Catalogue& catalogue) {
  std::unique_ptr<PhoneServer> server(new PhoneServer(config, desk, catalogue));
  auto read = [&](const char* name, std::string& out) {
    std::ifstream in(config.page_dir / name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    out = s.str();
    return !out.empty();
  };
  if (!read("phone.html", server->m_page_html) || !read("phone.css", server->m_page_css) ||
      !read("phone.js", server->m_page_js))
    std::fprintf(stderr, "atelier: phones: the phone page is missing from %s (the API still works)\n",
                 config.page_dir.c_str());
  httplib::Server& http = *server->m_http;
  if (!server->LoadLivePage())
    std::fprintf(stderr, "atelier: phones: the live page is missing from %s (its event stream still works)\n",
                 server->m_config.live_dir.c_str());
  // 8 threads for requests, and one for each event stream it may hold open.
  http.new_task_queue = [n = 8 + std::max(0, config.limits.max_streams)] { return new httplib::ThreadPool(n); };
  http.set_payload_max_length(config.limits.max_body_bytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_tcp_nodelay(true);  // small answers: no Nagle delay waiting for an ACK
  http.set_keep_alive_max_count(20);
  http.set_keep_alive_timeout(5);
  server->Routes();
  desk.Reopen();
  server->m_feed.Reopen();
  if (config.port == 0) {
    server->m_port = http.bind_to_any_port(config.address);
    if (server->m_port <= 0) return core::Error{"cannot listen on " + config.address + " (any port)"};
  } else {
    if (!http.bind_to_port(config.address, config.port))
      return core::Error{"cannot listen on " + config.address + ":" + std::to_string(config.port) +
                         " (in use, or a port below 1024 without the right)"};
    server->m_port = config.port;
  }
  server->m_thread = std::thread([&http] { http.listen_after_bind(); });
  return server;
}

PhoneServer::~PhoneServer() {
  m_desk.Close();
  m_feed.Close();  // every event stream ends at once (live_routes.cpp)
  m_http->stop();
  ShutDownConnectionsOnPort(m_port);  // idle keep-alive connections too, at once (open_connections.h)
  if (m_thread.joinable()) m_thread.join();
}

// ---- addresses ------------------------------------------------------------------------------

std::string LanAddress() {
  ifaddrs* list = nullptr;
  std::string found = "127.0.0.1";
  if (getifaddrs(&list) != 0) return found;
  for (ifaddrs* i = list; i; i = i->ifa_next) {
    if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK))
      continue;
    char text[INET_ADDRSTRLEN];
    if (inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, text, sizeof text)) {
      found = text;
      break;
    }
  }
  freeifaddrs(list);
  return found;
}

std::string PhoneServer::PublicAddress() const {
  return m_config.address == "0.0.0.0" || m_config.address.empty() ? LanAddress() : m_config.address;
}

std::string PhoneServer::PhoneUrl() const {
  return "http://" + PublicAddress() + ":" + std::to_string(m_port) + "/?t=" + token();
}

std::string PhoneServer::LiveUrl() const {
  return "http://" + PublicAddress() + ":" + std::to_string(m_port) + "/live?t=" + view_token();
}

}  // namespace atelier::net
