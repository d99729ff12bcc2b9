// For the net tests: the real phone server on 127.0.0.1 (a free port), a session in memory,
// and a thread that plays the kiosk's frame loop (it alone submits the cards, as in the kiosk).
#pragma once
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "core/command.h"
#include "core/journal.h"
#include "core/session.h"
#include "net/phone_inbox.h"
#include "net/phone_server.h"

namespace atelier::net {

inline core::Template MapWithZone() {
  core::Template t;
  t.id = "test";
  t.zones.push_back(core::Zone{.id = "gestion", .label = {"Gestion", "Management"}, .area = {0.5f, 0.5f, 0.2f, 0.2f}});
  return t;
}

class PhoneServerFixture : public ::testing::Test {
 protected:
  void TearDown() override { Stop(); }

  void Start(PhoneLimits limits = {}, bool frame_loop = true) {
    catalogue = Catalogue::Load(ATELIER_TEST_LOCALE_DIR);
    auto started = PhoneServer::Start({.address = "127.0.0.1",
                                       .port = 0,
                                       .page_dir = std::string(ATELIER_SOURCE_DIR) + "/assets/phone",
                                       .limits = limits},
                                      desk, catalogue);
    ASSERT_TRUE(started.ok()) << started.error().message;
    server = std::move(started.value());
    if (frame_loop) StartFrameLoop();
  }

  void StartFrameLoop() {
    running = true;
    loop = std::thread([this] {
      while (running) {
        {
          std::lock_guard lock(board_mutex);
          desk.Serve([this](const PhoneCard& c) { return inbox ? SendToInbox(session, c) : Land(c); });
          desk.PublishStates(InboxStates(session.board()));  // as PhoneLink does (net/phone_inbox.h)
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    });
  }

  void Stop() {
    running = false;
    if (loop.joinable()) loop.join();
    server.reset();
  }

  // What the kiosk's PhoneLink does, without a screen: the card goes to the map's middle.
  Answer Land(const PhoneCard& c) {
    auto done = session.Submit(core::AddCard{.text = c.request.text, .colour = c.request.colour, .at = {0.5f, 0.5f}, .phone = c.phone},
                               core::Actor::Phone);
    if (!done.ok()) return {.status = 409, .error = true, .word = "refused", .french = done.error().message};
    return {.status = 201, .word = "on_board", .french = "Votre carte est sur le tableau.",
            .card = std::get<core::CardAdded>(done.value().data).id};
  }

  std::size_t CardCount() {
    std::lock_guard lock(board_mutex);
    return session.board().cards().size();
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(10, 0);
    c.set_tcp_nodelay(true);
    return c;
  }

  std::string Body(const std::string& text, const std::string& key, const std::string& token = "") {
    return nlohmann::json{{"token", token.empty() ? server->token() : token}, {"text", text}, {"colour", "blue"},
                          {"key", key}}
        .dump();
  }

  // Sends raw bytes on a fresh connection and returns everything the server wrote back.
  std::string Raw(const std::string& bytes) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(server->port()));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      close(fd);
      return {};
    }
    (void)!write(fd, bytes.data(), bytes.size());
    // (the write side stays open: a peer that half-closes is taken by the server for one that left)
    timeval tv{.tv_sec = 10, .tv_usec = 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
      out.append(buf, static_cast<std::size_t>(n));
      std::size_t head = out.find("\r\n\r\n"), length = out.find("Content-Length: ");
      if (head != std::string::npos && length != std::string::npos && length < head &&
          out.size() >= head + 4 + std::stoul(out.substr(length + 16)))
        break;  // the whole answer: no need to wait for the server's keep-alive to end
    }
    close(fd);
    return out;
  }

  core::MemoryJournal journal;
  core::ManualClock clock{1000};
  core::Session session{core::Board(MapWithZone()), journal, clock};
  std::mutex board_mutex;
  Catalogue catalogue;
  PhoneDesk desk;
  std::unique_ptr<PhoneServer> server;
  std::thread loop;
  std::atomic<bool> running{false};
  std::atomic<bool> inbox{false};  // phones_moderation = inbox: cards wait in the inbox
};

}  // namespace atelier::net
