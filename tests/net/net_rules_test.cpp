// The server's rules that need no socket: languages, the catalogue, tokens, limits, requests,
// the page's marks.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/html_escape.h"
#include "net/card_request.h"
#include "net/catalogue.h"
#include "net/phone_page.h"
#include "net/rate_limit.h"
#include "net/secrets.h"

namespace atelier::net {
namespace {

TEST(PickLanguage, TakesTheHighestQualityAmongFrenchAndEnglish) {
  EXPECT_EQ(PickLanguage("en-US,en;q=0.9", Language::French), Language::English);
  EXPECT_EQ(PickLanguage("de-DE,de;q=0.9,fr;q=0.7,en;q=0.8", Language::French), Language::English);
  EXPECT_EQ(PickLanguage("fr-CA", Language::English), Language::French);
  EXPECT_EQ(PickLanguage("de,es", Language::English), Language::English);
  EXPECT_EQ(PickLanguage("", Language::French), Language::French);
  EXPECT_EQ(PickLanguage("EN;q=0.2, FR;q=0.3", Language::English), Language::French);
}

TEST(Catalogue, ReadsTheKiosksEnglishCatalogue) {
  Catalogue c = Catalogue::Load(ATELIER_TEST_LOCALE_DIR);
  EXPECT_TRUE(c.problem().empty()) << c.problem();
  EXPECT_GT(c.size(), 100u);
  EXPECT_EQ(c.Say(Language::English, "Votre carte est sur le tableau."), "Your card is on the board.");
  EXPECT_EQ(c.Say(Language::French, "Votre carte est sur le tableau."), "Votre carte est sur le tableau.");
  EXPECT_EQ(c.Say(Language::English, "Le texte d'une carte est limité à {1} caractères.", {"200"}),
            "A card's text is limited to 200 characters.");
  EXPECT_EQ(c.Say(Language::English, "pas dans le catalogue"), "pas dans le catalogue");
}

TEST(Catalogue, AMissingOrForeignFileFallsBackToFrench) {
  Catalogue none = Catalogue::Load("/nonexistent");
  EXPECT_FALSE(none.problem().empty());
  EXPECT_EQ(none.Say(Language::English, "Votre carte est sur le tableau."), "Votre carte est sur le tableau.");
}

TEST(Secrets, Are128RandomBitsComparedInConstantTime) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string s = NewSecret();
    EXPECT_TRUE(LooksLikeSecret(s)) << s;
    EXPECT_TRUE(seen.insert(s).second);
  }
  const std::string a = NewSecret();
  EXPECT_TRUE(SameSecret(a, a));
  EXPECT_FALSE(SameSecret(a, a.substr(1)));
  EXPECT_FALSE(SameSecret("", ""));
  EXPECT_FALSE(LooksLikeSecret("ABCDEF0123456789abcdef0123456789"));
  EXPECT_EQ(PhoneIdOf(a), PhoneIdOf(a));
  EXPECT_NE(PhoneIdOf(a), PhoneIdOf(NewSecret()));
  EXPECT_TRUE(std::regex_match(PhoneIdOf(a), std::regex("p-[0-9a-f]{12}")));
}

TEST(RateLimit, AllowsABurstThenRefillsEvenly) {
  RateLimit limit(10);
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(limit.Allow("a", 0));
  EXPECT_FALSE(limit.Allow("a", 0));
  EXPECT_TRUE(limit.Allow("b", 0));  // another phone has its own
  EXPECT_FALSE(limit.Allow("a", 5999));
  EXPECT_TRUE(limit.Allow("a", 6000));  // one token back every 6 s
  EXPECT_FALSE(limit.Allow("a", 6000));
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(limit.Allow("a", 600000));  // never more than the burst
  EXPECT_FALSE(limit.Allow("a", 600000));
}

TEST(RateLimit, ManyNewKeysShareOneBucketInsteadOfGrowingMemory) {
  RateLimit limit(2, /*max_keys=*/3);
  int allowed = 0;
  for (int i = 0; i < 1000; ++i) allowed += limit.Allow("key " + std::to_string(i), 0);
  EXPECT_EQ(allowed, 5);  // three known keys (one token each so far), then the overflow bucket's two
}

TEST(CardRequest, ReadsAndChecksTheFields) {
  auto parsed = ParseCardRequest(R"({"token":"t","text":"  Un\noutil\t ","colour":"pink","zone":"gestion","key":"abcdefgh"})");
  ASSERT_TRUE(std::holds_alternative<CardRequest>(parsed));
  CardRequest r = std::get<CardRequest>(parsed);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(CheckCardFields(r)));
  EXPECT_EQ(r.text, "Un outil");  // the kiosk's own sanitising
  EXPECT_EQ(r.zone, "gestion");
  CardRequest no_colour{.text = "x", .key = "abcdefgh"};
  EXPECT_TRUE(std::holds_alternative<std::monostate>(CheckCardFields(no_colour)));
  EXPECT_EQ(no_colour.colour, "yellow");
  EXPECT_EQ(std::get<BadField>(ParseCardRequest(R"({"text": 12})")).field, "text");
  EXPECT_EQ(std::get<BadField>(ParseCardRequest("[1,2]")).field, "body");
  EXPECT_EQ(std::get<BadField>(ParseCardRequest("")).field, "body");
  EXPECT_EQ(std::get<BadField>(ParseCardRequest("{\"text\":\"\xff\"}")).field, "body");  // bad UTF-8
  CardRequest controls{.text = "a\x01\x7f" "b", .key = "abcdefgh"};
  CheckCardFields(controls);
  EXPECT_EQ(controls.text, "ab");
}

TEST(PhonePage, FillsTheMarksAndEscapesEverything) {
  Catalogue c = Catalogue::Load(ATELIER_TEST_LOCALE_DIR);
  EXPECT_EQ(PhonePageHtml("<html lang=\"{{lang}}\">{{tr:Envoyer la carte}}|{{token}}|{{<b>}}", c, Language::English, "ab12"),
            "<html lang=\"en\">Send the card|ab12|&lt;b&gt;");
  EXPECT_EQ(atelier::core::HtmlEscape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
}

TEST(PhonePage, EveryWordOfThePhoneAndLivePagesIsInTheCatalogue) {
  for (const char* page : {"/assets/phone/phone.html", "/assets/live/live.html"}) {
    std::ifstream in(std::string(ATELIER_SOURCE_DIR) + page);
    std::stringstream s;
    s << in.rdbuf();
    const std::string html = s.str();
    ASSERT_FALSE(html.empty()) << page;
    Catalogue c = Catalogue::Load(ATELIER_TEST_LOCALE_DIR);
    std::regex mark(R"(\{\{tr:([^}]*)\}\})");
    int n = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), mark); it != std::sregex_iterator(); ++it, ++n)
      EXPECT_TRUE(c.Has((*it)[1].str())) << page << ": no English for " << (*it)[1];
    EXPECT_GT(n, 5) << page;
  }
}

}  // namespace
}  // namespace atelier::net
