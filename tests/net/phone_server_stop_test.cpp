// Turning the phone server off (the panel's switch, docs/phones.md): the port refuses new
// connections, and connections already open — one idle after a keep-alive answer, one that has
// sent nothing yet, one halfway through a request — are closed by the server, not left to time out.
#include <poll.h>

#include "net_test_util.h"
#include "net/open_connections.h"

namespace atelier::net {
namespace {

class PhoneServerStopTest : public PhoneServerFixture {};

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Waits (at most 20 s) for the peer to end the connection: true on end of stream or reset.
// Whatever the server still sends first (an answer) is read and dropped.
bool ClosedByPeer(int fd) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  char buf[4096];
  while (std::chrono::steady_clock::now() < until) {
    pollfd p{.fd = fd, .events = POLLIN, .revents = 0};
    if (poll(&p, 1, 200) <= 0) continue;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return true;
  }
  return false;
}

TEST_F(PhoneServerStopTest, TurningOffClosesHeldConnectionsAndThePortRefusesNewOnes) {
  Start();
  const int port = server->port();
  // A keep-alive connection that has had its answer and now sits idle.
  int idle = Connect(port);
  ASSERT_GE(idle, 0);
  const std::string get = "GET /?t=" + server->token() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  ASSERT_EQ(write(idle, get.data(), get.size()), static_cast<ssize_t>(get.size()));
  std::string answer;
  char buf[8192];
  while (answer.find("</html>") == std::string::npos) {
    ssize_t n = read(idle, buf, sizeof buf);
    ASSERT_GT(n, 0) << "the server closed the keep-alive connection by itself";
    answer.append(buf, static_cast<std::size_t>(n));
  }
  ASSERT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer.substr(0, 80);
  int silent = Connect(port);  // connected, nothing sent
  ASSERT_GE(silent, 0);
  int halfway = Connect(port);  // half a request line
  ASSERT_GE(halfway, 0);
  ASSERT_EQ(write(halfway, "POST /api/ca", 12), 12);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the workers have them

  server.reset();  // the switch: off

  EXPECT_TRUE(ClosedByPeer(idle));
  EXPECT_TRUE(ClosedByPeer(silent));
  EXPECT_TRUE(ClosedByPeer(halfway));
  close(idle);
  close(silent);
  close(halfway);
  EXPECT_EQ(Connect(port), -1) << "the port still accepts connections";
}

TEST_F(PhoneServerStopTest, ShuttingDownTouchesOnlyTheServersOwnConnections) {
  Start();
  int client = Connect(server->port());
  ASSERT_GE(client, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // Our own client socket's local port is not the server's: it is left alone, the server's end is not.
  EXPECT_EQ(ShutDownConnectionsOnPort(server->port()), 1);
  EXPECT_TRUE(ClosedByPeer(client));
  close(client);
  EXPECT_EQ(ShutDownConnectionsOnPort(0), 0);
  auto cli = Client();  // the server itself still listens
  auto res = cli.Post("/api/cards", Body("encore là", "after-shutdown-1"), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201);
}

}  // namespace
}  // namespace atelier::net
