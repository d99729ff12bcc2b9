// Two kiosks on one session file: while the first records, a second is refused with the French
// "in use" message (exit code 2, message on stderr) and touches nothing; readers (info) still
// work; once the first quits, the file opens again and holds everything the first recorded.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sstream>

#include "e2e_support.h"
#include "session_process.h"
#include "store/session_file.h"

namespace atelier::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST(SessionLock, SecondKioskIsToldTheSessionIsInUse) {
  fs::path dir = FreshDir("lock");
  fs::path session = dir / "partagee.atelier";
  std::vector<json> first_script;
  int t = 300;
  for (const char* text : {"Premier", "Second"}) {
    first_script.push_back({{"t", t}, {"tap", {{"label", "Ajouter une carte"}}}});
    first_script.push_back({{"t", t + 400}, {"text", text}});
    first_script.push_back({{"t", t + 550}, {"tap", {{"label", "Valider"}}}});
    t += 900;
  }
  first_script.push_back({{"t", 600000}, {"quit", true}});  // keeps running until SIGTERM
  auto script = WriteScript(dir, "first.jsonl", first_script);
  Kiosk first({"--size", "960x540", "--session", session.string(), "--log-events", "--input-script", script.string(),
               "--quit-after-script", "--dump-board", (dir / "first.json").string()},
              dir / "first.err");
  ASSERT_TRUE(first.started());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (first.LastCommitted() < 2 && first.Running() && std::chrono::steady_clock::now() < deadline)
    first.Pump(std::chrono::milliseconds(50));
  ASSERT_EQ(first.LastCommitted(), 2) << first.stdout_text() << first.StderrText();
  ASSERT_TRUE(first.Running());

  const std::string main_before = ReadBytes(session), wal_before = ReadBytes(session.string() + "-wal");
  auto quit = WriteScript(dir, "quit.jsonl", {json{{"t", 300}, {"quit", true}}});
  e2e::Run second = RunAtelier({"--size", "960x540", "--session", session.string(), "--input-script", quit.string(),
                                "--quit-after-script", "--screenshot", (dir / "second.png").string()},
                               60);
  EXPECT_EQ(second.exit_code, 2) << second.stderr_text;
  EXPECT_NE(second.stderr_text.find("atelier: Cette session est déjà ouverte par un autre Atelier"), std::string::npos)
      << second.stderr_text;
  EXPECT_EQ(ReadPng(dir / "second.png").width, 960) << "the second kiosk should show why it cannot start";
  EXPECT_EQ(ReadBytes(session), main_before) << "the refused kiosk wrote to the session";
  EXPECT_EQ(ReadBytes(session.string() + "-wal"), wal_before) << "the refused kiosk wrote to the session's WAL";

  // Readers are not writers: info works while the first kiosk records.
  e2e::Run info = RunAtelier({"info", session.string(), "--json"}, 60);
  ASSERT_EQ(info.exit_code, 0) << info.stderr_text;
  EXPECT_EQ(json::parse(info.stdout_text, nullptr, false).value("events", -1), 2) << info.stdout_text;

  ASSERT_EQ(kill(first.pid(), SIGTERM), 0);
  EXPECT_EQ(first.Wait(std::chrono::seconds(30)), 0) << first.StderrText();
  json board = ReadJson(dir / "first.json");
  ASSERT_TRUE(board.contains("cards"));
  EXPECT_NE(CardWithText(board, "Premier"), nullptr);
  EXPECT_NE(CardWithText(board, "Second"), nullptr);

  auto opened = store::SessionFile::OpenReadOnly(session);
  ASSERT_TRUE(opened) << opened.message.en;
  auto loaded = opened.session->Load();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->events.size(), 2u);
  EXPECT_EQ(std::get<core::CardAdded>(loaded->events[0].data).text, "Premier");
  EXPECT_EQ(std::get<core::CardAdded>(loaded->events[1].data).text, "Second");
  opened.session.reset();

  // Free again: the next kiosk opens it.
  e2e::Run third = RunAtelier({"--size", "960x540", "--session", session.string(), "--input-script", quit.string(),
                               "--quit-after-script"},
                              60);
  EXPECT_EQ(third.exit_code, 0) << third.stderr_text;
  EXPECT_NE(third.stderr_text.find("(2 events)"), std::string::npos) << third.stderr_text;
}

}  // namespace
}  // namespace atelier::e2e
