// The phones' inbox: a phone's card waits off the board, is accepted (it lands through the
// board's landing, maybe edited) or refused; all of it is in the fold, so replay sees the same;
// undo puts a decided card back to wait; a locked board leaves moderation to the facilitator.
#include <gtest/gtest.h>

#include "core/command.h"
#include "core/session.h"

namespace atelier::core {
namespace {

Template Map() {
  Template t;
  t.id = "test";
  t.title = {"Carte", "Map"};
  t.zones = {Zone{.id = "com", .label = {"Communication", ""}, .area = {0, 0, 0.5f, 0.5f}, .tint = {}},
             Zone{.id = "outils", .label = {"Outils", ""}, .area = {0.5f, 0, 0.5f, 0.5f}, .tint = {}}};
  return t;
}

struct InboxTest : ::testing::Test {
  MemoryJournal journal;
  ManualClock clock{0};
  Session session{Board(Map()), journal, clock};

  Result<Event> Receive(std::string text, std::string key, std::string zone = "", std::string phone = "p-0123456789ab") {
    return session.Submit(ReceivePhoneCard{text, "pink", zone, phone, key}, Actor::Phone);
  }
  InboxId Received(std::string text, std::string key, std::string zone = "") {
    auto e = Receive(text, key, zone);
    EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
    return e.ok() ? std::get<InboxReceived>(e->data).inbox : 0;
  }
  // What the kiosk asks when accepting: the card lands in its zone, like a card sent straight.
  AcceptPhoneCard Accept(InboxId id, std::optional<std::string> text = std::nullopt) {
    const InboxCard& entry = *session.board().FindInbox(id);
    AddCard card{text.value_or(entry.text), entry.colour, {0.25f, 0.25f}};
    card.landing = LandingArea{.area = {0, 0, 0.5f, 0.5f}};
    return AcceptPhoneCard{id, card};
  }
  Board Replayed() const {
    Board b(Map());
    for (const Event& e : journal.events()) b.Apply(e);
    return b;
  }
};

TEST_F(InboxTest, APhoneCardWaitsOffTheBoardWithItsPhoneAndKey) {
  clock.Set(5000);
  auto e = Receive("  Trop de groupes\tWhatsApp ", "key-00000001", "com");
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->actor, Actor::Phone);
  const auto& r = std::get<InboxReceived>(e->data);
  EXPECT_EQ(r.inbox, 1);
  EXPECT_EQ(r.text, "Trop de groupes WhatsApp");  // sanitised like every card
  EXPECT_TRUE(session.board().cards().empty());
  const InboxCard* entry = session.board().FindInbox(1);
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->state, InboxCard::State::Waiting);
  EXPECT_EQ(entry->zone, "com");
  EXPECT_EQ(entry->phone, "p-0123456789ab");
  EXPECT_EQ(entry->received_ms, 5000);
  EXPECT_EQ(FindByKey(session.board().inbox(), "key-00000001"), entry);
  EXPECT_EQ(WaitingCount(session.board().inbox()), 1u);
  EXPECT_EQ(Received("Deux", "key-00000002"), 2);
}

TEST_F(InboxTest, OnlyAPhoneReceivesAndAPhoneCannotModerate) {
  auto r = session.Submit(ReceivePhoneCard{"x", "pink", "", "p-1", "k-1"}, Actor::Kiosk);
  EXPECT_FALSE(r.ok());
  r = session.Submit(ReceivePhoneCard{"x", "pink", "", "p-1", "k-1"}, Actor::Facilitator);
  EXPECT_FALSE(r.ok());
  InboxId id = Received("Canva", "key-00000001");
  EXPECT_FALSE(session.Submit(Accept(id), Actor::Phone).ok());
  EXPECT_FALSE(session.Submit(RefusePhoneCard{id}, Actor::Phone).ok());
  EXPECT_EQ(journal.events().size(), 1u);
}

TEST_F(InboxTest, BadPhoneCardsAreRefusedWithAFrenchReason) {
  EXPECT_FALSE(Receive("   ", "key-00000001").ok());
  EXPECT_FALSE(Receive(std::string(201, 'a'), "key-00000001").ok());
  EXPECT_FALSE(session.Submit(ReceivePhoneCard{"x", "magenta", "", "p-1", "key-00000001"}, Actor::Phone).ok());
  auto zone = Receive("x", "key-00000001", "nowhere");
  ASSERT_FALSE(zone.ok());
  EXPECT_NE(zone.error().message.find("zone"), std::string::npos);
  EXPECT_FALSE(Receive("x", "").ok());
  Received("x", "key-00000001");
  auto twice = Receive("x again", "key-00000001");  // the same key: one card
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(journal.events().size(), 1u);
}

TEST_F(InboxTest, AcceptedCardsLandThroughTheLandingAndSayTheyCameFromTheInbox) {
  InboxId a = Received("HelloAsso", "key-00000001", "com");
  InboxId b = Received("Canva", "key-00000002", "com");
  auto ea = session.Submit(Accept(a), Actor::Facilitator);
  ASSERT_TRUE(ea.ok()) << ea.error().message;
  auto eb = session.Submit(Accept(b), Actor::Facilitator);
  ASSERT_TRUE(eb.ok());
  const auto& ca = std::get<CardAdded>(ea->data);
  const auto& cb = std::get<CardAdded>(eb->data);
  EXPECT_EQ(ea->actor, Actor::Facilitator);  // who accepted; the phone is in the payload
  EXPECT_EQ(ca.phone, "p-0123456789ab");
  EXPECT_EQ(ca.inbox, a);
  EXPECT_TRUE(ca.phone_text.empty());
  const Board& board = session.board();
  ASSERT_NE(board.Find(ca.id), nullptr);
  ASSERT_NE(board.Find(cb.id), nullptr);
  // The landing: inside the zone, and the second does not cover the first.
  EXPECT_TRUE(board.CardBounds(*board.Find(ca.id)).Contains(ca.at.x, ca.at.y));
  EXPECT_FALSE(board.CardBounds(*board.Find(ca.id)).Contains(cb.at.x, cb.at.y));
  EXPECT_LT(ca.at.x, 0.5f);
  EXPECT_LT(cb.at.x, 0.5f);
  EXPECT_EQ(board.FindInbox(a)->state, InboxCard::State::Accepted);
  EXPECT_EQ(board.FindInbox(a)->card, ca.id);
  EXPECT_EQ(WaitingCount(board.inbox()), 0u);
  EXPECT_FALSE(session.Submit(Accept(a), Actor::Facilitator).ok());  // decided already
  EXPECT_FALSE(session.Submit(RefusePhoneCard{a}, Actor::Facilitator).ok());
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(InboxTest, AnEditedCardKeepsWhatThePhoneWrote) {
  InboxId a = Received("Helo aso", "key-00000001");
  auto e = session.Submit(Accept(a, "HelloAsso"), Actor::Kiosk);
  ASSERT_TRUE(e.ok()) << e.error().message;
  const auto& c = std::get<CardAdded>(e->data);
  EXPECT_EQ(c.text, "HelloAsso");
  EXPECT_EQ(c.phone_text, "Helo aso");
  EXPECT_EQ(session.board().Find(c.id)->text, "HelloAsso");
  EXPECT_FALSE(session.Submit(Accept(Received("b", "key-00000002"), "  "), Actor::Kiosk).ok());  // empty: refused
}

TEST_F(InboxTest, ARefusalIsRecordedAndTheCardNeverLands) {
  InboxId a = Received("<script>alert(1)</script>", "key-00000001");
  auto e = session.Submit(RefusePhoneCard{a}, Actor::Facilitator);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(std::get<InboxRefused>(e->data).inbox, a);
  EXPECT_EQ(session.board().FindInbox(a)->state, InboxCard::State::Refused);
  EXPECT_TRUE(session.board().cards().empty());
  EXPECT_FALSE(session.Submit(RefusePhoneCard{99}, Actor::Facilitator).ok());
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(InboxTest, UndoPutsADecidedCardBackToWaitAndRedoDecidesAgain) {
  InboxId a = Received("HelloAsso", "key-00000001");
  InboxId b = Received("Spam", "key-00000002");
  auto accepted = session.Submit(Accept(a), Actor::Facilitator);
  ASSERT_TRUE(accepted.ok());
  const CardId card = std::get<CardAdded>(accepted->data).id;
  ASSERT_TRUE(session.Submit(RefusePhoneCard{b}, Actor::Facilitator).ok());

  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());  // the refusal
  EXPECT_EQ(session.board().FindInbox(b)->state, InboxCard::State::Waiting);
  ASSERT_TRUE(session.Submit(Undo{}, Actor::Facilitator).ok());  // the accept
  EXPECT_EQ(session.board().FindInbox(a)->state, InboxCard::State::Waiting);
  EXPECT_EQ(session.board().Find(card), nullptr);
  EXPECT_EQ(session.board().FindBinned(card), nullptr);  // back in the inbox, not in the bin
  EXPECT_EQ(WaitingCount(session.board().inbox()), 2u);
  EXPECT_EQ(Replayed(), session.board());

  ASSERT_TRUE(session.Submit(Redo{}, Actor::Facilitator).ok());
  EXPECT_EQ(session.board().FindInbox(a)->state, InboxCard::State::Accepted);
  ASSERT_NE(session.board().Find(card), nullptr);
  EXPECT_EQ(session.board().Find(card)->text, "HelloAsso");
  ASSERT_TRUE(session.Submit(Redo{}, Actor::Facilitator).ok());
  EXPECT_EQ(session.board().FindInbox(b)->state, InboxCard::State::Refused);
  EXPECT_EQ(Replayed(), session.board());
}

TEST_F(InboxTest, ALockedBoardStillFillsTheInboxButOnlyTheFacilitatorModerates) {
  ASSERT_TRUE(session.Submit(LockBoard{}, Actor::Facilitator).ok());
  InboxId a = Received("HelloAsso", "key-00000001");
  InboxId b = Received("Canva", "key-00000002");
  auto kiosk = session.Submit(Accept(a), Actor::Kiosk);
  ASSERT_FALSE(kiosk.ok());
  EXPECT_NE(kiosk.error().message.find("verrouillé"), std::string::npos);
  EXPECT_FALSE(session.Submit(RefusePhoneCard{b}, Actor::Kiosk).ok());
  EXPECT_TRUE(session.Submit(Accept(a), Actor::Facilitator).ok());
  EXPECT_TRUE(session.Submit(RefusePhoneCard{b}, Actor::Facilitator).ok());
}

TEST_F(InboxTest, AFullInboxRefusesMore) {
  for (std::size_t i = 0; i < kMaxInboxWaiting; ++i) Received("c", "key-" + std::to_string(100000 + i));
  auto more = Receive("one too many", "key-99999999");
  ASSERT_FALSE(more.ok());
  EXPECT_NE(more.error().message.find("pleine"), std::string::npos);
  ASSERT_TRUE(session.Submit(RefusePhoneCard{1}, Actor::Facilitator).ok());
  EXPECT_TRUE(Receive("room again", "key-99999999").ok());
}

TEST_F(InboxTest, ErasingAnAcceptedCardForgetsItsUndoStepButKeepsTheInboxOutcome) {
  InboxId a = Received("HelloAsso", "key-00000001");
  auto accepted = session.Submit(Accept(a), Actor::Facilitator);
  ASSERT_TRUE(accepted.ok());
  const CardId card = std::get<CardAdded>(accepted->data).id;
  ASSERT_TRUE(session.Submit(EraseCard{card}, Actor::Facilitator).ok());
  EXPECT_EQ(session.board().Find(card), nullptr);
  EXPECT_FALSE(session.Submit(Undo{}, Actor::Facilitator).ok());  // the accept's step went with the card
  EXPECT_EQ(session.board().FindInbox(a)->state, InboxCard::State::Accepted);
  EXPECT_EQ(Replayed(), session.board());
}

}  // namespace
}  // namespace atelier::core
