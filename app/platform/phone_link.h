// The phone server as the kiosk runs it (docs/phones.md): started at launch when `--phones`
// or `phones_port` asks, its lines printed on stderr, and the cards phones send served on the
// frame loop — the one thread that submits Commands — once a frame.
#pragma once
#include <memory>
#include <string>

#include "net/catalogue.h"
#include "net/phone_desk.h"
#include "net/phone_server.h"
#include "platform/kiosk_sessions.h"
#include "platform/paths.h"

namespace atelier::platform {

// "8080" or "127.0.0.1:8080" → address and port; false when it is neither.
bool ParsePhonesListen(const std::string& text, std::string& address, int& port);

class PhoneLink {
 public:
  // Starts the server; null (and the English reason on stderr) when it cannot listen.
  static std::unique_ptr<PhoneLink> Start(const std::string& address, int port, const AppPaths& paths,
                                          const std::string& kiosk_lang);
  ~PhoneLink();

  // Frame loop: gives the waiting cards to live's session; a session opened since the last
  // frame gets new tokens (the old links stop working) and the lines are printed again.
  void Frame(LiveSession& live);

  const net::PhoneServer& server() const { return *m_server; }
  // "Nouveau lien" on the panel's Téléphones page: new tokens (the old links get 404), the
  // lines printed again.
  void NewLink();

 private:
  PhoneLink() = default;
  void PrintLines() const;
  net::Answer Land(const net::PhoneCard& card, LiveSession& live);
  void Publish(LiveSession& live);  // committed events to the live streams
  // phones_moderation = inbox (phone_inbox_link.cpp): the card goes to wait in the inbox; and
  // the states of the inbox's cards published for POST /api/cards/status.
  net::Answer ToInbox(const net::PhoneCard& card, LiveSession& live);
  void PublishInbox(const LiveSession& live);

  net::Catalogue m_catalogue;
  net::PhoneDesk m_desk;
  std::unique_ptr<net::PhoneServer> m_server;
  const core::Session* m_session = nullptr;  // the one whose tokens are out there
  std::vector<net::ZoneChoice> m_zones;      // what the page offers now
  bool m_said_feed_problem = false;
  std::int64_t m_published_events = -1;      // the session's event count PublishInbox last saw
};

}  // namespace atelier::platform
