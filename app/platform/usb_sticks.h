// USB sticks the kiosk can export to: the removable file systems mounted where automounters put
// them — /media/LABEL (udev + systemd-mount, deploy/kiosk/99-atelier-usb.rules), /media/USER/LABEL
// (udisks2 on Debian) and /run/media/USER/LABEL (udisks2 elsewhere). Read from
// /proc/self/mountinfo (proc(5)): the parsing is pure and unit-tested; StickWatch rereads the file
// at most once a second, from the frame loop. Paths in mountinfo escape space, tab, newline and
// backslash as \040 \011 \012 \134: Unescape undoes that.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atelier::platform {

struct MountEntry {
  int id = 0;              // the mount's id: a stick unplugged and plugged again gets another
  std::string point;       // where it is mounted, unescaped
  std::string fs_type;     // vfat, exfat, ext4 … (tmpfs for the tests' stand-in sticks)
  std::string source;      // /dev/sda1 …
  bool read_only = false;  // mounted ro (per mount or per super block)
};

// One line per mount; lines that do not parse are skipped.
std::vector<MountEntry> ParseMountInfo(std::string_view text);
std::string UnescapeMountField(std::string_view field);

struct UsbStick {
  std::string name;    // what people call it: the last part of the mount point ("KINGSTON")
  std::string point;   // its folder
  std::string source;  // its block device (for udisksctl unmount -b)
  int mount_id = 0;
  bool read_only = false;
};

// True for /media/X, /media/X/Y and /run/media/X/Y (X and Y single names).
bool IsStickPlace(std::string_view point);
// The mounts at a stick's place, in mountinfo order; a mount hidden under another at the same
// place is left out (the last one is what the folder shows).
std::vector<UsbStick> FindSticks(const std::vector<MountEntry>& mounts);
// Is this very mount (same id, same place) still there?
bool StillMounted(const UsbStick& stick, const std::vector<MountEntry>& mounts);

// Reads /proc/self/mountinfo (or another file, for tests) no more than once per period.
class StickWatch {
 public:
  explicit StickWatch(std::string mountinfo = "/proc/self/mountinfo", std::int64_t period_ms = 1000)
      : m_file(std::move(mountinfo)), m_period_ms(period_ms) {}
  // Rereads when a period has passed since the last read (now in ms, any steady origin).
  void Update(std::int64_t now_ms);
  const std::vector<UsbStick>& sticks() const { return m_sticks; }

 private:
  std::string m_file;
  std::int64_t m_period_ms;
  std::int64_t m_last_ms = 0;
  bool m_read = false;
  std::vector<UsbStick> m_sticks;
};

// The mount table now (for checks outside the frame loop: the export's own thread).
std::vector<MountEntry> ReadMountInfo(const std::string& file = "/proc/self/mountinfo");

}  // namespace atelier::platform
