#include "platform/phone_link.h"

#include <GLFW/glfw3.h>

#include <cstdio>
#include <regex>

#include "core/command.h"

namespace atelier::platform {

bool ParsePhonesListen(const std::string& text, std::string& address, int& port) {
  static const std::regex kListen(R"((?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d{1,5}))");
  std::smatch m;
  if (!std::regex_match(text, m, kListen)) return false;
  port = std::stoi(m[2]);
  if (port > 65535) return false;
  address = m[1].matched ? std::string(m[1]) : "0.0.0.0";
  return true;
}

std::unique_ptr<PhoneLink> PhoneLink::Start(const std::string& address, int port, const AppPaths& paths,
                                            const std::string& kiosk_lang) {
  std::unique_ptr<PhoneLink> link(new PhoneLink);
  link->m_catalogue = net::Catalogue::Load(paths.locale_dir);
  if (!link->m_catalogue.problem().empty())
    std::fprintf(stderr, "atelier: phones: %s (answers in French only)\n", link->m_catalogue.problem().c_str());
  link->m_desk.SetWake([] { glfwPostEmptyEvent(); });  // an idle frame loop waits for events
  auto started = net::PhoneServer::Start(
      {.address = address,
       .port = port,
       .kiosk_language = kiosk_lang == "en" ? net::Language::English : net::Language::French,
       .page_dir = paths.data_dir / "assets" / "phone"},
      link->m_desk, link->m_catalogue);
  if (!started.ok()) {
    std::fprintf(stderr, "atelier: phones: %s\n", started.error().message.c_str());
    return nullptr;
  }
  link->m_server = std::move(started.value());
  return link;
}

PhoneLink::~PhoneLink() {
  m_server.reset();  // closes the desk and every connection before the desk goes
}

void PhoneLink::PrintLines() const {
  std::fprintf(stderr, "phones: %s\nlive: %s\n", m_server->PhoneUrl().c_str(), m_server->LiveUrl().c_str());
  std::fflush(stderr);
}

void PhoneLink::NewLink() {
  m_server->NewTokens();
  PrintLines();
}

void PhoneLink::Frame(LiveSession& live) {
  if (live.session.get() != m_session) {
    if (m_session) m_server->NewTokens();
    m_session = live.session.get();
    m_server->feed().Reset(live.file->meta());  // the live streams of the old one end
    m_published_events = -1;
    PrintLines();
  }
  std::vector<net::ZoneChoice> zones;  // a handful: cheap to compare every frame
  for (const core::Zone& z : live.session->board().map_template().zones) zones.push_back({z.id, z.label.fr, z.label.en});
  if (zones != m_zones) {
    m_zones = zones;
    m_server->SetZones(std::move(zones));
  }
  m_desk.Serve([&](const net::PhoneCard& card) {
    // A key the inbox knows (a retry after the kiosk restarted): its state, never a second card.
    if (core::FindByKey(live.session->board().inbox(), card.request.key) || live.screen->phones_inbox())
      return ToInbox(card, live);
    return Land(card, live);
  });
  Publish(live);
  PublishInbox(live);
}

// The events now durably in the session file, to the live streams (GET /api/events), as the
// JSON Lines export writes them: read back from the file, so a stream says what the file says.
void PhoneLink::Publish(LiveSession& live) {
  net::EventFeed& feed = m_server->feed();
  if (feed.generation() == 0) feed.Reset(live.file->meta());  // a server (re)started: from the first event
  const std::int64_t written = live.file->written_events();
  if (written <= feed.last_seq()) return;
  auto events = live.file->ReadEvents(feed.last_seq());
  if (!events.ok()) {
    if (!m_said_feed_problem) std::fprintf(stderr, "atelier: phones: live stream: %s\n", events.error().message.c_str());
    m_said_feed_problem = true;
    return;
  }
  for (const core::Event& e : events.value()) feed.Append(e);
}

net::Answer PhoneLink::Land(const net::PhoneCard& card, LiveSession& live) {
  const core::Board& board = live.session->board();
  if (board.locked())
    return {.status = 409, .error = true, .word = "locked",
            .french = net::TrLater("Le tableau est verrouillé pour l'instant : gardez votre carte et renvoyez-la plus tard.")};
  const core::Zone* zone = nullptr;
  if (!card.request.zone.empty()) {
    for (const core::Zone& z : board.map_template().zones)
      if (z.id == card.request.zone) zone = &z;
    if (!zone)
      return {.status = 400, .error = true, .word = "bad_field",
              .french = net::TrLater("Cette zone n'existe pas sur la carte."), .field = "zone"};
  }
  core::AddCard add = live.screen->PhoneCard(card.request.text, card.request.colour, zone);
  add.phone = card.phone;
  core::Result<core::Event> done = live.session->Submit(add, core::Actor::Phone);
  if (!done.ok())  // the core's own reason (French; the catalogue may not know it)
    return {.status = 409, .error = true, .word = "refused", .french = done.error().message};
  return {.status = 201, .word = "on_board", .french = net::TrLater("Votre carte est sur le tableau."),
          .card = std::get<core::CardAdded>(done.value().data).id};
}

}  // namespace atelier::platform
