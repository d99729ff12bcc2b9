// The USB stick watcher's reading of /proc/self/mountinfo (proc(5)): samples as the kernel
// writes them, with udisks', systemd-mount's and the tests' stand-in mounts.
#include "platform/usb_sticks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>


namespace atelier::platform {
namespace {

// A real machine's lines (bookworm, a stick mounted by udisks2 whose label has a space, one by
// systemd-mount, a read-only one, and the usual system mounts).
constexpr const char* kSample =
    "22 28 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw\n"
    "28 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro\n"
    "31 28 0:26 / /run rw,nosuid,nodev,noexec,relatime shared:12 - tmpfs tmpfs rw,size=3261124k,mode=755\n"
    "512 28 8:17 / /media/kiosk/CL\\303\\211\\040VERTE rw,nosuid,nodev,relatime shared:280 - vfat /dev/sdb1 "
    "rw,fmask=0022,dmask=0022,codepage=437,iocharset=utf8,shortname=mixed,errors=remount-ro\n"
    "520 28 8:33 / /media/ATELIER rw,relatime shared:290 - exfat /dev/sdc1 rw,uid=1000,gid=1000\n"
    "530 31 8:49 / /run/media/anne/PHOTOS ro,nosuid,nodev,relatime shared:300 - vfat /dev/sdd1 ro,iocharset=utf8\n"
    "540 28 0:60 / /media rw,relatime - tmpfs tmpfs rw\n"  // a mount *at* /media is not a stick
    "541 28 0:61 / /mnt/usb rw,relatime - vfat /dev/sde1 rw\n"  // outside the watched places
    "garbage line\n"
    "550 28 0:62 / /media/a/b/c rw,relatime - vfat /dev/sdf1 rw\n";  // too deep

TEST(UsbSticks, UnescapesOctalEscapes) {
  EXPECT_EQ(UnescapeMountField("/media/kiosk/MY\\040STICK"), "/media/kiosk/MY STICK");
  EXPECT_EQ(UnescapeMountField("a\\011b\\012c\\134d"), "a\tb\nc\\d");
  EXPECT_EQ(UnescapeMountField("CL\\303\\211"), "CL\xC3\x89");  // É, byte by byte
  EXPECT_EQ(UnescapeMountField("end\\04"), "end\\04");            // not a full escape: kept
  EXPECT_EQ(UnescapeMountField("\\9999"), "\\9999");
}

TEST(UsbSticks, ParsesFieldsAroundTheOptionalOnes) {
  auto mounts = ParseMountInfo(kSample);
  ASSERT_EQ(mounts.size(), 9u);  // the garbage line is skipped
  const MountEntry& stick = mounts[3];
  EXPECT_EQ(stick.id, 512);
  EXPECT_EQ(stick.point, "/media/kiosk/CLÉ VERTE");
  EXPECT_EQ(stick.fs_type, "vfat");
  EXPECT_EQ(stick.source, "/dev/sdb1");
  EXPECT_FALSE(stick.read_only);
  EXPECT_TRUE(mounts[5].read_only);
  // A line without optional fields still finds its type after the dash.
  EXPECT_EQ(mounts[6].fs_type, "tmpfs");
}

TEST(UsbSticks, KnowsTheAutomountersPlaces) {
  EXPECT_TRUE(IsStickPlace("/media/ATELIER"));
  EXPECT_TRUE(IsStickPlace("/media/kiosk/ATELIER"));
  EXPECT_TRUE(IsStickPlace("/run/media/kiosk/ATELIER"));
  EXPECT_FALSE(IsStickPlace("/media"));
  EXPECT_FALSE(IsStickPlace("/run/media/kiosk"));
  EXPECT_FALSE(IsStickPlace("/media/a/b/c"));
  EXPECT_FALSE(IsStickPlace("/mnt/usb"));
  EXPECT_FALSE(IsStickPlace("/media/../etc"));
  EXPECT_FALSE(IsStickPlace("media/x"));
}

TEST(UsbSticks, FindsTheSticksWithTheirNames) {
  auto sticks = FindSticks(ParseMountInfo(kSample));
  ASSERT_EQ(sticks.size(), 3u);
  EXPECT_EQ(sticks[0].name, "CLÉ VERTE");
  EXPECT_EQ(sticks[0].source, "/dev/sdb1");
  EXPECT_EQ(sticks[1].name, "ATELIER");
  EXPECT_EQ(sticks[1].point, "/media/ATELIER");
  EXPECT_EQ(sticks[2].name, "PHOTOS");
  EXPECT_TRUE(sticks[2].read_only);
}

TEST(UsbSticks, AMountOverAnotherHidesIt) {
  auto sticks = FindSticks(ParseMountInfo("600 28 8:1 / /media/X rw - vfat /dev/sda1 rw\n"
                                          "601 28 8:2 / /media/X rw - vfat /dev/sdb1 rw\n"));
  ASSERT_EQ(sticks.size(), 1u);
  EXPECT_EQ(sticks[0].source, "/dev/sdb1");
}

TEST(UsbSticks, AStickPluggedAgainIsAnotherMount) {
  auto before = FindSticks(ParseMountInfo("600 28 8:1 / /media/X rw - vfat /dev/sda1 rw\n"));
  ASSERT_EQ(before.size(), 1u);
  EXPECT_TRUE(StillMounted(before[0], ParseMountInfo("600 28 8:1 / /media/X rw - vfat /dev/sda1 rw\n")));
  EXPECT_FALSE(StillMounted(before[0], ParseMountInfo("28 1 259:2 / / rw - ext4 /dev/root rw\n")));
  EXPECT_FALSE(StillMounted(before[0], ParseMountInfo("612 28 8:1 / /media/X rw - vfat /dev/sda1 rw\n")));
}

TEST(UsbSticks, TheWatchRereadsOncePerPeriod) {
  const std::string file = testing::TempDir() + "/mountinfo-watch";
  auto write = [&](const char* text) { std::ofstream(file, std::ios::trunc) << text; };
  write("600 28 8:1 / /media/X rw - vfat /dev/sda1 rw\n");
  StickWatch watch(file, 1000);
  watch.Update(0);
  ASSERT_EQ(watch.sticks().size(), 1u);
  write("");
  watch.Update(500);  // too soon: what it saw stands
  EXPECT_EQ(watch.sticks().size(), 1u);
  watch.Update(1000);
  EXPECT_TRUE(watch.sticks().empty());
}

TEST(UsbSticks, ReadsThisMachinesTable) {
  auto mounts = ReadMountInfo();
  ASSERT_FALSE(mounts.empty());
  // Not "/": inside a chroot (CI's fresh bookworm root) the root is no mount point of its own.
  // The table was read from /proc, so /proc is in it wherever this runs.
  EXPECT_TRUE(std::any_of(mounts.begin(), mounts.end(),
                          [](const MountEntry& m) { return m.point == "/proc" && m.fs_type == "proc"; }));
}

}  // namespace
}  // namespace atelier::platform
