#include "platform/phone_switch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "platform/config_writer.h"
#include "ui/i18n.h"

namespace atelier::platform {

bool ChoosePhonesListen(const std::string& option, int config_port, PhonesListen& out) {
  out = {};
  if (!option.empty()) {
    out.at_launch = true;
    return ParsePhonesListen(option, out.address, out.port);
  }
  if (config_port > 0) {
    out.port = config_port;
    out.at_launch = true;
  } else {
    out.port = kDefaultPhonesPort;
  }
  return true;
}

std::string PortProblem(const std::string& address, int port) {
  // Ask the system the same question the server asked, to say why in plain words.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int why = 0;
  if (fd >= 0) {
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    if (inet_pton(AF_INET, address.c_str(), &a.sin_addr) != 1) why = EADDRNOTAVAIL;
    else if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) why = errno;
    close(fd);
  }
  const std::string p = std::to_string(port);
  if (why == EADDRINUSE)
    return ui::Tr("Le port {1} est déjà pris par un autre programme. Arrêtez-le, ou choisissez un autre port "
                  "(phones_port dans atelier.conf).", {p});
  if (why == EACCES)
    return ui::Tr("Le port {1} est réservé au système. Choisissez un port au-dessus de 1024 (phones_port dans "
                  "atelier.conf).", {p});
  if (why == EADDRNOTAVAIL)
    return ui::Tr("L'adresse {1} n'est pas celle de cette machine : vérifiez --phones.", {address});
  return ui::Tr("Les téléphones n'ont pas pu démarrer sur le port {1}. Réessayez dans un instant.", {p});
}

PhoneSwitch::PhoneSwitch(PhonesListen listen, const AppPaths& paths, Config& config)
    : m_listen(std::move(listen)), m_paths(paths), m_config(config) {}

PhoneSwitch::~PhoneSwitch() { TurnOff(); }

bool PhoneSwitch::TurnOn() {
  if (m_link) return true;
  m_link = PhoneLink::Start(m_listen.address, m_listen.port, m_paths, m_config.lang);
  if (!m_link) {
    m_problem = PortProblem(m_listen.address, m_listen.port);
    return false;
  }
  m_problem.clear();
  return true;
}

void PhoneSwitch::TurnOff() {
  if (!m_link) return;
  m_link.reset();  // stops listening and closes every connection, keep-alive ones too
  std::fprintf(stderr, "phones: off\n");
  std::fflush(stderr);
}

void PhoneSwitch::Frame(LiveSession& live) {
  if (m_link) m_link->Frame(live);
}

ui::PhonesView PhoneSwitch::View() const {
  ui::PhonesView view{.on = m_link != nullptr,
                      .wifi_name = m_config.wifi_name,
                      .wifi_password = m_config.wifi_password,
                      .board_qr = m_config.phones_board_qr,
                      .problem = m_problem};
  if (m_link) {
    const net::PhoneServer& server = m_link->server();
    view.phone_url = server.PhoneUrl();
    view.live_url = server.LiveUrl();
    view.wrong_tokens = server.wrong_tokens();
    view.rate_limited = server.rate_limited();
  }
  return view;
}

void PhoneSwitch::Save(const ConfigChanges& changes) {
  core::Status saved = SaveConfigChanges(m_paths.config_file, changes);
  if (!saved.ok()) {
    std::fprintf(stderr, "atelier: settings not saved: %s\n", saved.error().message.c_str());
    m_problem = saved.error().message + " " + ui::Tr("Le réglage vaut jusqu'à l'arrêt de la borne.");
  }
}

void PhoneSwitch::Handle(const ui::PhonesAsk& ask) {
  using Kind = ui::PhonesAsk::Kind;
  switch (ask.kind) {
    case Kind::None: break;
    case Kind::TurnOn: TurnOn(); break;
    case Kind::TurnOff:
      TurnOff();
      m_problem.clear();
      break;
    case Kind::NewLink:
      if (m_link) m_link->NewLink();
      break;
    case Kind::SetWifi: {
      m_config.wifi_name = ask.wifi_name;
      m_config.wifi_password = ask.wifi_name.empty() ? std::string() : ask.wifi_password;
      auto value = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional(v); };
      Save({{"wifi_name", value(m_config.wifi_name)}, {"wifi_password", value(m_config.wifi_password)}});
      break;
    }
    case Kind::SetBoardQr:
      m_config.phones_board_qr = ask.board_qr;
      Save({{"phones_board_qr", ask.board_qr ? std::optional<std::string>("yes") : std::nullopt}});
      break;
  }
}

}  // namespace atelier::platform
