// Map templates: the shipped ones load, errors name the file and what is wrong, and a
// template survives a write/read round trip unchanged.
#include "store/template_file.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace atelier::store {
namespace {

namespace fs = std::filesystem;
const fs::path kTemplates = fs::path(ATELIER_SOURCE_DIR) / "assets/templates";

std::string ErrorOf(std::string_view json) {
  auto r = ParseTemplate(json, "assets/templates/x.json");
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().message;
}

TEST(TemplateFile, ShippedTemplatesLoad) {
  for (const char* name : {"usages-impacts", "matrice-2x2", "tableau-libre"}) {
    auto t = LoadTemplate(FindTemplate(name, kTemplates));
    ASSERT_TRUE(t.ok()) << t.error().message;
    EXPECT_EQ(t->id, name);
    EXPECT_FALSE(t->title.fr.empty());
    EXPECT_FALSE(t->title.en.empty());
  }
}

TEST(TemplateFile, DefaultTemplateHasSixUsageColumnsAndImpactAxis) {
  auto t = LoadTemplate(kTemplates / "usages-impacts.json");
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->zones.size(), 6u);
  EXPECT_EQ(t->vertical.low.fr, "Nous gêne, pose problème");
  EXPECT_EQ(t->vertical.high.en, "Really helps us");
  for (const auto& z : t->zones) {
    EXPECT_GE(z.area.x, 0.049f);
    EXPECT_LE(z.area.x + z.area.w, 0.9851f);
    EXPECT_GE(z.area.y, 0.119f);
    EXPECT_LE(z.area.y + z.area.h, 0.8601f);
    EXPECT_FALSE(z.label.en.empty());
  }
  // Columns touch: every point of the band is in exactly one zone.
  for (float x = 0.051f; x < 0.984f; x += 0.01f) EXPECT_NE(t->ZoneAt({x, 0.5f}), nullptr) << x;
  // Distinct tints.
  for (size_t i = 0; i < t->zones.size(); ++i)
    for (size_t j = i + 1; j < t->zones.size(); ++j) EXPECT_NE(t->zones[i].tint, t->zones[j].tint);
}

TEST(TemplateFile, MatrixHasFourQuadrantsAndFreeBoardNone) {
  auto m = LoadTemplate(kTemplates / "matrice-2x2.json");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->zones.size(), 4u);
  EXPECT_EQ(m->horizontal.low.fr, "Facile");
  EXPECT_EQ(m->vertical.high.fr, "Très utile");
  auto f = LoadTemplate(kTemplates / "tableau-libre.json");
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_TRUE(f->zones.empty());
  EXPECT_TRUE(f->horizontal.title.fr.empty());
  EXPECT_EQ(f->background, core::Background::Dots);
}

TEST(TemplateFile, FindTemplateNameOrPath) {
  EXPECT_EQ(FindTemplate("usages-impacts", "/t"), fs::path("/t/usages-impacts.json"));
  EXPECT_EQ(FindTemplate("mine.json", "/t"), fs::path("mine.json"));
  EXPECT_EQ(FindTemplate("./x/y", "/t"), fs::path("./x/y"));
}

TEST(TemplateFile, PlainStringLabelIsFrench) {
  auto t = ParseTemplate(R"({"id":"a","title":"Titre","zones":[{"id":"z","label":"Zone","area":[0,0,1,1]}]})", "a.json");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->title.fr, "Titre");
  EXPECT_EQ(t->title.en, "");
  EXPECT_EQ(t->title.In("en"), "Titre");
  EXPECT_EQ(t->background, core::Background::Grid);
}

TEST(TemplateFile, ErrorsNameFileAndProblem) {
  EXPECT_EQ(ErrorOf(R"({"id":"a","title":"T","zones":[{"id":"z1","label":"A","area":[0,0,0.5,1]},
      {"id":"z2","label":"B","area":[0.5,0,0.5,1]},{"id":"z3","label":"C"}]})"),
            "assets/templates/x.json: zone 3 has no \"area\"");
  EXPECT_EQ(ErrorOf(R"({"title":"T"})"), "assets/templates/x.json: the template has no \"id\"");
  EXPECT_EQ(ErrorOf(R"({"id":"a"})"), "assets/templates/x.json: the template has no \"title\"");
  EXPECT_EQ(ErrorOf(""), "assets/templates/x.json: the file is empty");
  EXPECT_EQ(ErrorOf("[1,2]"), "assets/templates/x.json: a template must be a JSON object { … }");
  EXPECT_NE(ErrorOf(R"({"id":"a","title":"T","background":"stripes"})").find("\"background\" must be"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"id":"a","title":"T","paper":"red"})").find("\"paper\" must be a colour"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"id":"a","title":"T","zones":[{"id":"z","label":"A","area":[0.6,0,0.5,1]}]})")
                .find("zone 1: \"area\" goes past the edge"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"id":"a","title":"T","zones":[{"id":"z","label":"A","area":[0,0,1,1]},{"id":"z","label":"B","area":[0,0,1,1]}]})")
                .find("zone 2: the id \"z\" is used twice"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"id":"a","title":{"en":"T"}})").find("the title has no French text"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"id":"a","title":"T","zone":[]})").find("unknown key \"zone\""), std::string::npos);
}

TEST(TemplateFile, SyntaxErrorGivesLineAndColumn) {
  std::string msg = ErrorOf("{\n  \"id\": \"a\",\n  \"title\": oops\n}");
  EXPECT_EQ(msg.rfind("assets/templates/x.json:3:", 0), 0u) << msg;
  EXPECT_NE(msg.find("JSON syntax error"), std::string::npos) << msg;
}

TEST(TemplateFile, MissingFileIsNamed) {
  auto r = LoadTemplate("/nonexistent/nope.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "/nonexistent/nope.json: no such template file");
}

TEST(TemplateFile, RoundTrip) {
  for (const char* name : {"usages-impacts", "matrice-2x2", "tableau-libre"}) {
    auto t = LoadTemplate(FindTemplate(name, kTemplates));
    ASSERT_TRUE(t.ok());
    std::string json = TemplateToJson(*t);
    auto back = ParseTemplate(json, "roundtrip");
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, *t);
    EXPECT_EQ(TemplateToJson(*back), json);
  }
  core::Template odd;
  odd.id = "odd";
  odd.title = {"Été « à part »", "Summer"};
  odd.zones = {core::Zone{.id = "z", .label = {"Zé", ""}, .area = {0.1f / 3, 0.2f / 7, 0.3f, 0.123456789f}, .tint = {1, 2, 3}}};
  odd.background = core::Background::Plain;
  odd.paper = {0xff, 0x00, 0x80};
  auto back = ParseTemplate(TemplateToJson(odd), "odd");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, odd);
}

}  // namespace
}  // namespace atelier::store
