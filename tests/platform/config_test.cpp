// Reading atelier.conf: numbers are read whole and within the ranges docs/configuration.md gives;
// anything else leaves the default and says which line was ignored, and why.
#include <gtest/gtest.h>

#include "platform/config.h"

namespace atelier::platform {
namespace {

using Why = IgnoredLine::Why;

TEST(ConfigFile, NumbersWithinTheirRangesAreTaken) {
  ConfigLoad load = ParseConfig("ui_scale = 1.5\nscreen_width_mm = 1430\nidle_delay_s = 0\nphones_port = 8080\n",
                                "atelier.conf");
  EXPECT_TRUE(load.ignored.empty());
  ASSERT_TRUE(load.config.ui_scale.has_value());
  EXPECT_FLOAT_EQ(*load.config.ui_scale, 1.5f);
  EXPECT_EQ(load.config.screen_width_mm, 1430);
  EXPECT_EQ(load.config.idle_delay_s, 0);
  EXPECT_EQ(load.config.phones_port, 8080);
}

TEST(ConfigFile, ANumberFollowedByWordsIsNoNumber) {
  // std::stof read "1.5abc" as 1.5 and std::stoi "8080 ports" as 8080.
  ConfigLoad load = ParseConfig("ui_scale = 1.5abc\nphones_port = 8080 ports\nidle_delay_s = 60s\nui_scale = 1,5\n",
                                "atelier.conf");
  EXPECT_FALSE(load.config.ui_scale.has_value());
  EXPECT_EQ(load.config.phones_port, 0);
  EXPECT_EQ(load.config.idle_delay_s, Config{}.idle_delay_s);
  ASSERT_EQ(load.ignored.size(), 4u);
  for (const IgnoredLine& line : load.ignored) EXPECT_EQ(line.why, Why::NotANumber) << line.value;
  EXPECT_EQ(load.ignored[1].line, 2);
  EXPECT_EQ(load.ignored[1].key, "phones_port");
}

TEST(ConfigFile, NumbersOutsideTheirRangesAreWrongValues) {
  ConfigLoad load = ParseConfig(
      "ui_scale = 9\nui_scale = 0.1\nscreen_width_mm = 3\nidle_delay_s = -5\nphones_port = 70000\nscreen_width_mm = 12.5\n",
      "atelier.conf");
  EXPECT_FALSE(load.config.ui_scale.has_value());
  EXPECT_EQ(load.config.screen_width_mm, Config{}.screen_width_mm);
  EXPECT_EQ(load.config.idle_delay_s, Config{}.idle_delay_s);
  EXPECT_EQ(load.config.phones_port, 0);
  ASSERT_EQ(load.ignored.size(), 6u);
  for (const IgnoredLine& line : load.ignored) EXPECT_EQ(line.why, Why::WrongValue) << line.key << " = " << line.value;
  EXPECT_EQ(load.warnings.size(), 6u);
}

}  // namespace
}  // namespace atelier::platform
