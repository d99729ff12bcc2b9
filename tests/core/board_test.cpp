// The board is the fold of its events: commands are decided, refused with a reason, applied.
#include <gtest/gtest.h>

#include <cmath>

#include "core/command.h"
#include "core/session.h"

namespace atelier::core {
namespace {

Template TwoZones() {
  Template t;
  t.id = "test";
  t.zones = {Zone{.id = "left", .label = {"Gauche", "Left"}, .area = {0, 0, 0.5f, 1}, .tint = {}},
             Zone{.id = "right", .label = {"Droite", ""}, .area = {0.5f, 0, 0.5f, 1}, .tint = {}}};
  return t;
}

struct Fixture : ::testing::Test {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Board(TwoZones()), journal, clock};

  CardId Add(std::string text, MapPoint at, std::string colour = "yellow") {
    auto e = session.Submit(AddCard{text, colour, at});
    EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
    return std::get<CardAdded>(e->data).id;
  }
};

TEST_F(Fixture, AddedCardIsOnBoardAndInJournal) {
  clock.Set(1500);
  CardId id = Add("  HelloAsso \n", {0.25f, 0.2f});
  ASSERT_NE(session.board().Find(id), nullptr);
  EXPECT_EQ(session.board().Find(id)->text, "HelloAsso");
  ASSERT_EQ(journal.events().size(), 1u);
  EXPECT_EQ(journal.events()[0].t_ms, 1500);
  EXPECT_EQ(journal.events()[0].seq, 1);
  EXPECT_EQ(session.board().Find(id)->created_ms, 1500);
}

TEST_F(Fixture, IdsAreStableAndNeverReused) {
  CardId a = Add("a", {0.1f, 0.1f});
  ASSERT_TRUE(session.Submit(DeleteCard{a}).ok());
  CardId b = Add("b", {0.1f, 0.1f});
  EXPECT_NE(a, b);
  EXPECT_EQ(b, a + 1);
}

TEST_F(Fixture, RefusedCommandsChangeNothing) {
  Add("a", {0.1f, 0.1f});
  Board before = session.board();
  EXPECT_FALSE(session.Submit(MoveCard{42, {0.5f, 0.5f}}).ok());
  EXPECT_FALSE(session.Submit(AddCard{std::string(201, 'x'), "yellow", {0.5f, 0.5f}}).ok());
  EXPECT_FALSE(session.Submit(AddCard{"ok", "fuchsia", {0.5f, 0.5f}}).ok());
  EXPECT_FALSE(session.Submit(AddCard{"   ", "yellow", {0.5f, 0.5f}}).ok());
  EXPECT_FALSE(session.Submit(EditCard{1, "a", "yellow"}).ok());  // no change
  EXPECT_FALSE(session.Submit(RestoreCard{1}).ok());             // not in the bin
  EXPECT_EQ(session.board(), before);
  EXPECT_EQ(journal.events().size(), 1u);
}

TEST_F(Fixture, RefusalSaysWhy) {
  auto r = session.Submit(MoveCard{7, {0.5f, 0.5f}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("n°7"), std::string::npos);
}

TEST_F(Fixture, TwoHundredCharactersNotBytes) {
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "é";  // 400 bytes, 200 characters
  EXPECT_TRUE(session.Submit(AddCard{accented, "blue", {0.5f, 0.5f}}).ok());
  EXPECT_FALSE(session.Submit(AddCard{accented + "é", "blue", {0.5f, 0.5f}}).ok());
}

TEST_F(Fixture, MoveRecordsFromAndToAndLiftsCardOnTop) {
  CardId a = Add("a", {0.2f, 0.2f});
  CardId b = Add("b", {0.6f, 0.6f});
  auto e = session.Submit(MoveCard{a, {0.7f, 0.3f}});
  ASSERT_TRUE(e.ok());
  const auto& moved = std::get<CardMoved>(e->data);
  EXPECT_EQ(moved.from, (MapPoint{0.2f, 0.2f}));
  EXPECT_EQ(moved.to, (MapPoint{0.7f, 0.3f}));
  EXPECT_GT(session.board().Find(a)->z, session.board().Find(b)->z);
}

TEST_F(Fixture, PositionsAreClampedToTheMap) {
  CardId a = Add("a", {1.7f, -3.0f});
  EXPECT_EQ(session.board().Find(a)->at, (MapPoint{1.0f, 0.0f}));
  EXPECT_FALSE(session.Submit(MoveCard{a, {std::nanf(""), 0.5f}}).ok());
}

TEST_F(Fixture, EditRecordsBeforeAndAfter) {
  CardId a = Add("Facebok", {0.2f, 0.2f});
  auto e = session.Submit(EditCard{a, "Facebook", "blue"});
  ASSERT_TRUE(e.ok());
  const auto& edited = std::get<CardEdited>(e->data);
  EXPECT_EQ(edited.old_text, "Facebok");
  EXPECT_EQ(edited.old_colour, "yellow");
  EXPECT_EQ(session.board().Find(a)->text, "Facebook");
  EXPECT_EQ(session.board().Find(a)->colour, "blue");
}

TEST_F(Fixture, DeleteThenRestoreBringsTheSameCardBack) {
  CardId a = Add("Canva", {0.3f, 0.4f}, "green");
  Card before = *session.board().Find(a);
  ASSERT_TRUE(session.Submit(DeleteCard{a}).ok());
  EXPECT_EQ(session.board().Find(a), nullptr);
  EXPECT_NE(session.board().FindBinned(a), nullptr);
  EXPECT_FALSE(session.Submit(MoveCard{a, {0.1f, 0.1f}}).ok());
  ASSERT_TRUE(session.Submit(RestoreCard{a}).ok());
  ASSERT_NE(session.board().Find(a), nullptr);
  EXPECT_EQ(session.board().Find(a)->text, before.text);
  EXPECT_EQ(session.board().Find(a)->at, before.at);
  EXPECT_FALSE(session.Submit(RestoreCard{a}).ok());
}

TEST_F(Fixture, ReplayingTheJournalRebuildsTheBoard) {
  CardId a = Add("a", {0.2f, 0.2f});
  Add("b", {0.6f, 0.6f});
  ASSERT_TRUE(session.Submit(MoveCard{a, {0.9f, 0.9f}}).ok());
  ASSERT_TRUE(session.Submit(EditCard{a, "A", "pink"}).ok());
  ASSERT_TRUE(session.Submit(DeleteCard{2}).ok());
  Board replayed(TwoZones());
  for (const Event& e : journal.events()) replayed.Apply(e);
  EXPECT_EQ(replayed, session.board());
}

TEST_F(Fixture, ZoneAndImpactAreDerivedFromPosition) {
  CardId a = Add("a", {0.25f, 0.0f});
  CardId b = Add("b", {0.75f, 1.0f});
  CardId c = Add("c", {0.75f, 0.5f});
  EXPECT_EQ(session.board().ZoneOf(*session.board().Find(a))->id, "left");
  EXPECT_EQ(session.board().ZoneOf(*session.board().Find(b)), nullptr);  // x = 1 is past the last zone edge
  EXPECT_EQ(session.board().ZoneOf(*session.board().Find(c))->id, "right");
  EXPECT_FLOAT_EQ(ImpactAt(session.board().Find(a)->at), 1.0f);
  EXPECT_FLOAT_EQ(ImpactAt(session.board().Find(b)->at), -1.0f);
  EXPECT_FLOAT_EQ(ImpactAt(session.board().Find(c)->at), 0.0f);
}

TEST_F(Fixture, HitTestTopCardWins) {
  CardId under = Add("under", {0.5f, 0.5f});
  CardId over = Add("over", {0.52f, 0.52f});
  EXPECT_EQ(session.board().CardAt({0.51f, 0.51f}), over);
  EXPECT_EQ(session.board().CardAt({0.5f - kCardWidth / 2 + 0.001f, 0.5f}), under);  // only under there
  EXPECT_EQ(session.board().CardAt({0.05f, 0.05f}), std::nullopt);
  ASSERT_TRUE(session.Submit(MoveCard{under, {0.5f, 0.5f}}).ok());  // put down again: now on top
  EXPECT_EQ(session.board().CardAt({0.51f, 0.51f}), under);
}

TEST_F(Fixture, UnknownCardInJournalIsIgnored) {
  Board b(TwoZones());
  b.Apply(Event{.seq = 1, .t_ms = 0, .actor = Actor::Kiosk, .data = CardMoved{99, {}, {0.5f, 0.5f}}});
  EXPECT_TRUE(b.cards().empty());
}

TEST(Viewport, KeepsTheMapShapeAtAnyResolution) {
  for (auto [w, h] : {std::pair{1280.f, 720.f}, {1920.f, 1080.f}, {3840.f, 2160.f}, {1280.f, 1024.f}}) {
    Viewport v = Viewport::Fit(w, h);
    EXPECT_NEAR(v.pixels.w / v.pixels.h, kMapAspect, 1e-4);
    MapPoint p{0.3f, 0.8f};
    MapPoint back = v.ToMap(v.ToScreen(p));
    EXPECT_NEAR(back.x, p.x, 1e-5);
    EXPECT_NEAR(back.y, p.y, 1e-5);
  }
  Viewport v = Viewport::Fit(1280, 1024);  // letterboxed top and bottom
  EXPECT_FLOAT_EQ(v.pixels.x, 0);
  EXPECT_FLOAT_EQ(v.pixels.y, (1024 - 720) / 2.0f);
}

// A card from a phone carries the phone's anonymous id in its event; no other actor may claim one.
TEST_F(Fixture, APhoneCardKeepsItsPhoneIdAndOnlyPhonesHaveOne) {
  auto from_phone = session.Submit(AddCard{.text = "Canva", .colour = "blue", .at = {0.5f, 0.5f}, .phone = "p-0123456789ab"}, Actor::Phone);
  ASSERT_TRUE(from_phone.ok());
  EXPECT_EQ(from_phone->actor, Actor::Phone);
  EXPECT_EQ(std::get<CardAdded>(from_phone->data).phone, "p-0123456789ab");
  auto pretending = session.Submit(AddCard{.text = "Canva", .colour = "blue", .at = {0.5f, 0.5f}, .phone = "p-0123456789ab"}, Actor::Kiosk);
  EXPECT_FALSE(pretending.ok());
  EXPECT_EQ(session.board().cards().size(), 1u);
}

}  // namespace
}  // namespace atelier::core
