// Touch ids from the touchscreen become small pointer ids: the first finger is 0, ids are
// reused as fingers lift, a finger keeps its id for its whole touch.
#include "input/touch_ids.h"

#include <gtest/gtest.h>

namespace atelier::input {
namespace {

TEST(TouchIds, LowestFreeIdFirstFingerIsZero) {
  TouchIds ids;
  EXPECT_EQ(ids.Begin(1001), 0);
  EXPECT_EQ(ids.Begin(1002), 1);
  EXPECT_EQ(ids.Begin(1003), 2);
  EXPECT_EQ(ids.End(1002), 1);
  EXPECT_EQ(ids.Begin(1004), 1);  // the freed id comes back
  EXPECT_EQ(ids.Find(1003), 2);   // others keep theirs
  EXPECT_EQ(ids.down(), 3u);
}

TEST(TouchIds, ATouchKeepsItsIdAndUnknownTouchesHaveNone) {
  TouchIds ids;
  EXPECT_EQ(ids.Begin(7), 0);
  EXPECT_EQ(ids.Begin(7), 0);  // a repeated begin (X may resend) does not take a second id
  EXPECT_EQ(ids.down(), 1u);
  EXPECT_EQ(ids.Find(8), std::nullopt);
  EXPECT_EQ(ids.End(8), std::nullopt);
  EXPECT_EQ(ids.End(7), 0);
  EXPECT_EQ(ids.down(), 0u);
  EXPECT_EQ(ids.Begin(0xFFFFFFFFu), 0);  // any 32-bit touch number
}

}  // namespace
}  // namespace atelier::input
