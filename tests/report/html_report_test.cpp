#include "report/html_report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <cctype>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/cairo_fonts.h"

namespace atelier::report {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScriptBreakout = "</script><script>alert(1)</script>";
constexpr const char* kImageBreakout = "<img src=x onerror=alert(2)> & \"« é »\"";

store::LoadedSession Session(const std::vector<std::string>& texts) {
  store::LoadedSession s;
  s.meta.title = "Atelier <b>numérique</b>";
  s.meta.created_ms = 1796130000000;  // 2026-12-02
  s.meta.utc_offset_minutes = 60;
  s.meta.app_version = "0.1.0";
  core::Template& t = s.meta.map_template;
  t.id = "t";
  t.title = {"Nos usages", ""};
  t.zones = {core::Zone{.id = "a", .label = {"Zone <A>", ""}, .area = {0.05f, 0.12f, 0.45f, 0.74f}, .tint = {200, 220, 240}},
             core::Zone{.id = "b", .label = {"Zone B", ""}, .area = {0.5f, 0.12f, 0.45f, 0.74f}, .tint = {240, 220, 200}}};
  std::int64_t seq = 0;
  auto add = [&](core::EventData data, core::Actor actor = core::Actor::Kiosk) {
    ++seq;
    s.events.push_back({.seq = seq, .t_ms = seq * 5000, .actor = actor, .data = std::move(data)});
  };
  add(core::PhaseStarted{"Placer les cartes", core::PhaseKind::PlaceCards, 0}, core::Actor::Facilitator);
  for (std::size_t i = 0; i < texts.size(); ++i)
    add(core::CardAdded{static_cast<core::CardId>(i + 1), texts[i], i % 2 ? "blue" : "yellow",
                        {0.1f + 0.08f * static_cast<float>(i), 0.4f}});
  add(core::CardVoted{1}, core::Actor::Kiosk);
  s.board = core::Board(t);
  for (const core::Event& e : s.events) s.board.Apply(e);
  return s;
}

HtmlOptions Options() {
  return {.lang = "fr", .font_path = ATELIER_TEST_FONT, .web_dir = fs::path(ATELIER_SOURCE_DIR) / "assets" / "web"};
}

std::string Page(const std::vector<std::string>& texts) {
  auto page = HtmlReport(Session(texts), Options());
  EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
  return page.ok() ? page.value() : std::string();
}

// The text between the first `open` after `from` and the next `close`.
std::string Between(const std::string& s, const std::string& open, const std::string& close, std::size_t from = 0) {
  const std::size_t a = s.find(open, from);
  if (a == std::string::npos) return {};
  const std::size_t b = s.find(close, a + open.size());
  return b == std::string::npos ? std::string() : s.substr(a + open.size(), b - a - open.size());
}

std::size_t Occurrences(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReport, JsonForScriptLeavesNoLessThanAndReadsBack) {
  const nlohmann::json j = {{"text", kScriptBreakout}, {"more", "<!-- x -->"}};
  const std::string safe = JsonForScript(j.dump());
  EXPECT_EQ(safe.find('<'), std::string::npos) << safe;
  EXPECT_EQ(nlohmann::json::parse(safe), j);
}

TEST(HtmlReport, HtmlEscapeAndHashes) {
  EXPECT_EQ(HtmlEscape(kImageBreakout), "&lt;img src=x onerror=alert(2)&gt; &amp; &quot;« é »&quot;");
  EXPECT_EQ(HtmlEscape("l'asso"), "l&#39;asso");
  // SHA-256 of the empty string and of "abc" (FIPS 180-2 test vectors), in base64.
  EXPECT_EQ(CspHash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  EXPECT_EQ(CspHash("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

TEST(HtmlReport, CardsThatLookLikeMarkupStayText) {
  const std::string page = Page({kScriptBreakout, kImageBreakout, "Café « associatif »"});
  ASSERT_FALSE(page.empty());
  // Exactly the page's own three script elements (the data block and the two inlined scripts)
  // and no element made of a card's text.
  EXPECT_EQ(Occurrences(page, "<script"), 3u);
  EXPECT_EQ(Occurrences(page, "</script>"), 3u);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  // In the cards table, as escaped text.
  EXPECT_NE(page.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"), std::string::npos);
  EXPECT_NE(page.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(page.find("Café « associatif »</td>"), std::string::npos);
  EXPECT_NE(page.find("<h1>Atelier &lt;b&gt;numérique&lt;/b&gt;</h1>"), std::string::npos);
  // The events as JSON read back whole, every text intact.
  const std::string data = Between(page, "<script type=\"application/json\" id=\"atelier-session\">", "</script>");
  ASSERT_FALSE(data.empty());
  const nlohmann::json j = nlohmann::json::parse(data);
  ASSERT_EQ(j["events"].size(), 5u);
  EXPECT_EQ(j["events"][1]["payload"]["text"], kScriptBreakout);
  EXPECT_EQ(j["events"][2]["payload"]["text"], kImageBreakout);
  EXPECT_EQ(j["session"]["title"], "Atelier <b>numérique</b>");
  EXPECT_EQ(j["session"]["template"]["zones"][0]["label"], "Zone <A>");
}

TEST(HtmlReport, SelfContainedAndLockedDownByItsPolicy) {
  const std::string page = Page({"Une carte", "Une autre"});
  ASSERT_FALSE(page.empty());
  // Nothing fetched from anywhere: every src=, href= and url( points into the page itself
  // (a fragment) or is a data: URI. (Scanned by hand: std::regex recurses over 2 MB of page.)
  std::string lower = page;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t references = 0;
  for (const std::string attr : {" src=", " href=", "url("}) {
    for (std::size_t at = lower.find(attr); at != std::string::npos; at = lower.find(attr, at + 1)) {
      std::string_view rest = std::string_view(lower).substr(at + attr.size(), 16);
      while (!rest.empty() && (rest.front() == '"' || rest.front() == '\'' || rest.front() == ' ')) rest.remove_prefix(1);
      EXPECT_TRUE(rest.starts_with("#") || rest.starts_with("data:")) << attr << rest;
      ++references;
    }
  }
  EXPECT_GE(references, 4u);  // the contents' links, the icon, the fonts
  EXPECT_EQ(page.find("<link rel=\"stylesheet\""), std::string::npos);
  // The font is inline, regular and (Andika has it) bold.
  EXPECT_EQ(Occurrences(page, "url(data:font/ttf;base64,"), BoldFaceBeside(ATELIER_TEST_FONT).empty() ? 1u : 2u);

  // The policy allows exactly the inline scripts and style that are there, by hash.
  const std::string csp = Between(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  EXPECT_EQ(csp.rfind("default-src 'none'; ", 0), 0u) << csp;
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  const std::string head_end = "</head>";
  const std::string style = Between(page, "<style>", "</style>");
  EXPECT_NE(csp.find(std::string("style-src ") + CspHash(style)), std::string::npos);
  std::size_t scripts = 0;
  for (std::size_t at = page.find("<script>"); at != std::string::npos; at = page.find("<script>", at + 1)) {
    const std::string body = Between(page, "<script>", "</script>", at);
    EXPECT_NE(csp.find(CspHash(body)), std::string::npos);
    ++scripts;
  }
  EXPECT_EQ(scripts, 2u);
  // The policy is the first thing in <head>, before anything it governs.
  EXPECT_LT(page.find("Content-Security-Policy"), page.find("<style>"));
  EXPECT_LT(page.find("<style>"), page.find(head_end));
}

TEST(HtmlReport, HoldsTheMapTheCardsByZoneAndThePlayer) {
  const std::string page = Page({"Première", "Deuxième", "Troisième"});
  ASSERT_FALSE(page.empty());
  EXPECT_NE(page.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(page.find("<svg class=\"map\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_EQ(page.find("<?xml"), std::string::npos);
  EXPECT_NE(page.find(">Les cartes, zone par zone</h2>"), std::string::npos);
  EXPECT_NE(page.find("<span>Zone &lt;A&gt;</span>"), std::string::npos);
  EXPECT_NE(page.find("<canvas id=\"board\""), std::string::npos);
  EXPECT_NE(page.find("id=\"scrub\""), std::string::npos);
  EXPECT_NE(page.find("data-speed=\"60\""), std::string::npos);
  EXPECT_NE(page.find("data-t=\"5000\">0:05 · Placer les cartes</button>"), std::string::npos);
  // Each card once in the table, in the zone the PDF puts it in: all three are in zone A.
  const std::size_t zone_a = page.find("<span>Zone &lt;A&gt;</span>"), zone_b = page.find("<span>Zone B</span>");
  for (const char* text : {"Première</td>", "Deuxième</td>", "Troisième</td>"}) {
    EXPECT_EQ(Occurrences(page, text), 1u) << text;
    EXPECT_GT(page.find(text), zone_a);
    EXPECT_LT(page.find(text), zone_b);
  }
  // The vote shows in the table; English words with lang "en".
  EXPECT_NE(page.find("<td class=\"num votes-some\">1</td>"), std::string::npos);
  HtmlOptions en = Options();
  en.lang = "en";
  auto english = HtmlReport(Session({"One"}), en);
  ASSERT_TRUE(english.ok());
  EXPECT_NE(english->find(">The cards, zone by zone</h2>"), std::string::npos);
  EXPECT_NE(english->find("<html lang=\"en\">"), std::string::npos);
}

fs::path Fresh(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / (std::string("atelier-html-") + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(HtmlReport, WritesWholeOrNothing) {
  const fs::path dir = Fresh("write");
  const fs::path target = dir / "rapport.html";
  ASSERT_TRUE(WriteHtmlReport(Session({"Une"}), Options(), target).ok());
  std::ifstream in(target, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), HtmlReport(Session({"Une"}), Options()).value());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);

  // A missing folder, a missing web asset, a damaged session file: an error and nothing left.
  EXPECT_FALSE(WriteHtmlReport(Session({"Une"}), Options(), dir / "nowhere" / "r.html").ok());
  HtmlOptions broken = Options();
  broken.web_dir = dir / "no-assets";
  auto missing = WriteHtmlReport(Session({"Une"}), broken, dir / "r2.html");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("board_view.js"), std::string::npos) << missing.error().message;
  const fs::path damaged = dir / "damaged.atelier";
  std::ofstream(damaged) << "SQLite format 3 but not really";
  auto unreadable = WriteHtmlReport(damaged, Options(), dir / "r3.html");
  ASSERT_FALSE(unreadable.ok());
  EXPECT_FALSE(fs::exists(dir / "r2.html"));
  EXPECT_FALSE(fs::exists(dir / "r3.html"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 2);  // rapport.html and damaged.atelier
}

}  // namespace
}  // namespace atelier::report
