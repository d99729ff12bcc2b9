// `atelier export SESSION --html FILE` through the real binary, the page opened from file:// in
// headless Chromium (Debian's chromium, tools/report_page_driver.py over the DevTools pipe) with
// the network observed and blocked: no console error or CSP violation, no request leaving the
// page, and the replay player's cards — read from the page — where `export --json` puts them,
// at the end of a played-through replay; none at 0. On a session the kiosk recorded and on an
// imported 200-card session that holds every kind of event that changes the board.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "e2e_support.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Run Headless(const std::vector<std::string>& args, int timeout_s = 180) {
  std::vector<std::string> argv{"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY",
                                std::string("XDG_CONFIG_HOME=") + FreshDir("html-config").string(), ATELIER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, timeout_s);
}

// The page in Chromium: what report_page_driver.py prints.
json OpenInChromium(const fs::path& html, const fs::path& dir) {
  e2e::Run page = RunProgram({"python3", std::string(ATELIER_SOURCE_DIR) + "/tests/e2e/tools/report_page_driver.py",
                         html.string(), (dir / "report.png").string(), (dir / "chromium-profile").string()},
                        300);
  EXPECT_EQ(page.exit_code, 0) << page.stdout_text << page.stderr_text;
  json said = json::parse(page.stdout_text, nullptr, false);
  EXPECT_FALSE(said.is_discarded()) << page.stdout_text << page.stderr_text;
  return said.is_discarded() ? json::object() : said;
}

// The cards the player shows are the final board's: same ids, same centres and sizes.
void ExpectSameCards(const json& shown, const json& board, const char* when) {
  std::map<long, const json*> by_id;
  for (const json& c : shown) by_id[c["id"].get<long>()] = &c;
  EXPECT_EQ(shown.size(), board["cards"].size()) << when;
  for (const json& card : board["cards"]) {
    auto it = by_id.find(card["id"].get<long>());
    ASSERT_NE(it, by_id.end()) << when << ": card " << card["id"] << " " << card["text"] << " is not shown";
    for (const char* key : {"x", "y", "w", "h"})
      EXPECT_NEAR((*it->second)[key].get<double>(), card[key].get<double>(), 1e-6)
          << when << ": card " << card["id"] << " " << key;
  }
}

void ExpectQuietAndOffline(const json& said) {
  ASSERT_TRUE(said.value("ready", false)) << said.dump();
  EXPECT_TRUE(said["errors"].empty()) << said["errors"].dump();      // no script error, no CSP violation
  EXPECT_TRUE(said["requests"].empty()) << said["requests"].dump();  // nothing left the page
}

TEST(HtmlReport, RecordedByTheKioskPlaysToTheFinalBoardOffline) {
  const fs::path dir = FreshDir("html-recorded");
  const fs::path session = dir / "atelier.atelier";
  auto add = [](int t, const std::string& text, const std::string& colour, double x, double y) {
    return std::vector<json>{{{"t", t}, {"tap", {{"label", "Ajouter une carte"}}}},
                             {{"t", t + 300}, {"text", text}},
                             {{"t", t + 400}, {"tap", {{"label", colour}}}},
                             {{"t", t + 600}, {"tap", {{"label", "Valider"}}}},
                             {{"t", t + 900}, {"drag", {{"from", {{"card", text}}}, {"to", {{"map", {x, y}}}}}}}};
  };
  std::vector<json> lines;
  for (auto& part : {add(300, "Lettre </script><b>", "bleu", 0.12, 0.35), add(4000, "HelloAsso", "vert", 0.60, 0.5),
                     add(7000, "Drive « partagé »", "rose", 0.75, 0.7)})
    lines.insert(lines.end(), part.begin(), part.end());
  // The first card moved again, later.
  lines.push_back({{"t", 9500}, {"drag", {{"from", {{"card", "HelloAsso"}}}, {"to", {{"map", {0.40, 0.30}}}}}}});
  lines.push_back({{"t", 11000}, {"quit", true}});
  const fs::path script = WriteScript(dir, "script.jsonl", lines);
  e2e::Run kiosk = RunAtelier({"--size", "1280x720", "--session", session.string(), "--input-script", script.string()}, 300);
  ASSERT_EQ(kiosk.exit_code, 0) << kiosk.stderr_text;

  const fs::path html = dir / "rapport.html";
  e2e::Run exported = Headless({"export", session.string(), "--html", html.string(), "--json", (dir / "board.json").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
  EXPECT_NE(exported.stderr_text.find(std::string("wrote ") + html.string() + " (report as HTML"), std::string::npos)
      << exported.stderr_text;
  const json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 3u) << board.dump(2);

  const json said = OpenInChromium(html, dir);
  ExpectQuietAndOffline(said);
  ExpectSameCards(said["opened"], board, "as opened");
  ExpectSameCards(said["played"], board, "played to the end");
  EXPECT_EQ(said["played_to"], said["duration"]);
  EXPECT_EQ(said["incremental_matches"], true);
  EXPECT_TRUE(said["zero"].empty()) << said["zero"].dump();
  EXPECT_EQ(said["zero_attr"], "0");
  // The card that tried to close the script is a card in the table, as text.
  const std::string page = ReadBytes(html);
  EXPECT_NE(page.find("Lettre &lt;/script&gt;&lt;b&gt;</td>"), std::string::npos);
  Png shot = ReadPng(dir / "report.png");
  EXPECT_GT(shot.width, 1200);             // the 1280 px viewport, less a scroll bar
  EXPECT_GT(shot.height, 2 * shot.width);  // the whole page: map, player, cards
}

// 200 cards over the six zones of the default template, and every kind of event that changes the
// board: moves, edits, bin and restore, votes and their reset, undo and redo, "Ranger la carte",
// hiding, showing, erasing, renamed labels, phases, locks and timers.
fs::path Import200(const fs::path& dir) {
  std::ifstream sample(std::string(ATELIER_SOURCE_DIR) + "/assets/samples/exemple.jsonl");
  std::string header;
  std::getline(sample, header);
  std::ofstream out(dir / "big.jsonl");
  out << header << "\n";
  int seq = 0, t = 0;
  auto event = [&](const std::string& actor, const std::string& type, const json& payload) {
    t += 1500;
    out << json{{"seq", ++seq}, {"t_ms", t}, {"actor", actor}, {"type", type}, {"payload", payload}}.dump() << "\n";
    return seq;
  };
  const char* colours[] = {"yellow", "orange", "pink", "purple", "blue", "teal", "green", "grey"};
  const double zone_x[] = {0.128, 0.284, 0.440, 0.595, 0.751, 0.907};
  auto place = [&](int i) {
    return json::array({zone_x[i % 6] + 0.01 * ((i / 6) % 5 - 2), 0.25 + 0.55 * ((i * 37) % 100) / 100.0});
  };
  event("facilitator", "phase_started", {{"name", "Placer les cartes"}, {"kind", "place_cards"}, {"duration_ms", 600000}});
  for (int i = 1; i <= 200; ++i) {
    const std::string actor = i % 7 == 0 ? "phone" : i % 11 == 0 ? "facilitator" : "kiosk";
    json added = {{"id", i}, {"text", std::string("Carte n°") + std::to_string(i) + (i % 3 ? " « un peu plus longue »" : "")},
                  {"colour", colours[i % 8]}, {"at", place(i)}};
    if (actor == "phone") added["phone"] = "p-3f9a1c2b7d0e";
    event(actor, "card_added", added);
    if (i % 10 == 0) event("kiosk", "card_moved", {{"id", i - 1}, {"from", place(i - 1)}, {"to", place(i + 3)}});
  }
  event("facilitator", "timer_paused", json::object());
  event("facilitator", "timer_resumed", json::object());
  event("facilitator", "timer_extended", {{"by_ms", 60000}});
  event("kiosk", "card_edited", {{"id", 5}, {"old_text", "Carte n°5 « un peu plus longue »"}, {"old_colour", "orange"},
                                 {"text", "Modifiée </script><script>alert(1)</script>"}, {"colour", "blue"}});
  const int deleted = event("kiosk", "card_deleted", {{"id", 6}});
  event("kiosk", "card_deleted", {{"id", 7}});
  event("facilitator", "card_restored", {{"id", 7}});
  event("facilitator", "undone", {{"seq", deleted}, {"type", "card_deleted"}, {"payload", {{"id", 6}}}});
  const int moved = event("kiosk", "card_moved", {{"id", 8}, {"from", place(8)}, {"to", {0.5, 0.5}}});
  event("facilitator", "undone",
        {{"seq", moved}, {"type", "card_moved"}, {"payload", {{"id", 8}, {"from", place(8)}, {"to", {0.5, 0.5}}}}});
  event("facilitator", "redone",
        {{"seq", moved}, {"type", "card_moved"}, {"payload", {{"id", 8}, {"from", place(8)}, {"to", {0.5, 0.5}}}}});
  event("facilitator", "phase_started", {{"name", "Voter"}, {"kind", "vote"}, {"duration_ms", 0}});
  for (int i = 10; i < 40; ++i) event(i % 2 ? "kiosk" : "phone", "card_voted", {{"id", i}});
  event("kiosk", "card_voted", {{"id", 12}});
  const json before = json::array({json::array({10, 1}), json::array({11, 1}), json::array({12, 2})});
  const int reset = event("facilitator", "votes_reset", {{"before", before}});
  event("facilitator", "undone", {{"seq", reset}, {"type", "votes_reset"}, {"payload", {{"before", before}}}});
  event("facilitator", "board_locked", json::object());
  event("facilitator", "card_hidden", {{"id", 20}});
  event("facilitator", "card_hidden", {{"id", 21}});
  event("facilitator", "card_shown", {{"id", 21}});
  event("facilitator", "card_erased", {{"id", 22}});
  event("facilitator", "label_renamed", {{"key", "zone.gestion"}, {"old_text", "Gestion : compta, adhésions, salles"},
                                         {"text", "Gestion <renommée>"}});
  event("facilitator", "board_unlocked", json::object());
  const int added = event("kiosk", "card_added", {{"id", 201}, {"text", "Ajoutée puis annulée"}, {"colour", "green"},
                                                  {"at", {0.3, 0.5}}});
  event("facilitator", "undone", {{"seq", added}, {"type", "card_added"},
                                  {"payload", {{"id", 201}, {"text", "Ajoutée puis annulée"}, {"colour", "green"},
                                               {"at", {0.3, 0.5}}}}});
  json moves = json::array();
  for (int i = 30; i < 60; ++i)
    moves.push_back({{"id", i}, {"from", place(i)}, {"to", {zone_x[i % 6], 0.2 + 0.02 * (i - 30)}}});
  event("facilitator", "cards_arranged", {{"moves", moves}});
  json undo_moves = json::array();
  for (int i = 50; i < 55; ++i) undo_moves.push_back({{"id", i}, {"from", place(i)}, {"to", {0.02, 0.95}}});
  const int arranged = event("facilitator", "cards_arranged", {{"moves", undo_moves}});
  event("facilitator", "undone", {{"seq", arranged}, {"type", "cards_arranged"}, {"payload", {{"moves", undo_moves}}}});
  event("facilitator", "phase_ended", {{"name", "Voter"}});
  out.close();
  const fs::path session = dir / "big.atelier";
  e2e::Run imported = RunAtelier({"import", (dir / "big.jsonl").string(), "--session", session.string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.stderr_text;
  return session;
}

TEST(HtmlReport, Imported200CardsWithEveryKindOfEventFoldAsTheKioskFolds) {
  const fs::path dir = FreshDir("html-200");
  const fs::path session = Import200(dir);
  const fs::path html = dir / "rapport.html";
  e2e::Run exported = Headless({"export", session.string(), "--html", html.string(), "--json", (dir / "board.json").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
  const json board = ReadJson(dir / "board.json");
  ASSERT_EQ(board["cards"].size(), 198u);  // 200, less one hidden and one erased (the undone 201st is in the bin)
  ASSERT_LT(board["cards"][0]["w"].get<double>(), 0.086);  // a crowded board: smaller cards

  const json said = OpenInChromium(html, dir);
  ExpectQuietAndOffline(said);
  ExpectSameCards(said["opened"], board, "as opened");
  ExpectSameCards(said["played"], board, "played to the end");
  EXPECT_EQ(said["incremental_matches"], true);
  EXPECT_TRUE(said["zero"].empty());
  EXPECT_EQ(said["zero_attr"], "0");
  const std::string page = ReadBytes(html);
  EXPECT_NE(page.find("Modifiée &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"), std::string::npos);
  EXPECT_NE(page.find("Gestion &lt;renommée&gt;"), std::string::npos);
}

}  // namespace
}  // namespace atelier::e2e
