// Sections: changing the text · writing the file.
#include "platform/config_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include "ui/i18n.h"

namespace atelier::platform {

namespace fs = std::filesystem;

namespace {

std::string Trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

bool PlainKey(const std::string& key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
          c == '.'))
      return false;
  return true;
}

bool OneLine(const std::string& value) {
  for (unsigned char c : value)
    if (c < 0x20 && c != '\t') return false;
  return true;
}

// The key of an active `key = value` line, or empty (comment, blank, no '=').
std::string KeyOf(std::string_view line) {
  std::string trimmed = Trim(line);
  if (trimmed.empty() || trimmed[0] == '#') return {};
  auto eq = trimmed.find('=');
  if (eq == std::string::npos) return {};
  return Trim(std::string_view(trimmed).substr(0, eq));
}

// Why a write failed, in words a facilitator can act on.
std::string Reason(int error) {
  switch (error) {
    case EACCES:
    case EPERM: return ui::Tr("le dossier est protégé en écriture");
    case EROFS: return ui::Tr("le disque est en lecture seule");
    case ENOSPC:
    case EDQUOT: return ui::Tr("le disque est plein");
    case EISDIR: return ui::Tr("un dossier porte déjà ce nom");
    default: return ui::Tr("erreur d'écriture : {1}", {std::strerror(error)});
  }
}

core::Error Failed(const fs::path& file, int error) {
  return core::Error{ui::Tr("Le réglage n'a pas pu être enregistré dans {1} ({2}).",
                            {file.string(), Reason(error)})};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Changing the text.

core::Result<std::string> UpdateConfigText(const std::string& text, const ConfigChanges& changes) {
  for (const auto& [key, value] : changes) {
    if (!PlainKey(key)) return core::Error{"not a config key: \"" + key + "\""};
    if (value && !OneLine(*value)) return core::Error{"a config value must be one line (key \"" + key + "\")"};
  }
  auto change_of = [&](const std::string& key) -> const std::optional<std::string>* {
    for (auto it = changes.rbegin(); it != changes.rend(); ++it)  // the last change of a key wins
      if (it->first == key) return &it->second;
    return nullptr;
  };

  std::string out;
  std::vector<std::string> written;  // keys found in the text
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    const bool has_newline = end != std::string::npos;
    if (!has_newline) end = text.size();
    std::string_view line(text.data() + start, end - start);
    const std::string key = KeyOf(line);
    const std::optional<std::string>* change = key.empty() ? nullptr : change_of(key);
    if (!change) {
      out.append(text, start, end - start + (has_newline ? 1 : 0));
    } else {
      written.push_back(key);
      if (change->has_value()) {  // rewritten in place, indentation and line ending kept
        const bool crlf = !line.empty() && line.back() == '\r';
        out += std::string(line.substr(0, line.find_first_not_of(" \t")));
        out += key + " = " + **change;
        if (crlf) out += '\r';
        if (has_newline) out += '\n';
      }  // no value: the line goes
    }
    start = end + 1;
  }

  for (const auto& [key, value] : changes) {
    if (!value || std::find(written.begin(), written.end(), key) != written.end()) continue;
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += key + " = " + *value + "\n";
    written.push_back(key);
  }
  return out;
}

std::string FormatConfigNumber(float value) {
  char buffer[32];
  auto done = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  std::string out(buffer, done.ptr);
  while (out.find('.') != std::string::npos && (out.back() == '0' || out.back() == '.')) {
    const bool dot = out.back() == '.';
    out.pop_back();
    if (dot) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing the file.

core::Status SaveConfigChanges(const fs::path& file, const ConfigChanges& changes) {
  std::error_code ec;
  fs::path target = file;
  if (fs::is_symlink(file, ec)) {  // e.g. to a file the installer manages: keep the link
    fs::path resolved = fs::weakly_canonical(file, ec);
    if (!ec) target = resolved;
  }

  std::string text;
  mode_t mode = 0644;
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) return Failed(target, EISDIR);
    mode = st.st_mode & 07777;
    std::ifstream in(target, std::ios::binary);
    if (!in) return Failed(target, EACCES);  // never overwrite what we could not read
    std::stringstream all;
    all << in.rdbuf();
    text = all.str();
  } else if (errno != ENOENT) {
    return Failed(target, errno);
  }
  auto updated = UpdateConfigText(text, changes);
  if (!updated.ok()) return updated.error();
  if (updated.value() == text && fs::exists(target, ec)) return core::Ok{};

  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  fs::create_directories(dir, ec);
  if (ec) return Failed(target, ec.value());
  // Appended: `"." + std::string` trips GCC 12's -Wrestrict false positive at -O3 (bug 105329).
  std::string hidden_name(1, '.');
  hidden_name.append(target.filename().string()).append(".XXXXXX");
  std::string temp = (dir / hidden_name).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return Failed(target, errno);
  const std::string& data = updated.value();
  int error = 0;
  for (std::size_t done = 0; done < data.size() && !error;) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno != EINTR) error = errno;
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  if (!error && ::fchmod(fd, mode) != 0) error = errno;
  if (!error && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && !error) error = errno;
  if (!error && ::rename(temp.c_str(), target.c_str()) != 0) error = errno;
  if (error) {
    ::unlink(temp.c_str());
    return Failed(target, error);
  }
  if (int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); d >= 0) {  // the rename itself
    (void)::fsync(d);
    ::close(d);
  }
  return core::Ok{};
}

}  // namespace atelier::platform
