// The facilitator's events and state in files: every new payload round-trips, snapshots carry
// the phase, lock, hidden cards, renamed labels and undo stacks exactly, and a session file full
// of them reopens to the same board (snapshot + events == fold).
#include <gtest/gtest.h>

#include "store/board_json.h"
#include "store/board_snapshot.h"
#include "store/session_file.h"
#include "store_test_util.h"

namespace atelier::store {
namespace {

using nlohmann::json;
using namespace testing;

TEST(FacilitatorJson, EveryNewEventTypeRoundTrips) {
  std::vector<core::EventData> all = {
      core::PhaseStarted{"Poser ses cartes", core::PhaseKind::PlaceCards, 600000},
      core::PhaseStarted{"Voter", core::PhaseKind::Vote, 0},
      core::PhaseEnded{"Échanger"},
      core::TimerPaused{},
      core::TimerResumed{},
      core::TimerExtended{60000},
      core::BoardLocked{},
      core::BoardUnlocked{},
      core::CardVoted{3},
      core::VotesReset{{{3, 2}, {5, 1}}},
      core::CardHidden{4},
      core::CardShown{4},
      core::CardErased{4},
      core::LabelRenamed{"zone.haut", "En haut", "Ça aide « vraiment »"},
      core::ActionUndone{7, core::CardMoved{2, {0.1f, 0.2f}, {0.3f, 0.4f}}},
      core::ActionUndone{8, core::VotesReset{{{1, 4}}}},
      core::ActionRedone{9, core::CardEdited{2, "a", "yellow", "b", "blue"}},
      core::ActionRedone{9, core::LabelRenamed{"title", "x", "y"}},
      core::CardSizeSet{core::CardSizeChoice::Auto, core::CardSizeChoice::Small},
      core::CardSizeSet{core::CardSizeChoice::Medium, core::CardSizeChoice::Large},
      core::ActionUndone{10, core::CardSizeSet{core::CardSizeChoice::Large, core::CardSizeChoice::Auto}},
  };
  for (const auto& data : all) {
    json j = json::parse(EventDataToJson(data).dump());
    auto back = EventDataFromJson(core::EventTypeName(data), j);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, data) << j.dump();
  }
  EXPECT_EQ(EventDataToJson(core::ActionUndone{7, core::CardDeleted{2}}).dump(),
            R"({"payload":{"id":2},"seq":7,"type":"card_deleted"})");
}

TEST(FacilitatorJson, BadPayloadsAreRefusedWithTheField) {
  auto r = EventDataFromJson("phase_started", json::parse(R"({"name":"x","kind":"dance","duration_ms":0})"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("kind"), std::string::npos);
  r = EventDataFromJson("undone", json::parse(R"({"seq":1,"type":"board_locked","payload":{}})"));
  ASSERT_FALSE(r.ok());  // a lock is not something undo reverses
  r = EventDataFromJson("votes_reset", json::parse(R"({"before":[[1]]})"));
  EXPECT_FALSE(r.ok());
  r = EventDataFromJson("board_locked", json::parse("[]"));
  EXPECT_FALSE(r.ok());
  r = EventDataFromJson("card_size_set", json::parse(R"({"before":"auto","size":"huge"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("size"), std::string::npos);
  EXPECT_EQ(EventDataToJson(core::CardSizeSet{core::CardSizeChoice::Auto, core::CardSizeChoice::Small}).dump(),
            R"({"before":"auto","size":"small"})");
}

// Random facilitator and participant commands, everything the panel can do.
void RandomFacilitatedWorkshop(core::Session& session, core::ManualClock& clock, int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  for (int i = 0; i < n; ++i) {
    clock.Advance(1 + pick(3000));
    const core::Board& b = session.board();
    auto any = [&](const auto& cards) -> core::CardId {
      if (cards.empty()) return 999;
      auto it = cards.begin();
      std::advance(it, pick(static_cast<int>(cards.size())));
      return it->first;
    };
    core::Command cmd;
    switch (pick(17)) {
      case 0: case 1: cmd = core::AddCard{"Carte " + std::to_string(i), "green", {0.5f, 0.5f}}; break;
      case 2: cmd = core::MoveCard{any(b.cards()), {0.01f * static_cast<float>(pick(100)), 0.4f}}; break;
      case 3: cmd = core::EditCard{any(b.cards()), "Édité " + std::to_string(i), "pink"}; break;
      case 4: cmd = core::DeleteCard{any(b.cards())}; break;
      case 5: cmd = core::VoteCard{any(b.cards())}; break;
      case 6: cmd = core::StartPhase{"Voter", core::PhaseKind::Vote, pick(2) * 300000}; break;
      case 7: cmd = core::PauseTimer{}; break;
      case 8: cmd = core::ResumeTimer{}; break;
      case 9: cmd = core::ExtendTimer{}; break;
      case 10: cmd = pick(2) ? core::Command{core::LockBoard{}} : core::Command{core::UnlockBoard{}}; break;
      case 11: cmd = pick(2) ? core::Command{core::HideCard{any(b.cards())}} : core::Command{core::ShowCard{any(b.hidden())}}; break;
      case 12: cmd = pick(4) ? core::Command{core::Undo{}} : core::Command{core::EraseCard{any(b.binned())}}; break;
      case 13: cmd = core::Redo{}; break;
      case 15: cmd = core::SetCardSize{core::kCardSizeChoices[pick(4)]}; break;
      case 14: cmd = core::RenameLabel{pick(2) ? "zone.haut" : "title", "Nom " + std::to_string(i)}; break;
      default: cmd = pick(3) ? core::Command{core::Undo{}} : core::Command{core::ResetVotes{}}; break;
    }
    (void)session.Submit(cmd, pick(3) == 0 ? core::Actor::Kiosk : core::Actor::Facilitator);
  }
}

TEST(FacilitatorFile, ASessionFullOfFacilitatorEventsReopensToTheSameBoard) {
  for (unsigned seed = 1; seed <= 3; ++seed) {
    TempDir dir(FastTemp());
    auto path = dir / "f.atelier";
    core::Board live_board;
    std::vector<core::Event> events;
    {
      auto o = SessionFile::Open(path, {.title = "Essai", .map_template = TestTemplate(), .created_ms = 1});
      ASSERT_TRUE(o) << o.message.en;
      core::ManualClock clock;
      core::Session session(o.session->board(), *o.session, clock, 1);
      RandomFacilitatedWorkshop(session, clock, 1500, seed);
      live_board = session.board();
      ASSERT_GT(o.session->next_seq(), kSnapshotEvery * 2);
    }
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

TEST(FacilitatorFile, AnOlderSnapshotWithoutFacilitationReadsAsDefaults) {
  json old = json::parse(R"({"cards":[],"binned":[],"next_id":1,"next_z":1,"last_ms":0})");
  auto b = BoardFromSnapshot(old, TestTemplate());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->facilitation(), core::Facilitation{});
  EXPECT_EQ(b->card_size_choice(), core::CardSizeChoice::Auto);
}

TEST(FacilitatorFile, TheChosenCardSizeIsInTheSnapshot) {
  core::Board board(TestTemplate());
  board.Apply(core::Event{.seq = 1, .actor = core::Actor::Facilitator,
                          .data = core::CardSizeSet{core::CardSizeChoice::Auto, core::CardSizeChoice::Small}});
  const json j = SnapshotToJson(board);
  auto again = BoardFromSnapshot(json::parse(j.dump()), TestTemplate());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->card_size_choice(), core::CardSizeChoice::Small);
  EXPECT_EQ(again->card_size(), board.card_size());
  json bad = j;
  bad["facilitation"]["card_size"] = "huge";
  EXPECT_FALSE(BoardFromSnapshot(bad, TestTemplate()).ok());
}

}  // namespace
}  // namespace atelier::store
