// The phones' inbox in files: its events round-trip through JSON, snapshots carry the inbox
// exactly, and a session of phone cards received, accepted (some edited), refused and undone
// reopens to the same board (snapshot + events == fold).
#include <gtest/gtest.h>

#include "store/board_json.h"
#include "store/board_snapshot.h"
#include "store/session_file.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using nlohmann::json;
using namespace testing;

TEST(InboxJson, InboxEventsRoundTrip) {
  std::vector<core::EventData> all = {
      core::InboxReceived{1, "Trop de « groupes » WhatsApp", "pink", "haut", "p-0123456789ab", "key-00000001"},
      core::InboxReceived{2, "<script>alert(1)</script>", "yellow", "", "p-0123456789ab", "key-00000002"},
      core::InboxRefused{2},
      core::CardAdded{3, "HelloAsso", "blue", {0.2f, 0.3f}, "p-0123456789ab", 1, "Helo aso"},
      core::CardAdded{4, "Canva", "blue", {0.2f, 0.3f}, "p-0123456789ab", 2, ""},
      core::ActionUndone{7, core::InboxRefused{2}},
      core::ActionRedone{8, core::CardAdded{3, "HelloAsso", "blue", {0.2f, 0.3f}, "p-0123456789ab", 1, "x"}},
  };
  for (const auto& data : all) {
    json j = json::parse(EventDataToJson(data).dump());
    auto back = EventDataFromJson(core::EventTypeName(data), j);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, data) << j.dump();
  }
  // A plain card has none of the inbox fields.
  EXPECT_FALSE(EventDataToJson(core::CardAdded{1, "a", "blue", {0.5f, 0.5f}}).contains("inbox"));
  auto bad = EventDataFromJson("inbox_received", json::parse(R"({"inbox":1,"text":"a","colour":"pink","phone":"p"})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("key"), std::string::npos);
}

// Random phones and moderation mixed with ordinary cards and undo.
void RandomModeratedWorkshop(core::Session& session, core::ManualClock& clock, int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  for (int i = 0; i < n; ++i) {
    clock.Advance(1 + pick(3000));
    const core::Board& b = session.board();
    std::vector<core::InboxId> waiting;
    for (const auto& [id, c] : b.inbox())
      if (c.state == core::InboxCard::State::Waiting) waiting.push_back(id);
    const core::InboxId some = waiting.empty() ? 999 : waiting[static_cast<std::size_t>(pick(static_cast<int>(waiting.size())))];
    core::Command cmd;
    core::Actor actor = pick(3) == 0 ? core::Actor::Kiosk : core::Actor::Facilitator;
    switch (pick(9)) {
      case 0: case 1: case 2:
        cmd = core::ReceivePhoneCard{"Téléphone " + std::to_string(i), "teal", pick(2) ? "haut" : "",
                                     "p-" + std::to_string(pick(5)), "key-" + std::to_string(i)};
        actor = core::Actor::Phone;
        break;
      case 3: case 4: {
        core::AddCard card{pick(2) ? "Accepté " + std::to_string(i) : "Téléphone", "teal", {0.5f, 0.25f}};
        card.landing = core::LandingArea{.area = {0, 0, 1, 0.5f}};
        cmd = core::AcceptPhoneCard{some, card};
        break;
      }
      case 5: cmd = core::RefusePhoneCard{some}; break;
      case 6: cmd = core::Undo{}; break;
      case 7: cmd = core::Redo{}; break;
      default: cmd = pick(2) ? core::Command{core::LockBoard{}} : core::Command{core::UnlockBoard{}}; break;
    }
    (void)session.Submit(cmd, actor);
  }
}

TEST(InboxFile, ASessionOfModeratedPhoneCardsReopensToTheSameBoard) {
  for (unsigned seed = 1; seed <= 2; ++seed) {
    TempDir dir(FastTemp());
    auto path = dir / "i.atelier";
    core::Board live_board;
    {
      auto o = SessionFile::Open(path, {.title = "Essai", .map_template = TestTemplate(), .created_ms = 1});
      ASSERT_TRUE(o) << o.message.en;
      core::ManualClock clock;
      core::Session session(o.session->board(), *o.session, clock, 1);
      RandomModeratedWorkshop(session, clock, 1200, seed);
      live_board = session.board();
      ASSERT_GT(o.session->next_seq(), kSnapshotEvery * 2);
    }
    EXPECT_GT(live_board.inbox().size(), 50u);
    EXPECT_GT(live_board.cards().size(), 10u);
    auto o = SessionFile::OpenReadOnly(path);
    ASSERT_TRUE(o) << o.message.en;
    auto loaded = o.session->Load();
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->board, live_board);
    core::Board folded(TestTemplate());
    for (std::size_t i = 0; i < loaded->events.size(); ++i) {
      folded.Apply(loaded->events[i]);
      if (i % 97 != 0) continue;
      auto at = o.session->BoardAt(static_cast<std::int64_t>(i + 1));
      ASSERT_TRUE(at.ok()) << at.error().message;
      EXPECT_EQ(*at, folded) << "seed " << seed << " seq " << i + 1;
      auto again = BoardFromSnapshot(json::parse(SnapshotToJson(folded).dump()), TestTemplate());
      ASSERT_TRUE(again.ok()) << again.error().message;
      EXPECT_EQ(*again, folded);
    }
    EXPECT_EQ(folded, live_board);
  }
}

}  // namespace
}  // namespace atelier::store
