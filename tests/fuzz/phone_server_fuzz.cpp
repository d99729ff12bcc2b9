// A random-request driver for the phone server (docs/phones.md, "Fuzzing"): the real
// PhoneServer on 127.0.0.1 (a free port), a thread playing the kiosk's frame loop (it lands
// cards, sometimes slowly or refusing, in board or inbox mode, and fills the live feed), and
// several client threads that speak raw TCP to it: valid requests with the real token, mutated
// (byte flips, insertions, cuts, truncations), random methods, paths, headers, Content-Length
// values, chunked bodies, bad UTF-8, JSON edge cases, traversal paths, SSE streams opened and
// dropped, slow partial requests, requests after the server said Connection: close.
//
// libFuzzer is not used: the handlers live inside cpp-httplib's server (its parser, its
// threads, its keep-alive loop), so the server is fuzzed whole, over real sockets.
//
// Checks: the server stays up (a valid card gets 201/202 every few seconds and at the end),
// every answer is well-formed HTTP, JSON where the API says so, no 5xx but the documented 503s,
// and no card reaches the frame loop without the right token (or with a bad key or text).
// Build it with -DATELIER_SANITIZE=ON (ASan + UBSan) for the real run; exit status 0 = clean.
//
//   phone_server_fuzz --seconds 600 --seed 42 --source-dir . [--locale-dir build/locale]
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/command.h"
#include "core/journal.h"
#include "core/session.h"
#include "core/text.h"
#include "net/phone_inbox.h"
#include "net/phone_server.h"

namespace {

using namespace atelier;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

// ---- what was seen -----------------------------------------------------------------------------

struct Stats {
  std::atomic<long> requests{0}, connections{0}, answers{0}, sse_opened{0}, slow{0}, after_close{0};
  std::atomic<long> no_answer{0}, alive_checks{0}, alive_busy{0}, landed{0}, inboxed{0}, refused_by_loop{0};
  std::array<std::atomic<long>, 600> by_status{};
  std::atomic<long> failures{0};
  std::mutex log_mutex;
  std::vector<std::string> failure_log;

  void Fail(const std::string& what, const std::string& request = {}, const std::string& answer = {}) {
    ++failures;
    std::lock_guard lock(log_mutex);
    if (failure_log.size() >= 20) return;
    std::string line = what;
    auto show = [](const std::string& bytes) {
      std::string s;
      for (unsigned char c : bytes.substr(0, 400)) {
        if (c >= 0x20 && c < 0x7f) s += static_cast<char>(c);
        else if (c == '\r') s += "\\r";
        else if (c == '\n') s += "\\n";
        else {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02x", c);
          s += hex;
        }
      }
      return s;
    };
    if (!request.empty()) line += "\n    request: " + show(request);
    if (!answer.empty()) line += "\n    answer:  " + show(answer);
    failure_log.push_back(line);
    std::fprintf(stderr, "FAIL: %s\n", line.c_str());
  }
};

Stats g_stats;

// ---- raw connections -----------------------------------------------------------------------

int g_port = 0;

int Connect() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(g_port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ++g_stats.connections;
  return fd;
}

bool SendAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads what is there within `ms`; false when the peer closed (or failed).
bool ReadSome(int fd, std::string& out, int ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, ms) <= 0) return true;  // nothing yet
  char buf[16384];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  if (n <= 0) return false;
  out.append(buf, static_cast<std::size_t>(n));
  return true;
}

// ---- answers -------------------------------------------------------------------------------

struct Response {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

enum class Parse { Done, NeedMore, Malformed };

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// One answer from the front of `in`; `head_only` for HEAD requests and event streams.
Parse ParseResponse(const std::string& in, std::size_t& used, Response& r, bool head_only, std::string& why) {
  std::size_t end = in.find("\r\n\r\n");
  if (end == std::string::npos) {
    if (in.size() > 65536) return why = "head too long", Parse::Malformed;
    if (in.size() >= 9 && in.compare(0, 9, "HTTP/1.1 ") != 0) return why = "no status line", Parse::Malformed;
    return Parse::NeedMore;
  }
  std::size_t line_end = in.find("\r\n");
  const std::string status_line = in.substr(0, line_end);
  if (status_line.size() < 13 || status_line.compare(0, 9, "HTTP/1.1 ") != 0 || !std::isdigit(status_line[9]) ||
      !std::isdigit(status_line[10]) || !std::isdigit(status_line[11]) || status_line[12] != ' ')
    return why = "bad status line", Parse::Malformed;
  r.status = std::stoi(status_line.substr(9, 3));
  if (r.status < 100 || r.status > 599) return why = "status out of range", Parse::Malformed;
  std::size_t at = line_end + 2;
  while (at < end) {
    std::size_t next = in.find("\r\n", at);
    const std::string line = in.substr(at, next - at);
    std::size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0) return why = "header without a name", Parse::Malformed;
    for (char c : line)
      if (c == '\0' || c == '\r' || c == '\n') return why = "control byte in a header", Parse::Malformed;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers[Lower(line.substr(0, colon))] = value;
    at = next + 2;
  }
  std::size_t body_at = end + 4;
  if (head_only || r.status < 200 || r.status == 204 || r.status == 304) {
    used = body_at;
    return Parse::Done;
  }
  if (auto te = r.headers.find("transfer-encoding"); te != r.headers.end()) {
    if (Lower(te->second) != "chunked") return why = "unknown transfer-encoding", Parse::Malformed;
    std::size_t p = body_at;
    for (;;) {
      std::size_t eol = in.find("\r\n", p);
      if (eol == std::string::npos) return Parse::NeedMore;
      char* stop = nullptr;
      const std::string size_text = in.substr(p, eol - p);
      unsigned long size = std::strtoul(size_text.c_str(), &stop, 16);
      if (size_text.empty() || (*stop != '\0' && *stop != ';')) return why = "bad chunk size", Parse::Malformed;
      p = eol + 2;
      if (size == 0) {
        std::size_t trailer = in.find("\r\n", p);
        if (trailer == std::string::npos) return Parse::NeedMore;
        used = trailer + 2;
        return Parse::Done;
      }
      if (in.size() < p + size + 2) return Parse::NeedMore;
      r.body.append(in, p, size);
      if (in.compare(p + size, 2, "\r\n") != 0) return why = "chunk not ended by CRLF", Parse::Malformed;
      p += size + 2;
    }
  }
  auto cl = r.headers.find("content-length");
  if (cl == r.headers.end()) {
    // No length: the body runs to the close (the caller passes everything once closed).
    used = in.size();
    r.body = in.substr(body_at);
    return Parse::Done;
  }
  if (cl->second.empty() || !std::all_of(cl->second.begin(), cl->second.end(), ::isdigit))
    return why = "bad Content-Length", Parse::Malformed;
  std::size_t length = std::stoul(cl->second);
  if (in.size() < body_at + length) return Parse::NeedMore;
  r.body = in.substr(body_at, length);
  used = body_at + length;
  return Parse::Done;
}

// The rules every answer follows; `api` when the request was one the API answers in JSON.
void CheckAnswer(const Response& r, bool api, const std::string& request, const std::string& raw, bool head) {
  ++g_stats.answers;
  ++g_stats.by_status[static_cast<std::size_t>(r.status)];
  if (r.status < 200) return;
  if (head) {  // no body: only the status is checked
    if (r.status >= 500 && r.status != 503) g_stats.Fail("a " + std::to_string(r.status) + " answer", request, raw);
    return;
  }
  auto type = r.headers.find("content-type");
  const bool is_json = type != r.headers.end() && type->second.rfind("application/json", 0) == 0;
  json body;
  if (is_json) {
    body = json::parse(r.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("message") || !body["message"].is_string())
      return g_stats.Fail("a JSON answer that is not {…, \"message\"}", request, raw);
  }
  if (r.status >= 500) {
    if (r.status != 503) return g_stats.Fail("a " + std::to_string(r.status) + " answer", request, raw);
    if (!is_json || !body.contains("error") ||
        (body["error"] != "busy" && body["error"] != "too_many_streams"))
      return g_stats.Fail("an undocumented 503", request, raw);
  }
  if (r.status >= 400 && (!is_json || !body.contains("error") || !body["error"].is_string()))
    return g_stats.Fail("an error answer without a JSON {error, message} body", request, raw);
  if (api && r.status < 400 && r.status != 100 &&
      (!is_json || !(body.contains("state") && body["state"].is_string())))
    return g_stats.Fail("an API answer without a JSON {state, message} body", request, raw);
  if (r.headers.find("content-security-policy") == r.headers.end())
    return g_stats.Fail("an answer without Content-Security-Policy", request, raw);
}

// Reads and checks the answers to what was sent on fd, until `expected` were read, the server
// closed, or it stayed quiet for idle_ms. Returns whether the server closed the connection.
struct Exchange {
  int answers = 0;
  bool closed = false;
  bool said_close = false;
  std::vector<int> statuses;
};

Exchange ReadAnswers(int fd, const std::string& request, bool api, bool head, int expected, int idle_ms,
                     bool strict = true) {
  Exchange x;
  std::string in;
  auto last = Clock::now();
  const auto give_up = Clock::now() + std::chrono::seconds(12);
  for (;;) {
    // Parse what is there.
    for (;;) {
      if (in.empty()) break;
      Response r;
      std::size_t used = 0;
      std::string why;
      Parse p = ParseResponse(in, used, r, head, why);
      if (p == Parse::NeedMore) {
        if (!x.closed) break;
        if (strict) g_stats.Fail("an answer cut short (" + std::to_string(in.size()) + " bytes)", request, in);
        return x;
      }
      if (p == Parse::Malformed) {
        // After the first answer to mangled bytes, the rest of the bytes may have been taken for
        // a request of another method (HEAD …): only the first answer is held to the rules.
        if (strict || x.answers == 0) g_stats.Fail("a malformed answer: " + why, request, in);
        return x;
      }
      if (r.headers.count("content-length") == 0 && r.headers.count("transfer-encoding") == 0 && r.status >= 200 &&
          r.status != 204 && r.status != 304 && !head && !x.closed)
        break;  // the body runs to the close: wait for it
      if (strict || x.answers == 0) CheckAnswer(r, api, request, in.substr(0, used), head);
      if (r.status >= 200) {
        ++x.answers;
        x.statuses.push_back(r.status);
      }
      if (auto c = r.headers.find("connection"); c != r.headers.end() && Lower(c->second) == "close")
        x.said_close = true;
      in.erase(0, used);
      if (expected > 0 && x.answers >= expected) return x;
    }
    if (x.closed) return x;
    std::size_t before = in.size();
    if (!ReadSome(fd, in, 100)) x.closed = true;
    if (in.size() != before) last = Clock::now();
    if (!x.closed && (Clock::now() - last > std::chrono::milliseconds(idle_ms) || Clock::now() > give_up)) return x;
  }
}

// ---- requests ------------------------------------------------------------------------------

struct Tokens {
  std::mutex mutex;
  std::string phone, view;
  std::set<std::string> ever;  // every phones' token the server gave: a card must carry one
};
Tokens g_tokens;

std::string PhoneToken() {
  std::lock_guard lock(g_tokens.mutex);
  return g_tokens.phone;
}
std::string ViewToken() {
  std::lock_guard lock(g_tokens.mutex);
  return g_tokens.view;
}

class Maker {
 public:
  explicit Maker(std::uint64_t seed) : m_rng(seed) {}

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
  template <class T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(Int(0, static_cast<int>(v.size()) - 1))];
  }
  std::string Bytes(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>(Int(0, 255));
    return s;
  }

  std::string Key() {
    static const char* kChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    std::string k = "fz-";
    const int n = Int(8, 30);
    for (int i = 0; i < n; ++i) k += kChars[Int(0, 63)];
    return k;
  }

  std::string Text() {
    static const std::vector<std::string> texts = {
        "Un drive partagé", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xaeRTL",
        std::string(200, 'a'), std::string(201, 'b'), std::string(2000, 'c'), "   ", "\t\n\r",
        "a\u0000b", "\xff\xfe bad", "\xc3\x28", "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 beyond",
        "\xe2\x80\xae\xe2\x80\x8b zero width", std::string("nul\0inside", 10), "{{1}} {1} %s %n %x",
        "\\u0000", "line\nbreak", std::string(66, '\x7f')};
    return Pick(texts);
  }

  // A body for POST /api/cards (or /status): valid, or with an edge case.
  std::string CardBody(const std::string& token, bool valid) {
    std::string body = CardJson(token, valid);
    // The text goes in raw (bad UTF-8 and control bytes as they are: nlohmann would refuse
    // to write them), only quotes and backslashes escaped, or sometimes not even those.
    const std::size_t at = body.find(kRawText);
    if (at != std::string::npos) {
      std::string raw;
      for (char c : Text()) {
        if ((c == '"' || c == '\\') && Chance(0.9)) raw += '\\';
        raw += c;
      }
      body.replace(at, std::strlen(kRawText), raw);
    }
    return body;
  }

  static constexpr const char* kRawText = "@@raw-text@@";

  std::string CardJson(const std::string& token, bool valid) {
    json j{{"token", token}, {"text", valid ? "Carte " + std::to_string(Int(0, 1 << 30)) : std::string(kRawText)},
           {"colour", Pick(std::vector<std::string>{"blue", "yellow", "green", "pink"})}, {"key", Key()}};
    if (Chance(0.3)) j["zone"] = Pick(std::vector<std::string>{"gestion", "", "nulle-part", std::string(65, 'z')});
    if (valid) return j.dump();
    switch (Int(0, 17)) {
      case 0: return std::string(static_cast<std::size_t>(Int(1, 3000)), '[') ;  // deep, unfinished
      case 1: return std::string(2000, '[') + std::string(2000, ']');              // deep, finished
      case 2: j["text"] = 1e308; break;
      case 3: j["key"] = "1" + std::string(400, '9'); break;
      case 4: {  // numbers too big for any type, inline
        std::string s = j.dump();
        s.insert(s.size() - 1, ",\"n\":1" + std::string(300, '0') + "e999999");
        return s;
      }
      case 5: {  // the token twice: a wrong one last (the parser keeps the last)
        std::string s = j.dump();
        s.insert(s.size() - 1, ",\"token\":\"" + std::string(32, 'f') + "\"");
        return s;
      }
      case 6: {  // a wrong one first
        std::string s = j.dump();
        s.insert(1, "\"token\":\"" + std::string(32, '0') + "\",");
        return s;
      }
      case 7: j["token"] = token.substr(0, token.size() / 2); break;
      case 8: j["token"] = token + "0"; break;
      case 9: j["token"] = json::array({token}); break;
      case 10: j["colour"] = json::object({{"a", 1}}); break;
      case 11: j.erase("key"); break;
      case 12: j["key"] = "../../etc/passwd"; break;
      case 13: return "\"" + token + "\"";
      case 14: return "null";
      case 15: return j.dump() + "garbage";
      case 16: {  // \u0000 and lone surrogates escaped in JSON
        std::string s = j.dump();
        std::size_t at = s.find("\"text\":\"");
        if (at != std::string::npos) s.insert(at + 8, "\\u0000\\ud800\\udfff\\uDBFF");
        return s;
      }
      default: j["token"] = ViewToken(); break;  // the view-only token cannot post
    }
    return j.dump();
  }

  std::string Path() {
    const std::string t = PhoneToken(), v = ViewToken();
    static const std::vector<std::string> odd = {
        "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/phone.html",
        "/assets/phone/phone.html", "//etc/passwd", "/api/cards/../cards", "/api/cards/", "/api/cards%00",
        "/api//cards", "/API/CARDS", "/live/", "/live.css/../../phone.js", "/\xff\xfe", "/%ff%fe%00", "*",
        "http://127.0.0.1/api/cards", "/?t=", "/?t=%00", "/?t[]=1", "/?t=1&t=2", "/api/events?token=%",
        "/web/board_view.js", "/board_view.js/..", "/.git/config", "/favicon.ico", "/phone.js?t=../../x"};
    switch (Int(0, 12)) {
      case 0: return "/?t=" + t;
      case 1: return "/phone.css?t=" + t;
      case 2: return "/phone.js?t=" + t;
      case 3: return "/live?t=" + v;
      case 4: return "/live.js?t=" + (Chance(0.5) ? v : t);
      case 5: return "/board_view.js?t=" + v;
      case 6: return "/live.css?t=" + v + "&t=" + t;
      case 7: return "/" + std::string(static_cast<std::size_t>(Int(1, 20000)), 'a');
      case 8: return "/?t=" + t + std::string(static_cast<std::size_t>(Int(1, 3)), '%');
      default: return Pick(odd);
    }
  }

  std::string Headers(bool browser) {
    std::string h = "Host: 127.0.0.1:" + std::to_string(g_port) + "\r\n";
    if (browser) h += "Origin: http://127.0.0.1:" + std::to_string(g_port) + "\r\nSec-Fetch-Site: same-origin\r\n";
    if (Chance(0.3)) h += "Accept-Language: " + Pick(std::vector<std::string>{"en", "fr-FR,fr;q=0.9", "*", ";;;q=", "en;q=abc", std::string(3000, 'e')}) + "\r\n";
    if (Chance(0.2)) h += "Cookie: atelier_phone=" + Pick(std::vector<std::string>{std::string(32, 'a'), "", "x;atelier_phone=", std::string(5000, 'c')}) + "\r\n";
    if (Chance(0.05)) h += "Origin: http://evil.example\r\n";
    if (Chance(0.05)) h += "Sec-Fetch-Site: cross-site\r\n";
    if (Chance(0.05)) h += "Range: bytes=" + Pick(std::vector<std::string>{"0-10", "-1", "5-1", "0-0,1-1,2-2,3-3", "99999999999999999999-", "a-b"}) + "\r\n";
    if (Chance(0.05)) h += "Accept-Encoding: gzip, deflate, br\r\n";
    if (Chance(0.03)) h += "Expect: 100-continue\r\n";
    if (Chance(0.03)) h += "X-Long: " + std::string(static_cast<std::size_t>(Int(1000, 70000)), 'x') + "\r\n";
    if (Chance(0.02)) for (int i = 0; i < 200; ++i) h += "X-" + std::to_string(i) + ": v\r\n";
    if (Chance(0.02)) h += "NoColonHere\r\n";
    if (Chance(0.02)) h += ": empty name\r\n";
    if (Chance(0.02)) h += std::string("X-Nul: a\0b\r\n", 12);
    return h;
  }

  std::string Post(const std::string& path, const std::string& body, bool close_after) {
    std::string r = "POST " + path + " HTTP/1.1\r\n" + Headers(true) + "Content-Type: application/json\r\n";
    if (close_after) r += "Connection: close\r\n";
    if (Chance(0.1)) {  // chunked: sometimes well formed, sometimes not
      r += "Transfer-Encoding: chunked\r\n\r\n";
      std::size_t at = 0;
      while (at < body.size()) {
        std::size_t n = std::min<std::size_t>(body.size() - at, static_cast<std::size_t>(Int(1, 64)));
        char size[32];
        std::snprintf(size, sizeof size, "%zx", Chance(0.05) ? n + 3 : n);
        r += size;
        if (Chance(0.05)) r += ";ext=1";
        r += "\r\n" + body.substr(at, n) + "\r\n";
        at += n;
      }
      if (Chance(0.05)) r += "fffffffffffffffff\r\n";
      if (Chance(0.05)) r += "-1\r\n";
      r += "0\r\n\r\n";
      return r;
    }
    switch (Int(0, 30)) {
      case 0: r += "Content-Length: -1\r\n\r\n" + body; break;
      case 1: r += "Content-Length: 99999999999999999999999\r\n\r\n" + body; break;
      case 2: r += "Content-Length: 18446744073709551615\r\n\r\n" + body; break;
      case 3: r += "Content-Length: " + std::to_string(body.size() + 10) + "\r\n\r\n" + body; break;  // short
      case 4: r += "Content-Length: 1\r\n\r\n" + body; break;  // the rest: a "next request"
      case 5: r += "Content-Length: abc\r\n\r\n" + body; break;
      case 6: r += "Content-Length: 5\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; break;
      case 7: r += "Content-Length: 100000\r\n\r\n" + body + std::string(5000, 'x'); break;  // over the limit
      case 8: r += "Content-Length: " + std::to_string(body.size()) + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body; break;
      case 9: r += "Content-Length: +" + std::to_string(body.size()) + "\r\n\r\n" + body; break;
      default: r += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; break;
    }
    return r;
  }

  // One request, maybe mangled; `api` is set when the answer must be the API's JSON.
  std::string Request(bool& api, bool& head, bool& mangled) {
    const std::string t = PhoneToken();
    api = false;
    head = false;
    std::string r;
    switch (Int(0, 9)) {
      case 0: case 1: case 2:
        api = true;
        r = Post("/api/cards", CardBody(Chance(0.9) ? t : "0123", Chance(0.4)), Chance(0.2));
        break;
      case 3:
        api = true;
        r = Post("/api/cards/status", CardBody(t, Chance(0.5)), false);
        break;
      case 4: case 5:
        r = Pick(std::vector<std::string>{"GET ", "GET ", "GET ", "HEAD ", "OPTIONS ", "PUT ", "DELETE ", "PATCH ",
                                          "TRACE ", "CONNECT ", "BREW ", "get ", "", "GET  ", "\r\nGET "}) +
            Path() + Pick(std::vector<std::string>{" HTTP/1.1", " HTTP/1.1", " HTTP/1.0", " HTTP/2.0", "", " HTTP/1.1 x", " http/1.1"}) +
            "\r\n" + Headers(false) + (Chance(0.2) ? "Connection: close\r\n" : "") + "\r\n";
        head = r.rfind("HEAD ", 0) == 0;
        break;
      case 6:
        r = Post(Path(), CardBody(t, Chance(0.5)), false);
        break;
      case 7:
        r = Bytes(Int(1, 600)) + "\r\n\r\n";
        break;
      default:
        api = true;
        r = Post("/api/cards", CardBody(t, true), false);
        break;
    }
    mangled = Chance(0.35);
    if (mangled) r = Mangle(r);
    if (mangled) api = false;  // a mangled request may have become any other
    return r;
  }

  std::string Mangle(std::string r) {
    const int n = Int(1, 6);
    for (int i = 0; i < n && !r.empty(); ++i) {
      const std::size_t at = static_cast<std::size_t>(Int(0, static_cast<int>(r.size()) - 1));
      switch (Int(0, 7)) {
        case 0: r[at] = static_cast<char>(r[at] ^ (1 << Int(0, 7))); break;
        case 1: r.insert(at, Bytes(Int(1, 16))); break;
        case 2: r.erase(at, static_cast<std::size_t>(Int(1, 32))); break;
        case 3: r.resize(at); break;
        case 4: r.insert(at, Pick(std::vector<std::string>{"\r\n", "\n", "\r", "\r\n\r\n", std::string(1, '\0'), ":", " ", "%", "\xc0\xaf", "chunked"})); break;
        case 5: r.insert(at, r.substr(at, static_cast<std::size_t>(Int(1, 200)))); break;
        case 6: r[at] = Pick(std::vector<char>{'\0', '\r', '\n', ' ', ':', '\xff'}); break;
        default: {  // the bytes of a valid line at a random place
          r.insert(at, Pick(std::vector<std::string>{"Content-Length: 0\r\n", "Transfer-Encoding: chunked\r\n",
                                                     "Connection: close\r\n", "Content-Length: 4096\r\n"}));
        }
      }
    }
    return r;
  }

  std::mt19937_64& rng() { return m_rng; }

 private:
  std::mt19937_64 m_rng;
};

// ---- the scenarios a client thread plays -------------------------------------------------------

std::atomic<bool> g_stop{false};
std::atomic<int> g_slow_now{0};

void OneRequest(Maker& m) {
  int fd = Connect();
  if (fd < 0) return g_stats.Fail("cannot connect");
  const int count = m.Chance(0.15) ? m.Int(2, 4) : 1;  // pipelined on one connection
  std::string sent;
  bool any_mangled = false, all_api = true, head = false;
  for (int i = 0; i < count; ++i) {
    bool api = false, h = false, mangled = false;
    std::string r = m.Request(api, h, mangled);
    if (h && count > 1) {  // no HEAD among pipelined requests: its answer's length would be misread
      r.replace(0, 4, "GET");
      h = false;
    }
    any_mangled |= mangled;
    all_api &= api;
    head |= h;
    sent += r;
  }
  g_stats.requests += count;
  if (m.Chance(0.5)) {
    SendAll(fd, sent);
  } else {  // in pieces
    std::size_t at = 0;
    while (at < sent.size()) {
      std::size_t n = std::min<std::size_t>(sent.size() - at, static_cast<std::size_t>(m.Int(1, 1500)));
      if (!SendAll(fd, sent.substr(at, n))) break;
      at += n;
    }
  }
  // Only requests not mangled, not HEAD, and all to the API are held to every rule on each
  // answer; others, to the rules on their first answer.
  const bool strict = !any_mangled && !head && count == 1;
  // (a mangled request the server does not answer at once is most often one it waits to end)
  Exchange x = ReadAnswers(fd, sent, all_api && count == 1, head && count == 1, count, strict ? 1500 : 400, strict);
  if (x.answers == 0 && !any_mangled && all_api) ++g_stats.no_answer;
  // A request after the server said "Connection: close": it must not be answered as if open.
  if (x.said_close && !x.closed && m.Chance(0.5)) {
    ++g_stats.after_close;
    bool api = false, h = false, mangled = false;
    SendAll(fd, m.Request(api, h, mangled));
    std::string rest;
    for (int i = 0; i < 20 && ReadSome(fd, rest, 100);) ++i;
  }
  close(fd);
}

// A valid POST /api/cards on its own connection; returns its status (0: no answer).
int ValidCard(const std::string& key, bool strict = true) {
  int fd = Connect();
  if (fd < 0) return 0;
  json j{{"token", PhoneToken()}, {"text", "Vivant " + key}, {"colour", "yellow"}, {"key", key}};
  const std::string body = j.dump();
  const std::string r = "POST /api/cards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  ++g_stats.requests;
  SendAll(fd, r);
  Exchange x = ReadAnswers(fd, r, true, false, 1, 8000, strict);
  close(fd);
  return x.statuses.empty() ? 0 : x.statuses.front();
}

void Slowloris(Maker& m) {
  if (++g_slow_now > 2) {  // bounded: at most two at once, each a few seconds
    --g_slow_now;
    return;
  }
  ++g_stats.slow;
  int fd = Connect();
  if (fd >= 0) {
    bool api = false, head = false, mangled = false;
    std::string r = m.Request(api, head, mangled);
    const std::size_t cut = static_cast<std::size_t>(m.Int(0, static_cast<int>(r.size())));
    const auto until = Clock::now() + std::chrono::milliseconds(m.Int(200, 3000));
    std::size_t at = 0;
    bool ok = true;
    while (ok && at < cut && Clock::now() < until && !g_stop) {
      ok = SendAll(fd, r.substr(at, 1));
      ++at;
      std::this_thread::sleep_for(std::chrono::milliseconds(m.Int(5, 80)));
    }
    ++g_stats.requests;
    if (ok && m.Chance(0.5)) {  // finish it: the answer must still be well formed
      SendAll(fd, r.substr(at));
      ReadAnswers(fd, r, api && !mangled, head, 1, 1500, !mangled && !head);
    }
    close(fd);
  }
  --g_slow_now;
}

void EventStream(Maker& m) {
  int fd = Connect();
  if (fd < 0) return g_stats.Fail("cannot connect");
  ++g_stats.sse_opened;
  const std::string token = m.Chance(0.5) ? ViewToken() : (m.Chance(0.8) ? PhoneToken() : "nope");
  std::string r = "GET /api/events?" + std::string(m.Chance(0.5) ? "token=" : "t=") + token;
  if (m.Chance(0.3)) r += "&last_event_id=" + m.Pick(std::vector<std::string>{"-1", "0", "99999999999999999999", "abc", "%00", "1e9", "5"});
  r += " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
  if (m.Chance(0.5))
    r += "Last-Event-ID: " + m.Pick(std::vector<std::string>{"-5", "0", "1", "3", "18446744073709551616", "9223372036854775807",
                                                              "12abc", "", " 7", "\xff\xfe", std::string(5000, '9'), "0x10"}) + "\r\n";
  r += "\r\n";
  ++g_stats.requests;
  SendAll(fd, r);
  std::string in;
  const auto until = Clock::now() + std::chrono::milliseconds(m.Int(50, 2500));
  bool open = true;
  while (open && Clock::now() < until && !g_stop) open = ReadSome(fd, in, 50);
  Response head;
  std::size_t used = 0;
  std::string why;
  Parse p = ParseResponse(in, used, head, true, why);
  if (p == Parse::Malformed) g_stats.Fail("a malformed event stream answer: " + why, r, in);
  if (p == Parse::Done) {
    ++g_stats.answers;
    ++g_stats.by_status[static_cast<std::size_t>(head.status)];
    if (head.status == 200) {
      if (head.headers["content-type"] != "text/event-stream")
        g_stats.Fail("an event stream of type " + head.headers["content-type"], r, in);
      if (in.size() > used + 40 && in.find("retry: 1000\n") == std::string::npos)
        g_stats.Fail("an event stream without its retry line", r, in);
    } else if (head.status != 404 && head.status != 503 && head.status != 429) {
      g_stats.Fail("an event stream answered " + std::to_string(head.status), r, in);
    } else if (head.status == 404 && token != "nope") {
      g_stats.Fail("a right token refused by the event stream", r, in);
    }
  } else if (!in.empty() || !open) {
    if (in.empty() && !open) g_stats.Fail("an event stream closed without an answer", r);
  }
  close(fd);  // dropped, at a random moment
}

void Client(std::uint64_t seed) {
  Maker m(seed);
  while (!g_stop) {
    const int what = m.Int(0, 99);
    if (what < 80) OneRequest(m);
    else if (what < 90) EventStream(m);
    else if (what < 94) Slowloris(m);
    else ValidCard(m.Key(), true);
  }
}

// ---- the kiosk's side ------------------------------------------------------------------------

core::Template MapWithZone() {
  core::Template t;
  t.id = "fuzz";
  t.zones.push_back(core::Zone{.id = "gestion", .label = {"Gestion", "Management"}, .area = {0.5f, 0.5f, 0.2f, 0.2f}});
  return t;
}

bool ValidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : 9;
    if (n == 9 || i + n >= s.size()) return false;  // a bad lead byte, or a sequence cut short
    for (std::size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 30;
  std::uint64_t seed = static_cast<std::uint64_t>(std::time(nullptr));
  int clients = 6;
  std::string source_dir = ATELIER_SOURCE_DIR, locale_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--seconds") seconds = std::atoi(v.c_str());
    else if (a == "--seed") seed = std::strtoull(v.c_str(), nullptr, 10);
    else if (a == "--clients") clients = std::atoi(v.c_str());
    else if (a == "--source-dir") source_dir = v;
    else if (a == "--locale-dir") locale_dir = v;
    else {
      std::fprintf(stderr, "usage: phone_server_fuzz [--seconds N] [--seed S] [--clients C] [--source-dir D] [--locale-dir L]\n");
      return 2;
    }
  }
  signal(SIGPIPE, SIG_IGN);
  std::fprintf(stderr, "phone_server_fuzz: seed %llu, %d s, %d clients\n", static_cast<unsigned long long>(seed), seconds,
               clients);

  net::Catalogue catalogue = net::Catalogue::Load(locale_dir);
  core::MemoryJournal journal;
  core::ManualClock clock{1000};
  core::Session session{core::Board(MapWithZone()), journal, clock};
  std::mutex board_mutex;
  net::PhoneDesk desk;
  net::PhoneLimits limits;
  // The limits high enough that most requests reach the handlers (the limits have their tests).
  limits.requests_per_address_per_minute = 1000000;
  limits.cards_per_phone_per_minute = 1000000;
  limits.cards_per_minute = 1000000;
  limits.wait = std::chrono::milliseconds(1500);
  limits.heartbeat = std::chrono::milliseconds(500);
  limits.max_streams = 8;
  auto started = net::PhoneServer::Start({.address = "127.0.0.1",
                                          .port = 0,
                                          .page_dir = source_dir + "/assets/phone",
                                          .limits = limits},
                                         desk, catalogue);
  if (!started.ok()) {
    std::fprintf(stderr, "phone_server_fuzz: %s\n", started.error().message.c_str());
    return 2;
  }
  std::unique_ptr<net::PhoneServer> server = std::move(started.value());
  g_port = server->port();
  auto take_tokens = [&] {
    std::lock_guard lock(g_tokens.mutex);
    g_tokens.phone = server->token();
    g_tokens.view = server->view_token();
    g_tokens.ever.insert(g_tokens.phone);
  };
  take_tokens();
  server->feed().Reset(store::SessionMeta{.title = "Fuzz", .map_template = MapWithZone()});

  // The frame loop: lands cards (or sends them to the inbox), sometimes slowly or refusing;
  // checks each card the server handed over.
  std::atomic<bool> loop_running{true};
  std::atomic<bool> inbox{false};
  std::thread loop([&] {
    std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ull);
    std::size_t fed = 0;  // journal events already in the live feed
    auto last_slow = Clock::now();
    long frame = 0;
    while (loop_running) {
      {
        std::lock_guard lock(board_mutex);
        desk.Serve([&](const net::PhoneCard& c) -> net::Answer {
          {
            std::lock_guard t(g_tokens.mutex);
            if (!g_tokens.ever.count(c.request.token)) g_stats.Fail("a card handed over without the right token: " + c.request.token);
          }
          if (!net::ValidKey(c.request.key)) g_stats.Fail("a card handed over with a bad key: " + c.request.key);
          if (c.request.text.empty() || core::CountChars(c.request.text) > core::kMaxCardChars || !ValidUtf8(c.request.text))
            g_stats.Fail("a card handed over with a bad text", c.request.text);
          const int roll = static_cast<int>(rng() % 100);
          if (roll < 2 && Clock::now() - last_slow > std::chrono::seconds(10)) {  // slower than the wait: 503
            std::this_thread::sleep_for(std::chrono::milliseconds(1800));
            last_slow = Clock::now();
          }
          if (roll >= 2 && roll < 5) {
            ++g_stats.refused_by_loop;
            return {.status = 409, .error = true, .word = "refused", .french = "Le tableau est verrouillé."};
          }
          if (inbox) {
            ++g_stats.inboxed;
            return net::SendToInbox(session, c);
          }
          auto done = session.Submit(core::AddCard{.text = c.request.text, .colour = c.request.colour, .at = {0.5f, 0.5f}, .phone = c.phone},
                                     core::Actor::Phone);
          if (!done.ok()) return {.status = 409, .error = true, .word = "refused", .french = done.error().message};
          ++g_stats.landed;
          return {.status = 201, .word = "on_board", .french = "Votre carte est sur le tableau.",
                  .card = std::get<core::CardAdded>(done.value().data).id};
        });
        // The facilitator, now and then: accepts or refuses cards waiting in the inbox, so it
        // never fills (core::kMaxInboxWaiting) and the status route has every state to tell.
        if (++frame % 50 == 0) {
          std::vector<core::InboxCard> waiting;
          for (const auto& [id, card] : session.board().inbox())
            if (card.state == core::InboxCard::State::Waiting) waiting.push_back(card);
          for (std::size_t i = 0; i < waiting.size() && i < 40; ++i) {
            const core::InboxCard& w = waiting[i];
            auto done = rng() % 3 == 0
                            ? session.Submit(core::RefusePhoneCard{.inbox = w.id}, core::Actor::Facilitator)
                            : session.Submit(core::AcceptPhoneCard{.inbox = w.id, .card = {.text = w.text, .colour = w.colour,
                                                                                           .at = {0.4f, 0.6f}, .phone = w.phone}},
                                             core::Actor::Facilitator);
            (void)done;
          }
        }
        desk.PublishStates(net::InboxStates(session.board()));
        for (; fed < journal.events().size(); ++fed) server->feed().Append(journal.events()[fed]);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });

  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) threads.emplace_back(Client, seed * 1000003ull + static_cast<std::uint64_t>(i));

  // The watcher: a valid card every few seconds must land (a 503 is retried with the same key);
  // now and then the moderation mode flips and, rarely, the tokens change ("Nouveau lien").
  Maker watcher(seed + 7);
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  int tick = 0;
  bool alive = true;
  while (Clock::now() < end && alive) {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    ++tick;
    const std::string key = watcher.Key();
    int status = 0;
    for (int attempt = 0; attempt < 4 && status != 201 && status != 202; ++attempt) {
      status = ValidCard(key);
      if (status == 503) ++g_stats.alive_busy;
    }
    ++g_stats.alive_checks;
    if (status != 201 && status != 202) {
      g_stats.Fail("the server stopped answering a valid card (last status " + std::to_string(status) + ")");
      alive = false;
    }
    if (tick % 7 == 0) inbox = !inbox;
    if (tick % 45 == 0) {  // under the frame loop's lock: a card it checks carries an old or a known token
      std::lock_guard lock(board_mutex);
      server->NewTokens();
      take_tokens();
    }
    std::fprintf(stderr, "\r%ld requests, %ld answers, %ld failures   ", g_stats.requests.load(),
                 g_stats.answers.load(), g_stats.failures.load());
  }
  g_stop = true;
  for (std::thread& t : threads) t.join();

  // At the end, calm: a valid card still lands.
  int final_status = 0;
  const std::string final_key = watcher.Key();
  for (int attempt = 0; attempt < 4 && final_status != 201 && final_status != 202; ++attempt)
    final_status = ValidCard(final_key);
  if (final_status != 201 && final_status != 202)
    g_stats.Fail("the last valid card got " + std::to_string(final_status));

  loop_running = false;
  loop.join();
  server.reset();  // stops: every connection closed

  std::printf("\nphone_server_fuzz: seed %llu, %d s, %d clients\n", static_cast<unsigned long long>(seed), seconds, clients);
  std::printf("requests sent %ld, connections %ld, answers %ld, event streams opened %ld, slow requests %ld,\n"
              "requests after Connection: close %ld, API requests unanswered (a body shorter than said …) %ld\n",
              g_stats.requests.load(), g_stats.connections.load(), g_stats.answers.load(), g_stats.sse_opened.load(),
              g_stats.slow.load(), g_stats.after_close.load(), g_stats.no_answer.load());
  std::printf("alive checks %ld (503 retried: %ld), cards landed %ld, sent to the inbox %ld, refused by the loop %ld\n",
              g_stats.alive_checks.load(), g_stats.alive_busy.load(), g_stats.landed.load(), g_stats.inboxed.load(),
              g_stats.refused_by_loop.load());
  std::printf("answers by status:");
  for (std::size_t s = 0; s < g_stats.by_status.size(); ++s)
    if (g_stats.by_status[s]) std::printf(" %zu: %ld", s, g_stats.by_status[s].load());
  std::printf("\nfailures: %ld\n", g_stats.failures.load());
  for (const std::string& f : g_stats.failure_log) std::printf("  %s\n", f.c_str());
  return g_stats.failures == 0 ? 0 : 1;
}
