#include "report/replay_video.h"

#include <gtest/gtest.h>

#include "report/video_writer.h"

namespace atelier::report {
namespace {

TEST(ReplayVideo, FramesCoverTheSessionAtTheSpeedAndEndOnTheLastMoment) {
  // 60 s at 10× and 30 fps: 6 s of video, one frame per 1/3 s of session time... plus the first.
  ReplayVideoOptions o{.fps = 30, .speed = 10};
  EXPECT_EQ(FrameCount(60'000, o), 181);
  EXPECT_EQ(FrameTime(0, 60'000, o), 0);
  EXPECT_EQ(FrameTime(3, 60'000, o), 1000);
  EXPECT_EQ(FrameTime(180, 60'000, o), 60'000);
  // Not a whole number of frames: the last frame is clamped to the end.
  EXPECT_EQ(FrameCount(1'050, {.fps = 10, .speed = 1}), 12);
  EXPECT_EQ(FrameTime(11, 1'050, {.fps = 10, .speed = 1}), 1'050);
  // From a moment on; an empty session is one frame.
  EXPECT_EQ(FrameCount(60'000, {.fps = 1, .speed = 1, .from_ms = 30'000}), 31);
  EXPECT_EQ(FrameTime(0, 60'000, {.fps = 1, .speed = 1, .from_ms = 30'000}), 30'000);
  EXPECT_EQ(FrameCount(0, o), 1);
}

TEST(ReplayVideo, CaptionSaysTheTimeOfDayAndTheCards) {
  const std::int64_t nine_oh_five = 9 * 3'600'000 + 5 * 60'000;  // 1970-01-01 09:05 UTC
  EXPECT_EQ(VideoCaption(nine_oh_five, 0, 12, "fr"), "9 h 05  ·  12 cartes");
  EXPECT_EQ(VideoCaption(nine_oh_five, 60, 1, "fr"), "10 h 05  ·  1 carte");
  EXPECT_EQ(VideoCaption(nine_oh_five, 0, 0, "fr"), "9 h 05  ·  Aucune carte");
  EXPECT_EQ(VideoCaption(nine_oh_five, 0, 2, "en"), "09:05  ·  2 cards");
}

TEST(VideoWriter, TheExtensionPicksTheCodec) {
  EXPECT_EQ(VideoCodecFor("a/b.mp4").value(), VideoCodec::H264);
  EXPECT_EQ(VideoCodecFor("B.MP4").value(), VideoCodec::H264);
  EXPECT_EQ(VideoCodecFor("x.webm").value(), VideoCodec::Vp9);
  auto avi = VideoCodecFor("x.avi");
  ASSERT_FALSE(avi.ok());
  EXPECT_NE(avi.error().message.find(".mp4"), std::string::npos);
  EXPECT_FALSE(VideoCodecFor("video").ok());
}

}  // namespace
}  // namespace atelier::report
