// The phone server's switch (docs/phones.md): off by default, on at launch when `--phones` or
// `phones_port` asks, and turned on and off at any time from the panel's Téléphones page. It
// owns the running PhoneLink (none while off), says in French why it could not start (a port in
// use …), and keeps the page's settings — the venue's Wi-Fi and the board's QR code — in
// atelier.conf through the config writer. Frame loop only.
#pragma once
#include <memory>
#include <string>

#include "platform/config.h"
#include "platform/config_writer.h"
#include "platform/kiosk_sessions.h"
#include "platform/paths.h"
#include "platform/phone_link.h"
#include "ui/phones_page.h"

namespace atelier::platform {

struct PhonesListen {
  std::string address = "0.0.0.0";  // every interface: the LAN
  int port = 8080;                   // 0: a free port the system chooses
  bool at_launch = false;            // --phones or phones_port: on from the start
};

// Where the switch listens: --phones [ADDRESS:]PORT, else phones_port, else every interface on
// kDefaultPhonesPort (then off until the panel turns it on). False when --phones is malformed.
inline constexpr int kDefaultPhonesPort = 8080;
bool ChoosePhonesListen(const std::string& option, int config_port, PhonesListen& out);

// French, for the panel: why listening on address:port failed (in use, reserved, …).
std::string PortProblem(const std::string& address, int port);

class PhoneSwitch {
 public:
  PhoneSwitch(PhonesListen listen, const AppPaths& paths, Config& config);
  ~PhoneSwitch();

  bool TurnOn();  // false: problem() says why (and the English reason went to stderr)
  void TurnOff();  // closes every connection; the counters start again at the next TurnOn
  bool on() const { return m_link != nullptr; }

  // Frame loop: the cards from phones (while on).
  void Frame(LiveSession& live);
  // What the panel's page and the board show now.
  ui::PhonesView View() const;
  // Does what the page asked; problems are said on the page (View().problem).
  void Handle(const ui::PhonesAsk& ask);

 private:
  void Save(const ConfigChanges& changes);

  PhonesListen m_listen;
  const AppPaths& m_paths;
  Config& m_config;
  std::unique_ptr<PhoneLink> m_link;
  std::string m_problem;
};

}  // namespace atelier::platform
