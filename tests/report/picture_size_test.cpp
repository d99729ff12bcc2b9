#include "report/picture_size.h"

#include <gtest/gtest.h>

namespace atelier::report {
namespace {

TEST(PictureSize, DefaultSizeAndScale) {
  EXPECT_EQ(ChoosePictureSize("", 0).value(), (PictureSize{1920, 1080}));
  EXPECT_EQ(ChoosePictureSize("", 2).value(), (PictureSize{3840, 2160}));
  EXPECT_EQ(ChoosePictureSize("", 4).value(), (PictureSize{7680, 4320}));
  EXPECT_EQ(ChoosePictureSize("", 0.5).value(), (PictureSize{960, 540}));
}

TEST(PictureSize, WidthByHeightUpTo8K) {
  EXPECT_EQ(ChoosePictureSize("3840x2160", 0).value(), (PictureSize{3840, 2160}));
  EXPECT_EQ(ChoosePictureSize("1000X1000", 0).value(), (PictureSize{1000, 1000}));
  EXPECT_EQ(ChoosePictureSize("800×600", 0).value(), (PictureSize{800, 600}));
  EXPECT_EQ(ChoosePictureSize("7680x4320", 0).value(), (PictureSize{7680, 4320}));
}

TEST(PictureSize, RefusesWhatCannotBeDrawnWithAReason) {
  for (const char* bad : {"7681x4320", "7680x4321", "159x90", "160x89", "0x0", "99999999x2"}) {
    auto r = ChoosePictureSize(bad, 0);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("7680x4320"), std::string::npos) << r.error().message;
  }
  for (const char* bad : {"grand", "1920", "1920x", "x1080", "-1920x1080", "1920x1080x3", "1.5x2"}) {
    auto r = ChoosePictureSize(bad, 0);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("WIDTHxHEIGHT"), std::string::npos) << r.error().message;
  }
  EXPECT_FALSE(ChoosePictureSize("", 4.01).ok());
  EXPECT_FALSE(ChoosePictureSize("", -1).ok());
  EXPECT_NE(ChoosePictureSize("1920x1080", 2).error().message.find("not both"), std::string::npos);
}

}  // namespace
}  // namespace atelier::report
