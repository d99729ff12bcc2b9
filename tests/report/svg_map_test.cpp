#include "report/svg_map.h"

#include <gtest/gtest.h>

namespace atelier::report {
namespace {

core::Board BoardWith(std::vector<std::string> texts) {
  core::Template t;
  t.title = {"Nos usages « numériques »", ""};
  t.zones = {core::Zone{.id = "z", .label = {"Zone & co", ""}, .area = {0.05f, 0.12f, 0.9f, 0.74f}, .tint = {200, 220, 240}}};
  core::Board board(t);
  std::int64_t seq = 0;
  for (const std::string& text : texts) {
    const auto id = static_cast<core::CardId>(seq + 1);
    board.Apply({.seq = ++seq, .t_ms = seq * 1000, .data = core::CardAdded{id, text, "yellow", {0.1f + 0.15f * id, 0.4f}}});
  }
  return board;
}

TEST(SvgMap, EscapesWhatXmlWouldReadAsMarkup) {
  EXPECT_EQ(XmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(XmlEscape("&amp; \"x\" 'y'"), "&amp;amp; &quot;x&quot; &apos;y&apos;");
  EXPECT_EQ(XmlEscape("« é » \x01\x1f"), "« é » ");  // UTF-8 kept, control characters dropped
}

TEST(SvgMap, EveryCardIsOneTextElementLaidOutByThePainter) {
  const core::Board board = BoardWith({"<b>gras</b>", "Un texte assez long pour tenir sur plusieurs lignes", "Café"});
  auto map = PaintVectorMap(board, ATELIER_TEST_FONT, 1920, 1080, "fr");
  ASSERT_TRUE(map.ok()) << map.error().message;
  // The painter's lines, as text: the long card wraps on several, in the same block.
  std::size_t long_lines = 0;
  for (const render::TextRun& run : map->list.texts())
    if (run.text.find("texte") != std::string::npos || run.text.find("lignes") != std::string::npos) ++long_lines;
  EXPECT_GE(long_lines, 2u);
  const std::string svg = MapToSvg(map.value(), board.map_template().title.fr);
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("<title>Nos usages « numériques »</title>"), std::string::npos);
  EXPECT_NE(svg.find(">&lt;b&gt;gras&lt;/b&gt;</tspan></text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">Zone &amp; co</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">Café</tspan>"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"url(#g"), std::string::npos);  // the cards' gradient paper
}

}  // namespace
}  // namespace atelier::report
