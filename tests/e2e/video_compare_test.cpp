// `atelier replay --video` and `atelier report A B --html/--pdf` through the real binary, with
// DISPLAY unset, on sessions the kiosk recorded (cards placed with an input script): the videos
// read by ffprobe (codec, size, frame count and duration from the session's length, the speed
// and the frame rate) and a frame taken out with ffmpeg (the cards' colours where they stand);
// the comparison read by pdftotext and xmllint; bad input leaves no file behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/palette.h"
#include "e2e_support.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Run Headless(const std::vector<std::string>& args, int timeout_s = 300) {
  std::vector<std::string> argv{"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY",
                                "XDG_CONFIG_HOME=" + FreshDir("config").string(), ATELIER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, timeout_s);
}

std::vector<std::string> Files(const fs::path& dir) {  // hidden .part files included
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out.append(n).append(" ");
  return out;
}

std::size_t Occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// A session recorded by the real kiosk: one card per (text, colour, x, y), a few seconds apart.
struct Placed {
  std::string text, colour;
  double x, y;
};
fs::path Record(const fs::path& dir, const std::string& name, const std::vector<Placed>& cards,
                const std::string& template_name = "") {
  std::vector<json> lines;
  int t = 300;
  for (const Placed& c : cards) {
    lines.push_back({{"t", t}, {"tap", {{"label", "Ajouter une carte"}}}});
    lines.push_back({{"t", t + 300}, {"text", c.text}});
    lines.push_back({{"t", t + 400}, {"tap", {{"label", c.colour}}}});
    lines.push_back({{"t", t + 600}, {"tap", {{"label", "Valider"}}}});
    lines.push_back({{"t", t + 900}, {"drag", {{"from", {{"card", c.text}}}, {"to", {{"map", {c.x, c.y}}}}}}});
    t += 3000;
  }
  lines.push_back({{"t", t}, {"quit", true}});
  const fs::path session = dir / (name + ".atelier");
  auto script = WriteScript(dir, name + ".jsonl", lines);
  std::vector<std::string> args{"--size", "1280x720", "--session", session.string(), "--input-script", script.string()};
  if (!template_name.empty()) args.insert(args.end(), {"--template", template_name});
  e2e::Run kiosk = RunAtelier(args, 300);
  EXPECT_EQ(kiosk.exit_code, 0) << kiosk.stderr_text;
  return session;
}

// The session's length: the time of its last event, read from its JSON Lines export.
std::int64_t LengthMs(const fs::path& session, const fs::path& dir) {
  const fs::path jsonl = dir / (session.stem().string() + "-events.jsonl");
  e2e::Run run = RunAtelier({"export", session.string(), "--jsonl", jsonl.string()});
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  std::ifstream in(jsonl);
  std::string line;
  std::getline(in, line);  // the header
  std::int64_t last = 0;
  while (std::getline(in, line))
    if (!line.empty()) last = std::max(last, json::parse(line).value("t_ms", std::int64_t{0}));
  return last;
}

class RecordedWorkshops : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(FreshDir("video-compare"));
    monday_ = new fs::path(Record(*dir_, "lundi", {{"Café associatif", "bleu", 0.15, 0.35},
                                                    {"Lettre", "vert", 0.62, 0.5},
                                                    {"Drive", "rose", 0.78, 0.72}}));
    tuesday_ = new fs::path(Record(*dir_, "mardi", {{"cafe ASSOCIATIF", "rose", 0.62, 0.5},
                                                     {"Forum", "bleu", 0.15, 0.35}}));
    e2e::Run exported = RunAtelier({"export", monday_->string(), "--json", (*dir_ / "lundi.json").string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
    *board_ = ReadJson(*dir_ / "lundi.json");
  }
  void SetUp() override { ASSERT_EQ((*board_)["cards"].size(), 3u) << "the kiosk did not record the session"; }
  static inline fs::path* dir_ = nullptr;
  static inline fs::path* monday_ = nullptr;
  static inline fs::path* tuesday_ = nullptr;
  static inline json* board_ = new json;
};

struct Probe {
  std::string codec;
  int width = 0, height = 0;
  long frames = 0;
  double duration = 0;
};

Probe ReadWithFfprobe(const fs::path& video) {
  e2e::Run run = RunProgram({"ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                             "stream=codec_name,width,height,nb_read_frames:format=duration", "-of", "json",
                             video.string()},
                            120);
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  Probe p;
  json j = json::parse(run.stdout_text, nullptr, false);
  if (j.is_discarded() || j["streams"].empty()) {
    ADD_FAILURE() << run.stdout_text;
    return p;
  }
  const json& s = j["streams"][0];
  p.codec = s.value("codec_name", "");
  p.width = s.value("width", 0);
  p.height = s.value("height", 0);
  p.frames = std::stol(s.value("nb_read_frames", "0"));
  p.duration = std::stod(j["format"].value("duration", "0"));
  return p;
}

// One frame of a video as PNG (ffmpeg from Debian's ffmpeg package).
Png Frame(const fs::path& video, long index, const fs::path& png) {
  e2e::Run run = RunProgram({"ffmpeg", "-v", "error", "-y", "-i", video.string(), "-vf",
                             "select=eq(n\\," + std::to_string(index) + ")", "-frames:v", "1", png.string()},
                            120);
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  return ReadPng(png);
}

// A card's pixel clear of its text (as export_test.cpp: above the centre by 0.042 of the height),
// its paper colour lightened as the painter fades it, within what 4:2:0 compression keeps.
bool CardThere(const Png& png, const json& card) {
  const core::Rgb paper = core::FindColour(card["colour"].get<std::string>()).value().paper;
  const int x = static_cast<int>(card["x"].get<double>() * png.width);
  const int y = static_cast<int>((card["y"].get<double>() - 0.042) * png.height);
  const Png::Pixel p = png.At(x, y);
  auto near = [](int got, int c) {
    const double top = c + (255 - c) * 0.12, bottom = c * 0.97;
    return std::abs(got - (top * 0.8 + bottom * 0.2)) <= 28;
  };
  return near(p.r, paper.r) && near(p.g, paper.g) && near(p.b, paper.b);
}

TEST_F(RecordedWorkshops, VideoAsMp4AndWebmHasTheFramesAndDurationFfprobeExpects) {
  const std::int64_t length = LengthMs(*monday_, *dir_);
  ASSERT_GT(length, 5000);
  struct Case {
    std::string file, codec;
    int fps;
    double speed;
    int w, h;
  };
  for (const Case& c : {Case{"lundi.mp4", "h264", 10, 4, 640, 360}, Case{"lundi.webm", "vp9", 8, 5, 480, 270}}) {
    const fs::path video = *dir_ / c.file;
    e2e::Run run = Headless({"replay", monday_->string(), "--video", video.string(), "--fps", std::to_string(c.fps),
                             "--speed", std::to_string(c.speed), "--size",
                             std::to_string(c.w) + "x" + std::to_string(c.h)});
    ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("wrote " + video.string()), std::string::npos) << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("100 %"), std::string::npos) << run.stderr_text;  // the progress
    // One frame every speed/fps seconds of the session, from 0 to its end inclusive.
    const double step_ms = c.speed * 1000.0 / c.fps;
    const long expected = static_cast<long>(std::ceil(static_cast<double>(length) / step_ms)) + 1;
    const Probe p = ReadWithFfprobe(video);
    EXPECT_EQ(p.codec, c.codec);
    EXPECT_EQ(p.width, c.w);
    EXPECT_EQ(p.height, c.h);
    EXPECT_EQ(p.frames, expected) << "session of " << length << " ms";
    EXPECT_NEAR(p.duration, static_cast<double>(expected) / c.fps, 1.5 / c.fps) << c.file;

    // The last frame shows every card in its colour where the board has it; the first, none.
    const Png last = Frame(video, expected - 1, *dir_ / (c.file + "-last.png"));
    const Png first = Frame(video, 0, *dir_ / (c.file + "-first.png"));
    ASSERT_EQ(last.width, c.w);
    for (const json& card : (*board_)["cards"]) {
      EXPECT_TRUE(CardThere(last, card)) << c.file << ": " << card.dump();
      EXPECT_FALSE(CardThere(first, card)) << c.file << ": " << card.dump();
    }
  }
  EXPECT_EQ(Occurrences(Joined(Files(*dir_)), ".part-"), 0u) << Joined(Files(*dir_));
}

TEST_F(RecordedWorkshops, VideoBadInputGivesOneClearLineExit1AndNoFile) {
  const fs::path out = FreshDir("video-bad");
  fs::path damaged = out / "abime.atelier";
  {
    std::string bytes = ReadBytes(*monday_);
    bytes.resize(bytes.size() / 3);
    std::ofstream(damaged, std::ios::binary) << bytes;
  }
  const fs::path videos = out / "videos";
  fs::create_directories(videos);
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{monday_->string(), "--video", (videos / "v.avi").string()}, ".mp4 (H.264) or .webm (VP9)"},
      // (strerror's words follow the locale: the replay loads the interface's language)
      {{monday_->string(), "--video", (out / "nowhere" / "v.mp4").string()}, "cannot write " + (out / "nowhere" / "v.mp4").string()},
      {{monday_->string(), "--video", videos.string() + "/"}, "cannot"},
      {{monday_->string(), "--video", (videos / "v.mp4").string(), "--size", "641x360"}, "even numbers"},
      {{monday_->string(), "--video", (videos / "v.webm").string(), "--size", "7680x4320"}, "3840x2160"},
      {{damaged.string(), "--video", (videos / "v.mp4").string()}, "damaged"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"replay"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    e2e::Run run = Headless(args);
    EXPECT_EQ(run.exit_code, 1) << c.args[2] << ": " << run.stderr_text;
    EXPECT_NE(run.stderr_text.find(c.says), std::string::npos) << run.stderr_text;
  }
  EXPECT_TRUE(Files(videos).empty()) << Joined(Files(videos));
}

TEST_F(RecordedWorkshops, CompareAsPdfAndHtmlSideBySideWithTheSharedCard) {
  const fs::path pdf = *dir_ / "comparaison.pdf", html = *dir_ / "comparaison.html";
  e2e::Run run = Headless({"report", monday_->string(), tuesday_->string(), "--pdf", pdf.string(), "--html", html.string()});
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("1 in several"), std::string::npos) << run.stderr_text;

  e2e::Run text = RunProgram({"pdftotext", "-layout", pdf.string(), "-"});
  ASSERT_EQ(text.exit_code, 0) << text.stderr_text;
  const std::string& t = text.stdout_text;
  for (const std::string card : {"Café associatif", "Lettre", "Drive", "cafe ASSOCIATIF", "Forum"})
    EXPECT_NE(t.find(card), std::string::npos) << card << " in\n" << t;
  // The café once in its zone and once among the cards several workshops had.
  EXPECT_EQ(Occurrences(t, "Café associatif"), 2u) << t;
  EXPECT_NE(t.find("Les cartes venues dans plusieurs ateliers"), std::string::npos);
  EXPECT_NE(t.find("5 cartes"), std::string::npos) << t;  // 3 + 2, on the first page
  // The totals, cards / votes (pdftotext drops the spaces around "/"): the café and the forum
  // stand in the first zone, one each; Monday has 3 cards, Tuesday 2, all together 5.
  std::string tight;
  for (char ch : t)
    if (ch != ' ' && ch != '\n' && ch != '\f') tight += ch;
  EXPECT_NE(tight.find("Communicationinterne1/01/02/0"), std::string::npos) << t;
  EXPECT_NE(tight.find("Total3/02/05/0"), std::string::npos) << t;

  e2e::Run lint = RunProgram({"xmllint", "--html", "--noout", html.string()});
  EXPECT_EQ(lint.exit_code, 0) << lint.stderr_text;
  EXPECT_TRUE(lint.stderr_text.empty()) << lint.stderr_text;
  auto count = [&](const std::string& xpath) {
    e2e::Run q = RunProgram({"xmllint", "--html", "--xpath", "count(" + xpath + ")", html.string()});
    std::string n = q.stdout_text;
    while (!n.empty() && (n.back() == '\n' || n.back() == ' ')) n.pop_back();
    return n;
  };
  EXPECT_EQ(count("//li[@class='card']"), "5");
  EXPECT_EQ(count("//tr[@class='shared-card']"), "1");
  EXPECT_EQ(count("//script"), "0");
  EXPECT_EQ(count("//link|//img"), "0");
  const std::string page = ReadBytes(html);
  EXPECT_NE(page.find("cafe ASSOCIATIF"), std::string::npos);
  EXPECT_EQ(Occurrences(Joined(Files(*dir_)), ".part-"), 0u);
}

TEST_F(RecordedWorkshops, CompareRefusesDifferentTemplatesAndBadInputLeavingNoFile) {
  const fs::path out = FreshDir("compare-bad");
  const fs::path other = Record(out, "matrice", {{"Forum", "bleu", 0.3, 0.3}}, "matrice-2x2");
  fs::path damaged = out / "abime.atelier";
  {
    std::string bytes = ReadBytes(*tuesday_);
    bytes.resize(bytes.size() / 3);
    std::ofstream(damaged, std::ios::binary) << bytes;
  }
  const fs::path reports = out / "rapports";
  fs::create_directories(reports);
  const std::string pdf = (reports / "c.pdf").string(), html = (reports / "c.html").string();
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{monday_->string(), other.string(), "--pdf", pdf, "--html", html}, "different templates"},
      {{monday_->string(), damaged.string(), "--pdf", pdf}, "damaged"},
      {{monday_->string(), "--html", html}, "two sessions or more"},
      {{monday_->string(), tuesday_->string()}, "--html FILE or --pdf FILE"},
      {{monday_->string(), tuesday_->string(), "--pdf", (out / "nowhere" / "c.pdf").string()}, "cannot write " + (out / "nowhere" / "c.pdf").string()},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"report"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    e2e::Run run = Headless(args);
    EXPECT_EQ(run.exit_code, 1) << c.says << ": " << run.stderr_text;
    EXPECT_NE(run.stderr_text.find(c.says), std::string::npos) << run.stderr_text;
    EXPECT_EQ(std::count(run.stderr_text.begin(), run.stderr_text.end(), '\n'), 1) << run.stderr_text;
  }
  EXPECT_TRUE(Files(reports).empty()) << Joined(Files(reports));
}

}  // namespace
}  // namespace atelier::e2e
