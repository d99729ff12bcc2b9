// Event payloads round-trip through JSON exactly; bad payloads are refused with the field
// named; the board export carries zone, impact and card fields.
#include "store/board_json.h"

#include <gtest/gtest.h>

#include "core/session.h"

namespace atelier::store {
namespace {

using nlohmann::json;

TEST(BoardJson, EveryEventTypeRoundTrips) {
  std::vector<core::EventData> all = {
      core::CardAdded{7, "Café « associatif » — Œuvre", "pink", {0.1f / 3, 0.7f}},
      core::CardMoved{7, {0.1f, 0.2f}, {0.123456789f, 1.0f}},
      core::CardEdited{7, "avant", "yellow", "après \"quoted\"", "blue"},
      core::CardDeleted{7},
      core::CardRestored{7},
  };
  for (const auto& data : all) {
    json j = json::parse(EventDataToJson(data).dump());  // through text, as in the file
    auto back = EventDataFromJson(core::EventTypeName(data), j);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, data) << j.dump();
  }
}

TEST(BoardJson, PayloadShapes) {
  EXPECT_EQ(EventDataToJson(core::CardAdded{1, "A", "yellow", {0.5f, 0.25f}}).dump(),
            R"({"at":[0.5,0.25],"colour":"yellow","id":1,"text":"A"})");
  EXPECT_EQ(EventDataToJson(core::CardMoved{2, {0.1f, 0.2f}, {0.3f, 0.4f}}).dump(),
            R"({"from":[0.1,0.2],"id":2,"to":[0.3,0.4]})");
  EXPECT_EQ(EventDataToJson(core::CardDeleted{3}).dump(), R"({"id":3})");
}

TEST(BoardJson, APhoneCardSaysWhichPhoneAndOthersDoNot) {
  const core::CardAdded from_phone{4, "Canva", "blue", {0.5f, 0.5f}, "p-0123456789ab"};
  json j = EventDataToJson(from_phone);
  EXPECT_EQ(j["phone"], "p-0123456789ab");
  auto back = EventDataFromJson("card_added", j);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, core::EventData{from_phone});
  EXPECT_FALSE(EventDataToJson(core::CardAdded{5, "A", "yellow", {0.5f, 0.5f}}).contains("phone"));
  EXPECT_FALSE(EventDataFromJson("card_added", json::parse(R"({"id":1,"text":"A","colour":"yellow","at":[0,0],"phone":7})")).ok());
}

TEST(BoardJson, BadPayloadsAreRefused) {
  auto r = EventDataFromJson("card_moved", json::parse(R"({"id":1,"from":[0,0]})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "card_moved payload has no \"to\"");
  r = EventDataFromJson("card_added", json::parse(R"({"id":"1","text":"a","colour":"yellow","at":[0,0]})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "card_added payload: \"id\" must be an integer");
  r = EventDataFromJson("card_added", json::parse(R"({"id":1,"text":"a","colour":"yellow","at":[0]})"));
  ASSERT_FALSE(r.ok());
  r = EventDataFromJson("card_exploded", json::parse(R"({"id":1})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "unknown event type \"card_exploded\"");
  r = EventDataFromJson("card_deleted", json::parse("[1]"));
  ASSERT_FALSE(r.ok());
}

TEST(BoardJson, WholeEventRoundTrips) {
  core::Event e{.seq = 12, .t_ms = 34567, .actor = core::Actor::Facilitator, .data = core::CardDeleted{4}};
  std::string line = EventToJson(e).dump();
  EXPECT_EQ(line, R"({"seq":12,"t_ms":34567,"actor":"facilitator","type":"card_deleted","payload":{"id":4}})");
  auto back = EventFromJson(json::parse(line));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, e);
  EXPECT_FALSE(EventFromJson(json::parse(R"({"seq":1,"t_ms":0,"actor":"robot","type":"card_deleted","payload":{"id":4}})")).ok());
}

TEST(BoardJson, BoardExport) {
  core::Template t;
  t.id = "test";
  t.title = {"Essai", "Test"};
  t.zones = {core::Zone{.id = "top", .label = {"Haut", "Top"}, .area = {0, 0, 1, 0.5f}, .tint = {}}};
  core::MemoryJournal journal;
  core::ManualClock clock(100);
  core::Session s(core::Board(t), journal, clock);
  ASSERT_TRUE(s.Submit(core::AddCard{"HelloAsso", "pink", {0.25f, 0.25f}}).ok());
  clock.Set(200);
  ASSERT_TRUE(s.Submit(core::AddCard{"Facebook", "blue", {0.5f, 0.75f}}).ok());
  clock.Set(300);
  ASSERT_TRUE(s.Submit(core::MoveCard{1, {0.3f, 0.1f}}).ok());

  json fr = json::parse(BoardToJson(s.board(), "fr"));
  EXPECT_EQ(fr["template"], "test");
  EXPECT_EQ(fr["title"], "Essai");
  ASSERT_EQ(fr["cards"].size(), 2u);
  const json& c1 = fr["cards"][0];
  EXPECT_EQ(c1["id"], 1);
  EXPECT_EQ(c1["text"], "HelloAsso");
  EXPECT_EQ(c1["colour"], "pink");
  EXPECT_EQ(c1["colour_name"], "rose");
  EXPECT_EQ(c1["zone"], "top");
  EXPECT_EQ(c1["zone_label"], "Haut");
  EXPECT_DOUBLE_EQ(c1["impact"].get<double>(), 0.8);
  EXPECT_DOUBLE_EQ(c1["x"].get<double>(), 0.3);
  EXPECT_DOUBLE_EQ(c1["y"].get<double>(), 0.1);
  EXPECT_EQ(c1["z"], 3);
  EXPECT_EQ(c1["votes"], 0);
  EXPECT_EQ(c1["created_ms"], 100);
  EXPECT_EQ(c1["changed_ms"], 300);
  const json& c2 = fr["cards"][1];
  EXPECT_TRUE(c2["zone"].is_null());
  EXPECT_EQ(c2["zone_label"], "");
  EXPECT_DOUBLE_EQ(c2["impact"].get<double>(), -0.5);
  json en = json::parse(BoardToJson(s.board(), "en"));
  EXPECT_EQ(en["cards"][0]["zone_label"], "Top");
  EXPECT_EQ(en["cards"][0]["colour_name"], "pink");
}

}  // namespace
}  // namespace atelier::store
