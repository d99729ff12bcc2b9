// The facilitator's rules: phases and the timer, dot voting with its double-tap lock-out,
// the lock, moderation, renamed labels, and undo / redo as events that replay to the same board.
#include <gtest/gtest.h>

#include "core/command.h"
#include "core/session.h"

namespace atelier::core {
namespace {

Template Map() {
  Template t;
  t.id = "test";
  t.title = {"Carte", "Map"};
  t.horizontal = {{"Usages", "Uses"}, {"interne", ""}, {"externe", ""}};
  t.zones = {Zone{.id = "com", .label = {"Communication", ""}, .area = {0, 0, 0.5f, 1}, .tint = {}}};
  return t;
}

struct Facilitator : ::testing::Test {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Board(Map()), journal, clock};

  Result<Event> AsFacilitator(const Command& c) { return session.Submit(c, Actor::Facilitator); }
  Result<Event> AsParticipant(const Command& c) { return session.Submit(c, Actor::Kiosk); }
  CardId Add(std::string text, MapPoint at = {0.3f, 0.3f}) {
    auto e = AsParticipant(AddCard{text, "yellow", at});
    EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
    return e.ok() ? std::get<CardAdded>(e->data).id : 0;
  }
  // The board folded again from the journal: what the replay and a restarted kiosk see.
  Board Replayed() const {
    Board b(Map());
    for (const Event& e : journal.events()) b.Apply(e);
    return b;
  }
};

// ---- lock ----------------------------------------------------------------------------------

TEST_F(Facilitator, ALockedBoardRefusesParticipantsWithAFrenchReasonAndLetsTheFacilitatorWork) {
  CardId a = Add("HelloAsso");
  ASSERT_TRUE(AsFacilitator(LockBoard{}).ok());
  EXPECT_TRUE(session.board().locked());
  const Board before = session.board();
  for (const Command& c : std::vector<Command>{AddCard{"x", "yellow", {0.5f, 0.5f}}, MoveCard{a, {0.6f, 0.6f}},
                                               EditCard{a, "y", "yellow"}, DeleteCard{a}, VoteCard{a}}) {
    auto r = AsParticipant(c);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("verrouillé"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(session.board(), before);
  EXPECT_TRUE(AsFacilitator(MoveCard{a, {0.6f, 0.6f}}).ok());
  EXPECT_FALSE(AsFacilitator(LockBoard{}).ok());  // already locked
  ASSERT_TRUE(AsFacilitator(UnlockBoard{}).ok());
  EXPECT_TRUE(AsParticipant(MoveCard{a, {0.2f, 0.2f}}).ok());
}

TEST_F(Facilitator, ParticipantsCannotGiveFacilitatorCommands) {
  CardId a = Add("Canva");
  for (const Command& c : std::vector<Command>{LockBoard{}, HideCard{a}, EraseCard{a}, Undo{}, ResetVotes{},
                                               StartPhase{"Voter", PhaseKind::Vote, 0}, RenameLabel{"title", "X"}}) {
    auto r = AsParticipant(c);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("anime"), std::string::npos);
  }
  EXPECT_EQ(journal.events().size(), 1u);
}

// ---- phases and timer ----------------------------------------------------------------------

TEST_F(Facilitator, PhaseTimerCountsDownPausesAndExtends) {
  clock.Set(1000);
  ASSERT_TRUE(AsFacilitator(StartPhase{"Poser ses cartes", PhaseKind::PlaceCards, 10 * 60000}).ok());
  const PhaseState* p = &*session.board().phase();
  EXPECT_EQ(p->name, "Poser ses cartes");
  EXPECT_EQ(p->RemainingMs(1000), 600000);
  EXPECT_EQ(p->RemainingMs(61000), 540000);
  clock.Set(61000);
  ASSERT_TRUE(AsFacilitator(PauseTimer{}).ok());
  p = &*session.board().phase();
  EXPECT_EQ(p->RemainingMs(500000), 540000);  // paused: time stands still
  EXPECT_FALSE(AsFacilitator(PauseTimer{}).ok());
  clock.Set(121000);
  ASSERT_TRUE(AsFacilitator(ResumeTimer{}).ok());
  ASSERT_TRUE(AsFacilitator(ExtendTimer{}).ok());
  p = &*session.board().phase();
  EXPECT_EQ(p->RemainingMs(121000), 600000);
  EXPECT_EQ(p->RemainingMs(121000 + 700000), -100000);  // ran out: negative, the UI shows 0
  ASSERT_TRUE(AsFacilitator(EndPhase{}).ok());
  EXPECT_FALSE(session.board().phase());
  EXPECT_FALSE(AsFacilitator(EndPhase{}).ok());
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(Facilitator, AnUntimedPhaseHasNoTimerToPauseOrExtend) {
  ASSERT_TRUE(AsFacilitator(StartPhase{"Échanger", PhaseKind::Discuss, 0}).ok());
  EXPECT_EQ(session.board().phase()->RemainingMs(5000), std::nullopt);
  EXPECT_FALSE(AsFacilitator(PauseTimer{}).ok());
  EXPECT_FALSE(AsFacilitator(ExtendTimer{}).ok());
  EXPECT_FALSE(AsFacilitator(StartPhase{"  ", PhaseKind::Discuss, 0}).ok());
  // A new phase replaces the running one.
  ASSERT_TRUE(AsFacilitator(StartPhase{"Voter", PhaseKind::Vote, 60000}).ok());
  EXPECT_EQ(session.board().phase()->name, "Voter");
  EXPECT_TRUE(session.board().voting());
}

// ---- voting --------------------------------------------------------------------------------

TEST_F(Facilitator, VotesOnlyDuringAVotePhaseWithADoubleTapLockOut) {
  CardId a = Add("Facebook");
  CardId b = Add("WhatsApp");
  EXPECT_FALSE(AsParticipant(VoteCard{a}).ok());  // no vote phase
  ASSERT_TRUE(AsFacilitator(StartPhase{"Voter", PhaseKind::Vote, 0}).ok());
  clock.Set(10000);
  ASSERT_TRUE(AsParticipant(VoteCard{a}).ok());
  clock.Set(10000 + kVoteLockoutMs - 1);
  auto again = AsParticipant(VoteCard{a});
  ASSERT_FALSE(again.ok());  // a double tap
  EXPECT_NE(again.error().message.find("déjà compté"), std::string::npos);
  EXPECT_TRUE(AsParticipant(VoteCard{b}).ok());      // another card: fine
  EXPECT_TRUE(AsFacilitator(VoteCard{a}).ok());      // another actor: fine
  clock.Set(10000 + kVoteLockoutMs);
  EXPECT_TRUE(AsParticipant(VoteCard{a}).ok());      // later: a real second vote
  EXPECT_EQ(session.board().Find(a)->votes, 3);
  EXPECT_EQ(session.board().Find(b)->votes, 1);
  EXPECT_FALSE(AsParticipant(VoteCard{99}).ok());
  ASSERT_TRUE(AsFacilitator(ResetVotes{}).ok());
  EXPECT_EQ(session.board().Find(a)->votes, 0);
  EXPECT_FALSE(AsFacilitator(ResetVotes{}).ok());  // nothing left to reset
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());          // the reset was a mistake
  EXPECT_EQ(session.board().Find(a)->votes, 3);
  EXPECT_EQ(session.board().Find(b)->votes, 1);
  EXPECT_EQ(Replayed(), session.board());
}

// ---- moderation and labels -----------------------------------------------------------------

TEST_F(Facilitator, HiddenCardsLeaveTheBoardAndComeBackErasedOnesAreGone) {
  CardId a = Add("un gros mot");
  ASSERT_TRUE(AsFacilitator(HideCard{a}).ok());
  EXPECT_EQ(session.board().Find(a), nullptr);
  EXPECT_NE(session.board().FindHidden(a), nullptr);
  EXPECT_EQ(session.board().CardAt({0.3f, 0.3f}), std::nullopt);
  ASSERT_TRUE(AsFacilitator(ShowCard{a}).ok());
  EXPECT_NE(session.board().Find(a), nullptr);
  ASSERT_TRUE(AsFacilitator(EraseCard{a}).ok());
  EXPECT_EQ(session.board().Find(a), nullptr);
  EXPECT_EQ(session.board().FindBinned(a), nullptr);
  EXPECT_EQ(session.board().FindHidden(a), nullptr);
  EXPECT_FALSE(AsFacilitator(RestoreCard{a}).ok());
  EXPECT_FALSE(AsFacilitator(Undo{}).ok());  // every step was about the erased card
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(Facilitator, LabelsAreRenamedAsEventsAndUndone) {
  EXPECT_EQ(session.board().map_template().LabelKeys(),
            (std::vector<std::string>{"title", "horizontal.title", "horizontal.low", "horizontal.high", "zone.com"}));
  auto r = AsFacilitator(RenameLabel{"zone.com", "Se faire connaître"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::get<LabelRenamed>(r->data).old_text, "Communication");
  EXPECT_EQ(session.board().map_template().zones[0].label.In("en"), "Se faire connaître");
  EXPECT_FALSE(AsFacilitator(RenameLabel{"zone.nope", "x"}).ok());
  EXPECT_FALSE(AsFacilitator(RenameLabel{"title", "  "}).ok());
  EXPECT_EQ(Replayed(), session.board());
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());
  EXPECT_EQ(session.board().map_template().zones[0].label.fr, "Communication");
}

// ---- undo / redo ---------------------------------------------------------------------------

TEST_F(Facilitator, UndoOfAMoveIsAMoveBackRecordedAsAnEvent) {
  CardId a = Add("Canva", {0.2f, 0.2f});
  ASSERT_TRUE(AsParticipant(MoveCard{a, {0.7f, 0.7f}}).ok());
  auto undone = AsFacilitator(Undo{});
  ASSERT_TRUE(undone.ok());
  const auto& u = std::get<ActionUndone>(undone->data);
  EXPECT_EQ(u.seq, 2);  // names the move it reverses
  EXPECT_EQ(std::get<CardMoved>(u.what).to, (MapPoint{0.7f, 0.7f}));
  EXPECT_EQ(session.board().Find(a)->at, (MapPoint{0.2f, 0.2f}));
  EXPECT_EQ(journal.events().size(), 3u);  // nothing erased: a new event
  EXPECT_EQ(CardOf(undone->data), a);
  ASSERT_TRUE(AsFacilitator(Redo{}).ok());
  EXPECT_EQ(session.board().Find(a)->at, (MapPoint{0.7f, 0.7f}));
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(Facilitator, UndoOfADeleteRestoresAndOfAnEditPutsTheOldTextBack) {
  CardId a = Add("Facebok");
  ASSERT_TRUE(AsParticipant(EditCard{a, "Facebook", "blue"}).ok());
  ASSERT_TRUE(AsParticipant(DeleteCard{a}).ok());
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());
  ASSERT_NE(session.board().Find(a), nullptr);
  EXPECT_EQ(session.board().Find(a)->text, "Facebook");
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());
  EXPECT_EQ(session.board().Find(a)->text, "Facebok");
  EXPECT_EQ(session.board().Find(a)->colour, "yellow");
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());  // the add itself: the card goes to the bin
  EXPECT_EQ(session.board().Find(a), nullptr);
  EXPECT_FALSE(AsFacilitator(Undo{}).ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(AsFacilitator(Redo{}).ok());
  EXPECT_FALSE(AsFacilitator(Redo{}).ok());
  EXPECT_EQ(session.board().Find(a), nullptr);  // redone up to the delete
  EXPECT_NE(session.board().FindBinned(a), nullptr);
  EXPECT_EQ(session.board().FindBinned(a)->text, "Facebook");
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(Facilitator, ANewActionClearsRedo) {
  CardId a = Add("Drive partagé", {0.2f, 0.2f});
  ASSERT_TRUE(AsParticipant(MoveCard{a, {0.5f, 0.5f}}).ok());
  ASSERT_TRUE(AsFacilitator(Undo{}).ok());
  EXPECT_EQ(session.board().facilitation().redo.size(), 1u);
  ASSERT_TRUE(AsParticipant(MoveCard{a, {0.8f, 0.8f}}).ok());
  EXPECT_TRUE(session.board().facilitation().redo.empty());
  auto r = AsFacilitator(Redo{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "Rien à rétablir.");
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(Facilitator, UndoGoesBackAtMostKUndoDepthSteps) {
  CardId a = Add("a", {0.1f, 0.1f});
  for (std::size_t i = 0; i < kUndoDepth + 20; ++i)
    ASSERT_TRUE(AsParticipant(MoveCard{a, {0.1f + 0.001f * static_cast<float>(i), 0.5f}}).ok());
  std::size_t undone = 0;
  while (AsFacilitator(Undo{}).ok()) ++undone;
  EXPECT_EQ(undone, kUndoDepth);
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(Facilitator, ApplyStaysTotalForUnknownCards) {
  Board b(Map());
  for (const EventData& d : std::vector<EventData>{CardVoted{9}, CardHidden{9}, CardShown{9}, CardErased{9},
                                                   ActionUndone{4, CardMoved{9, {}, {}}}, ActionRedone{4, CardAdded{9}},
                                                   TimerPaused{}, TimerExtended{}, PhaseEnded{},
                                                   LabelRenamed{"zone.nope", "a", "b"}})
    b.Apply(Event{.seq = 1, .t_ms = 0, .actor = Actor::Facilitator, .data = d});
  EXPECT_TRUE(b.cards().empty());
  EXPECT_TRUE(b.binned().empty());
}

}  // namespace
}  // namespace atelier::core
