// The kiosk's LAN server for phones (docs/phones.md): the phone page and POST /api/cards, on
// cpp-httplib's own threads. Handlers never touch the Board: they check a request (token,
// limits, fields), hand the card to the frame loop through a PhoneDesk and wait, bounded, for
// the outcome. The server can only add cards; it reads no file after start (its pages are
// loaded into memory) and never uses a request's path as a path.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/error.h"
#include "net/catalogue.h"
#include "net/event_feed.h"
#include "net/phone_desk.h"
#include "net/phone_page.h"
#include "net/rate_limit.h"

namespace httplib {
class Server;
}

namespace atelier::net {

// Limits, documented in docs/phones.md; every refusal is a JSON answer with a message.
struct PhoneLimits {
  std::size_t max_body_bytes = 4096;       // 413 beyond
  int cards_per_phone_per_minute = 10;     // 429 beyond (a phone: its cookie, else its address)
  int cards_per_minute = 120;              // 429 beyond, all phones together
  int requests_per_address_per_minute = 120;  // 429 beyond, any route
  std::chrono::milliseconds wait{5000};    // the longest a handler waits for the frame loop (503)
  int max_streams = 20;                    // open GET /api/events at once; 503 beyond
  std::chrono::milliseconds heartbeat{10000};  // a comment on a quiet stream: dead peers are found
};

struct PhoneServerConfig {
  std::string address = "0.0.0.0";  // where to listen: every interface (the LAN), or one address
  int port = 0;                     // 0: a free port chosen by the system (tests)
  Language kiosk_language = Language::French;  // for phones whose Accept-Language names neither
  std::filesystem::path page_dir;   // assets/phone: the phone page's HTML, CSS and JS
  std::filesystem::path live_dir;   // assets/live: the live page's (empty: page_dir's sibling "live")
  PhoneLimits limits;
};

class PhoneServer {
 public:
  // Loads the page, binds and starts listening; or the English reason it cannot.
  static core::Result<std::unique_ptr<PhoneServer>> Start(const PhoneServerConfig& config, PhoneDesk& desk,
                                                          const Catalogue& catalogue);
  // Closes the desk (waiting handlers answer "busy"), stops listening, closes every connection.
  ~PhoneServer();
  PhoneServer(const PhoneServer&) = delete;
  PhoneServer& operator=(const PhoneServer&) = delete;

  int port() const { return m_port; }
  const std::string& address() const { return m_config.address; }
  std::string token() const;       // the phones' token: the page's ?t= and the body's "token"
  std::string view_token() const;  // the live page's, which cannot post
  void NewTokens();                // a new session, or "Nouveau lien": old links stop working
  void SetZones(std::vector<ZoneChoice> zones);  // what the page offers (the frame loop tells)

  // The address phones should open: the listening address, or the first LAN IPv4 address.
  std::string PublicAddress() const;
  std::string PhoneUrl() const;  // http://ADDRESS:PORT/?t=TOKEN
  std::string LiveUrl() const;   // http://ADDRESS:PORT/live?t=VIEW_TOKEN

  // The session's events for GET /api/events: the frame loop appends (PhoneLink), streams read.
  EventFeed& feed() { return m_feed; }
  int open_streams() const { return m_streams; }

  std::int64_t wrong_tokens() const { return m_wrong_tokens; }
  std::int64_t rate_limited() const { return m_rate_limited; }

 private:
  PhoneServer(const PhoneServerConfig& config, PhoneDesk& desk, const Catalogue& catalogue);
  void Routes();
  void LiveRoutes();  // live_routes.cpp: GET /api/events and the live page
  bool LoadLivePage();
  bool AnyToken(const std::string& t) const;  // the phones' or the view-only one
  std::int64_t NowMs() const;

  PhoneServerConfig m_config;
  PhoneDesk& m_desk;
  const Catalogue& m_catalogue;
  std::unique_ptr<httplib::Server> m_http;
  std::thread m_thread;
  int m_port = 0;
  mutable std::mutex m_tokens_mutex;
  std::string m_token, m_view_token;
  std::vector<ZoneChoice> m_zones;  // under m_tokens_mutex too
  std::string m_page_html, m_page_css, m_page_js;
  std::string m_live_html, m_live_css, m_live_js, m_board_js;
  EventFeed m_feed;
  std::atomic<int> m_streams{0};
  RateLimit m_per_address, m_per_phone, m_in_all;
  std::atomic<std::int64_t> m_wrong_tokens{0}, m_rate_limited{0};
  std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
};

// The first non-loopback IPv4 address that is up, or "127.0.0.1" when there is none.
std::string LanAddress();

}  // namespace atelier::net
