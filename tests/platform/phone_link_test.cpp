// How the kiosk is told to start the phone server: --phones [ADDRESS:]PORT and phones_port.
#include <gtest/gtest.h>

#include "platform/config.h"
#include "platform/phone_link.h"

namespace atelier::platform {
namespace {

TEST(PhonesListen, APortAloneListensOnTheLanAndAnAddressNarrowsIt) {
  std::string address;
  int port = -1;
  ASSERT_TRUE(ParsePhonesListen("8080", address, port));
  EXPECT_EQ(address, "0.0.0.0");
  EXPECT_EQ(port, 8080);
  ASSERT_TRUE(ParsePhonesListen("127.0.0.1:0", address, port));
  EXPECT_EQ(address, "127.0.0.1");
  EXPECT_EQ(port, 0);
  for (const char* bad : {"", "huit", "70000", "localhost:8080", "8080:127.0.0.1", "-1", "1.2.3:80"})
    EXPECT_FALSE(ParsePhonesListen(bad, address, port)) << bad;
}

TEST(PhonesListen, PhonesPortInTheConfigFile) {
  EXPECT_EQ(ParseConfig("", "atelier.conf").config.phones_port, 0);  // off by default
  ConfigLoad on = ParseConfig("phones_port = 8080\n", "atelier.conf");
  EXPECT_EQ(on.config.phones_port, 8080);
  EXPECT_TRUE(on.warnings.empty());
  ConfigLoad bad = ParseConfig("phones_port = 99999\nphones_port = huit\n", "atelier.conf");
  EXPECT_EQ(bad.config.phones_port, 0);
  EXPECT_EQ(bad.warnings.size(), 2u);
  EXPECT_TRUE(IsConfigKey("phones_port"));
}

}  // namespace
}  // namespace atelier::platform
