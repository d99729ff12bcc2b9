// `atelier export --png / --svg / --pdf` through the real binary, with DISPLAY unset (the PNG is
// drawn in an EGL surfaceless context): on a session the kiosk recorded (cards placed with an
// input script) and on an imported one with tricky texts, phases, votes and every kind of
// actor. Checked with the card colours in the PNG where `export --json` puts the cards, xmllint
// on the SVG, pdfinfo and pdftotext on the PDF; bad input leaves no file behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/palette.h"
#include "e2e_support.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The real atelier with no display at all.
Run Headless(const std::vector<std::string>& args, int timeout_s = 180) {
  std::vector<std::string> argv{"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY",
                                "XDG_CONFIG_HOME=" + FreshDir("config").string(), ATELIER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, timeout_s);
}

// Every file in dir (to see that nothing half-written is left).
std::vector<std::string> Files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Collapse(const std::string& text) {  // runs of white space → one space
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

unsigned Hex(core::Rgb c) { return (unsigned{c.r} << 16) | (unsigned{c.g} << 8) | c.b; }

// What a card of this colour looks like a fifth of the way down: its fill fades from the paper
// lightened by 12 % at the top to the paper shaded by 3 % at the bottom (render/board_painter).
unsigned CardFill(const std::string& colour) {
  core::Rgb paper = core::FindColour(colour).value().paper;
  auto at = [](int c) {
    const double top = c + (255 - c) * 0.12, bottom = c * 0.97;
    return static_cast<unsigned>(top * 0.8 + bottom * 0.2 + 0.5);
  };
  return Hex({static_cast<std::uint8_t>(at(paper.r)), static_cast<std::uint8_t>(at(paper.g)),
              static_cast<std::uint8_t>(at(paper.b))});
}

// A pixel of a card in the picture, clear of its (one-line) text: above the centre by 0.042 of
// the map height, i.e. inside the card's top part whatever the picture's size.
Png::Pixel CardPixel(const Png& png, const json& card) {
  const double x = card["x"].get<double>() * png.width, y = (card["y"].get<double>() - 0.042) * png.height;
  return png.At(static_cast<int>(x), static_cast<int>(y));
}

std::string Show(Png::Pixel p) {
  char out[16];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", p.r, p.g, p.b);
  return out;
}

// A session recorded by the real kiosk: three one-word cards in three zones, the last two
// placed after 0:05.
class ExportRecorded : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(FreshDir("recorded"));
    session_ = *dir_ / "atelier-du-jour.atelier";
    auto add = [](int t, const std::string& text, const std::string& colour, double x, double y) {
      return std::vector<json>{{{"t", t}, {"tap", {{"label", "Ajouter une carte"}}}},
                               {{"t", t + 300}, {"text", text}},
                               {{"t", t + 400}, {"tap", {{"label", colour}}}},
                               {{"t", t + 600}, {"tap", {{"label", "Valider"}}}},
                               {{"t", t + 900}, {"drag", {{"from", {{"card", text}}}, {"to", {{"map", {x, y}}}}}}}};
    };
    std::vector<json> lines;
    for (auto& part : {add(300, "Lettre", "bleu", 0.12, 0.35), add(6000, "HelloAsso", "vert", 0.60, 0.5),
                       add(9000, "Drive", "rose", 0.75, 0.7)})
      lines.insert(lines.end(), part.begin(), part.end());
    lines.push_back({{"t", 11000}, {"quit", true}});
    auto script = WriteScript(*dir_, "script.jsonl", lines);
    e2e::Run kiosk = RunAtelier({"--size", "1280x720", "--session", session_.string(), "--input-script", script.string()}, 300);
    ASSERT_EQ(kiosk.exit_code, 0) << kiosk.stderr_text;
    e2e::Run exported = RunAtelier({"export", session_.string(), "--json", (*dir_ / "board.json").string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
    *board_ = ReadJson(*dir_ / "board.json");
    ASSERT_EQ((*board_)["cards"].size(), 3u) << board_->dump(2);
  }
  // A failed recording in SetUpTestSuite would only skip the tests: make it fail them.
  void SetUp() override { ASSERT_EQ((*board_)["cards"].size(), 3u) << "the kiosk did not record the session"; }
  static inline fs::path* dir_ = nullptr;
  static inline fs::path session_;
  static inline json* board_ = new json;
};

TEST_F(ExportRecorded, PngWithNoDisplayShowsEveryCardInItsColourInItsZone) {
  fs::path png_path = *dir_ / "carte.png";
  e2e::Run run = Headless({"export", session_.string(), "--png", png_path.string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("1920x1080"), std::string::npos) << run.stderr_text;
  Png png = ReadPng(png_path);
  ASSERT_EQ(png.width, 1920);
  ASSERT_EQ(png.height, 1080);
  std::set<std::string> zones;
  for (const json& card : (*board_)["cards"]) {
    zones.insert(card["zone"].get<std::string>());
    Png::Pixel p = CardPixel(png, card);
    EXPECT_TRUE(Near(p, CardFill(card["colour"]), 10))
        << card["text"] << " (" << card["colour"] << ") in " << card["zone"] << " shows " << Show(p);
  }
  EXPECT_EQ(zones.size(), 3u);  // one card per zone
  // Between the cards, the map's paper and zones: none of the cards' colours.
  Png::Pixel empty = png.At(static_cast<int>(0.44 * 1920), static_cast<int>(0.75 * 1080));
  for (const json& card : (*board_)["cards"]) EXPECT_FALSE(Near(empty, CardFill(card["colour"]), 10)) << Show(empty);
}

TEST_F(ExportRecorded, PngAtAMomentShowsTheBoardThen) {
  fs::path png_path = *dir_ / "a-5s.png";
  e2e::Run run = Headless({"export", session_.string(), "--png", png_path.string(), "--at", "0:05", "--size", "1280x720"});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  Png png = ReadPng(png_path);
  ASSERT_EQ(png.width, 1280);
  ASSERT_EQ(png.height, 720);
  for (const json& card : (*board_)["cards"]) {
    const bool there_at_5s = card["text"] == "Lettre";
    EXPECT_EQ(Near(CardPixel(png, card), CardFill(card["colour"]), 10), there_at_5s)
        << card["text"] << " shows " << Show(CardPixel(png, card));
  }
}

TEST_F(ExportRecorded, PngAtScaleAndAt8K) {
  e2e::Run scaled = Headless({"export", session_.string(), "--png", (*dir_ / "x2.png").string(), "--scale", "2"});
  ASSERT_EQ(scaled.exit_code, 0) << scaled.stderr_text;
  Png x2 = ReadPng(*dir_ / "x2.png");
  EXPECT_EQ(x2.width, 3840);
  EXPECT_EQ(x2.height, 2160);

  fs::path eight = *dir_ / "8k.png";
  e2e::Run run = Headless({"export", session_.string(), "--png", eight.string(), "--size", "7680x4320"}, 300);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  Png png = ReadPng(eight);
  ASSERT_EQ(png.width, 7680);
  ASSERT_EQ(png.height, 4320);
  for (const json& card : (*board_)["cards"])
    EXPECT_TRUE(Near(CardPixel(png, card), CardFill(card["colour"]), 10)) << card["text"] << " " << Show(CardPixel(png, card));
}

TEST_F(ExportRecorded, SvgAndPdfOfTheRecordedSession) {
  fs::path svg = *dir_ / "carte.svg", pdf = *dir_ / "rapport.pdf";
  e2e::Run run = Headless({"export", session_.string(), "--svg", svg.string(), "--pdf", pdf.string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(RunProgram({"xmllint", "--noout", svg.string()}).exit_code, 0);
  e2e::Run text = RunProgram({"pdftotext", "-raw", pdf.string(), "-"});
  ASSERT_EQ(text.exit_code, 0) << text.stderr_text;
  for (const json& card : (*board_)["cards"]) {
    EXPECT_NE(ReadBytes(svg).find(">" + card["text"].get<std::string>() + "<"), std::string::npos) << card["text"];
    EXPECT_NE(text.stdout_text.find(card["text"].get<std::string>()), std::string::npos) << card["text"];
    EXPECT_NE(text.stdout_text.find(card["zone_label"].get<std::string>()), std::string::npos) << card["zone_label"];
  }
}

// ---------------------------------------------------------------------------------------------
// An imported session: texts that need escaping, accents and « », a long text that wraps, votes,
// phases, cards from the kiosk, the facilitator and a phone.

const std::vector<std::pair<std::string, std::string>> kTricky = {
    {"<script>alert(1)</script>", "kiosk"},
    {"Café &amp; croissants", "facilitator"},
    {"« Guillemets » et accents : éèêàçœ", "phone"},
    {"Un texte assez long pour passer sur plusieurs lignes dans la carte", "kiosk"},
    {"Tom & Jerry's \"quotes\"", "kiosk"},
};

fs::path ImportTricky(const fs::path& dir) {
  std::ifstream sample(std::string(ATELIER_SOURCE_DIR) + "/assets/samples/exemple.jsonl");
  std::string header;
  std::getline(sample, header);
  std::ofstream out(dir / "tricky.jsonl");
  out << header << "\n";
  int seq = 0;
  auto event = [&](int t, const std::string& actor, const std::string& type, const json& payload) {
    out << json{{"seq", ++seq}, {"t_ms", t}, {"actor", actor}, {"type", type}, {"payload", payload}}.dump() << "\n";
  };
  event(1000, "facilitator", "phase_started", {{"name", "Placer les cartes"}, {"kind", "place_cards"}, {"duration_ms", 0}});
  const double xs[] = {0.12, 0.28, 0.44, 0.60, 0.76};
  for (std::size_t i = 0; i < kTricky.size(); ++i)
    event(2000 + static_cast<int>(i) * 1000, kTricky[i].second, "card_added",
          {{"id", i + 1}, {"text", kTricky[i].first}, {"colour", "yellow"}, {"at", {xs[i], 0.3 + 0.1 * i}}});
  event(60000, "facilitator", "phase_started", {{"name", "Voter"}, {"kind", "vote"}, {"duration_ms", 0}});
  event(61000, "kiosk", "card_voted", {{"id", 2}});
  event(62000, "phone", "card_voted", {{"id", 2}});
  event(63000, "kiosk", "card_voted", {{"id", 3}});
  event(120000, "facilitator", "phase_ended", {{"name", "Voter"}});
  out.close();
  fs::path session = dir / "tricky.atelier";
  e2e::Run imported = RunAtelier({"import", (dir / "tricky.jsonl").string(), "--session", session.string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.stderr_text;
  return session;
}

TEST(Export, SvgKeepsEveryCardsTextAsEscapedSelectableText) {
  fs::path dir = FreshDir("svg");
  fs::path session = ImportTricky(dir), svg = dir / "carte.svg";
  e2e::Run run = Headless({"export", session.string(), "--svg", svg.string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  e2e::Run lint = RunProgram({"xmllint", "--noout", svg.string()});
  ASSERT_EQ(lint.exit_code, 0) << lint.stderr_text;
  const std::string raw = ReadBytes(svg);
  EXPECT_EQ(raw.find("<script"), std::string::npos);  // escaped, never markup
  EXPECT_NE(raw.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(raw.find("&amp;amp;"), std::string::npos);  // "&amp;" typed on a card stays those five characters
  // The text content of every <text>, as a reader of the XML sees it (entities decoded).
  e2e::Run texts = RunProgram({"xmllint", "--xpath", "//*[local-name()='text']", svg.string()});
  ASSERT_EQ(texts.exit_code, 0) << texts.stderr_text;
  std::string all;
  {
    // One string per <text> element: tags out, entities decoded.
    std::string x = texts.stdout_text;
    std::string plain;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i] == '<') {
        if (x.compare(i, 7, "</text>") == 0) plain += '\n';
        i = x.find('>', i);
        if (i == std::string::npos) break;
        continue;
      }
      plain += x[i];
    }
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
      for (std::size_t at = plain.find(from); at != std::string::npos; at = plain.find(from, at + to.size()))
        plain.replace(at, from.size(), to);
    all = plain;
  }
  std::istringstream lines(all);
  std::set<std::string> found;
  for (std::string line; std::getline(lines, line);) found.insert(line);
  for (const auto& [text, actor] : kTricky) EXPECT_TRUE(found.count(text)) << text << "\nin:\n" << all;
  EXPECT_TRUE(found.count("Communication interne")) << all;  // a zone label
  EXPECT_TRUE(found.count("2")) << all;                      // a vote count
}

TEST(Export, PdfReportHasTheMapThenTheCardsByZoneAndThePhases) {
  fs::path dir = FreshDir("pdf");
  fs::path session = ImportTricky(dir), pdf = dir / "rapport.pdf";
  e2e::Run run = Headless({"export", session.string(), "--pdf", pdf.string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  e2e::Run info = RunProgram({"pdfinfo", pdf.string()});
  ASSERT_EQ(info.exit_code, 0) << info.stderr_text;
  EXPECT_NE(info.stdout_text.find("Pages:           2"), std::string::npos) << info.stdout_text;
  e2e::Run first = RunProgram({"pdfinfo", "-f", "1", "-l", "2", pdf.string()});
  EXPECT_NE(first.stdout_text.find("1 size:  841.89 x 595.28 pts (A4)"), std::string::npos) << first.stdout_text;
  EXPECT_NE(first.stdout_text.find("2 size:  595.28 x 841.89 pts (A4)"), std::string::npos) << first.stdout_text;
  e2e::Run fonts = RunProgram({"pdffonts", pdf.string()});
  EXPECT_NE(fonts.stdout_text.find("Andika"), std::string::npos) << fonts.stdout_text;
  EXPECT_EQ(fonts.stdout_text.find(" no "), std::string::npos) << fonts.stdout_text;  // every font embedded

  e2e::Run text = RunProgram({"pdftotext", "-raw", pdf.string(), "-"});
  ASSERT_EQ(text.exit_code, 0) << text.stderr_text;
  const std::string all = Collapse(text.stdout_text);
  for (const auto& [card, actor] : kTricky) EXPECT_NE(all.find(Collapse(card)), std::string::npos) << card << "\n" << all;
  for (const char* word : {"Associations connectées", "16 novembre 2026", "Les cartes, zone par zone",
                           "Communication interne", "Gestion : compta, adhésions, salles", "5 cartes", "3 votes",
                           "2 votes", "borne", "animateur·rice", "téléphone", "Les phases", "Placer les cartes",
                           "Voter", "14:05"})
    EXPECT_NE(all.find(word), std::string::npos) << word << "\n" << all;

  e2e::Run english = Headless({"export", session.string(), "--pdf", (dir / "report.pdf").string(), "--lang", "en",
                          "--paper", "a3"});
  ASSERT_EQ(english.exit_code, 0) << english.stderr_text;
  e2e::Run a3 = RunProgram({"pdfinfo", "-f", "1", "-l", "1", (dir / "report.pdf").string()});
  EXPECT_NE(a3.stdout_text.find("1190.55 x 841.89 pts (A3)"), std::string::npos) << a3.stdout_text;
  const std::string en = Collapse(RunProgram({"pdftotext", "-raw", (dir / "report.pdf").string(), "-"}).stdout_text);
  for (const char* word : {"The cards, zone by zone", "16 November 2026", "Internal communication", "phone", "facilitator"})
    EXPECT_NE(en.find(word), std::string::npos) << word << "\n" << en;
}

// ---------------------------------------------------------------------------------------------
// Bad input: one clear line, exit 1, and no file (not even a temporary one) left behind.

TEST(Export, BadInputGivesOneClearLineExit1AndNoFile) {
  fs::path dir = FreshDir("bad");
  fs::path session = ImportTricky(dir);
  fs::path out = dir / "out";
  fs::create_directories(out);
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::string png = (out / "m.png").string(), svg = (out / "m.svg").string(), pdf = (out / "m.pdf").string();
  std::vector<Case> cases = {
      {{"--png", png, "--size", "8000x5000"}, "7680x4320"},
      {{"--svg", svg, "--size", "grand"}, "--size wants WIDTHxHEIGHT"},
      {{"--pdf", pdf, "--size", "100x50"}, "it can be from 160x90"},
      {{"--png", png, "--size", "1920x1080", "--scale", "2"}, "not both"},
      {{"--png", png, "--at", "demain"}, "--at"},
      {{"--png", (dir / "nowhere" / "m.png").string()}, "No such file or directory"},
      {{"--svg", (dir / "nowhere" / "m.svg").string()}, "No such file or directory"},
      {{"--pdf", (dir / "nowhere" / "m.pdf").string()}, "No such file or directory"},
      {{"--pdf", out.string()}, "it is a folder"},
      {{"--html", (dir / "nowhere" / "r.html").string()}, "No such file or directory"},
      {{"--html", out.string()}, "it is a folder"},
      {{"--html", (out / "r.html").string(), "--at", "1:00"}, "--at is for"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"export", session.string()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    e2e::Run run = Headless(args);
    EXPECT_EQ(run.exit_code, 1) << c.args[0] << " " << c.args[1] << ": " << run.stderr_text;
    EXPECT_NE(run.stderr_text.find(c.says), std::string::npos) << run.stderr_text;
    EXPECT_EQ(std::count(run.stderr_text.begin(), run.stderr_text.end(), '\n'), 1) << run.stderr_text;
  }
  EXPECT_TRUE(Files(out).empty()) << Files(out).front();

  // A folder nobody may write to (as root every folder is writable: then only the above).
  if (geteuid() != 0) {
    fs::path locked = dir / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    e2e::Run run = Headless({"export", session.string(), "--pdf", (locked / "m.pdf").string()});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.stderr_text.find("Permission denied"), std::string::npos) << run.stderr_text;
    EXPECT_TRUE(Files(locked).empty());
    fs::permissions(locked, fs::perms::owner_all);
  }

  // A damaged session: refused, nothing written.
  fs::path damaged = dir / "abime.atelier";
  {
    std::string bytes = ReadBytes(session);
    bytes.resize(bytes.size() / 3);
    std::ofstream(damaged, std::ios::binary) << bytes;
  }
  for (const std::string flag : {"--png", "--svg", "--pdf", "--html"}) {
    e2e::Run run = Headless({"export", damaged.string(), flag, (out / ("d" + flag.substr(2))).string()});
    EXPECT_EQ(run.exit_code, 1) << flag << ": " << run.stderr_text;
    EXPECT_FALSE(run.stderr_text.empty());
  }
  EXPECT_TRUE(Files(out).empty()) << Files(out).front();
}

}  // namespace
}  // namespace atelier::e2e
