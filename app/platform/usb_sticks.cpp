#include "platform/usb_sticks.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace atelier::platform {

namespace {

std::vector<std::string_view> SplitSpaces(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

bool HasOption(std::string_view options, std::string_view wanted) {
  std::size_t i = 0;
  while (i <= options.size()) {
    std::size_t j = options.find(',', i);
    if (j == std::string_view::npos) j = options.size();
    if (options.substr(i, j - i) == wanted) return true;
    i = j + 1;
  }
  return false;
}

bool IsName(std::string_view part) { return !part.empty() && part != "." && part != ".."; }

}  // namespace

std::string UnescapeMountField(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  const auto octal = [](char c) { return c >= '0' && c <= '7'; };
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size() && octal(field[i + 1]) && octal(field[i + 2]) &&
        octal(field[i + 3])) {
      out.push_back(static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0')));
      i += 3;
      continue;
    }
    out.push_back(field[i]);
  }
  return out;
}

std::vector<MountEntry> ParseMountInfo(std::string_view text) {
  std::vector<MountEntry> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::vector<std::string_view> f = SplitSpaces(text.substr(start, end - start));
    start = end + 1;
    // id parent major:minor root point options [optional…] - type source super-options
    auto dash = std::find(f.begin(), f.end(), std::string_view("-"));
    if (f.size() < 6 || dash == f.end() || dash - f.begin() < 6 || f.end() - dash < 3) continue;
    MountEntry e;
    try {
      e.id = std::stoi(std::string(f[0]));
    } catch (...) {
      continue;
    }
    e.point = UnescapeMountField(f[4]);
    e.fs_type = UnescapeMountField(dash[1]);
    e.source = UnescapeMountField(dash[2]);
    e.read_only = HasOption(f[5], "ro") || HasOption(dash[3], "ro");
    out.push_back(std::move(e));
  }
  return out;
}

bool IsStickPlace(std::string_view point) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  if (point.empty() || point[0] != '/') return false;
  while (i < point.size()) {
    std::size_t j = point.find('/', i + 1);
    if (j == std::string_view::npos) j = point.size();
    std::string_view part = point.substr(i + 1, j - i - 1);
    if (!part.empty()) parts.push_back(part);
    i = j;
  }
  if (!std::all_of(parts.begin(), parts.end(), IsName)) return false;
  if (parts.size() == 2 || parts.size() == 3) {
    if (parts[0] == "media") return true;  // /media/LABEL, /media/USER/LABEL
  }
  return parts.size() == 4 && parts[0] == "run" && parts[1] == "media";  // /run/media/USER/LABEL
}

std::vector<UsbStick> FindSticks(const std::vector<MountEntry>& mounts) {
  std::vector<UsbStick> out;
  for (const MountEntry& m : mounts) {
    if (!IsStickPlace(m.point)) continue;
    // A later mount at the same place hides the earlier one.
    std::erase_if(out, [&](const UsbStick& s) { return s.point == m.point; });
    // A mount under /media/USER/ hides nothing of another stick, but /media/USER itself being a
    // mount (rare) is not a stick when sticks are mounted inside it.
    std::erase_if(out, [&](const UsbStick& s) { return m.point.rfind(s.point + "/", 0) == 0; });
    UsbStick stick{.name = m.point.substr(m.point.rfind('/') + 1), .point = m.point, .source = m.source,
                   .mount_id = m.id, .read_only = m.read_only};
    out.push_back(std::move(stick));
  }
  return out;
}

bool StillMounted(const UsbStick& stick, const std::vector<MountEntry>& mounts) {
  return std::any_of(mounts.begin(), mounts.end(),
                     [&](const MountEntry& m) { return m.id == stick.mount_id && m.point == stick.point; });
}

std::vector<MountEntry> ReadMountInfo(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return ParseMountInfo(text.str());
}

void StickWatch::Update(std::int64_t now_ms) {
  if (m_read && now_ms - m_last_ms < m_period_ms) return;
  m_read = true;
  m_last_ms = now_ms;
  m_sticks = FindSticks(ReadMountInfo(m_file));
}

}  // namespace atelier::platform
