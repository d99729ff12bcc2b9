#include "net/phone_page.h"
#include "core/html_escape.h"

namespace atelier::net {

namespace {

// The words of assets/phone/phone.html, listed for the translation tools (xgettext reads the
// C++ sources only); tests/net checks that the page uses no other.
[[maybe_unused]] constexpr const char* kPageWords[] = {
    TrLater("Une carte pour le tableau"),
    TrLater("Votre carte"),
    TrLater("Écrivez votre idée, un outil, un problème…"),
    TrLater("caractères restants"),
    TrLater("Couleur"),
    TrLater("Zone de la carte (facultatif)"),
    TrLater("Le tableau choisit"),
    TrLater("Envoyer la carte"),
    TrLater("Écrire une autre carte"),
    TrLater("En route vers le tableau…"),
    TrLater("Pas de réseau : la carte attend et sera renvoyée toute seule."),
    TrLater("Votre carte est sur le tableau."),
    TrLater("La carte a été refusée."),
    TrLater("jaune"), TrLater("orange"), TrLater("rose"), TrLater("violet"), TrLater("bleu"),
    TrLater("turquoise"), TrLater("vert"), TrLater("gris"),
};

}  // namespace

std::string PhonePageHtml(std::string_view page, const Catalogue& catalogue, Language language, std::string_view token,
                          const std::vector<ZoneChoice>& zones) {
  std::string out;
  out.reserve(page.size() + 256);
  while (!page.empty()) {
    std::size_t open = page.find("{{");
    std::size_t close = open == std::string_view::npos ? open : page.find("}}", open);
    if (close == std::string_view::npos) {
      out += page;
      break;
    }
    out += page.substr(0, open);
    std::string_view mark = page.substr(open + 2, close - open - 2);
    if (mark == "lang") out += LanguageCode(language);
    else if (mark == "token") out += core::HtmlEscape(token);
    else if (mark == "zones")
      for (const ZoneChoice& z : zones)
        out += "<option value=\"" + core::HtmlEscape(z.id) + "\">" +
               core::HtmlEscape(language == Language::English && !z.en.empty() ? z.en : z.fr) + "</option>";
    else if (mark.substr(0, 3) == "tr:") out += core::HtmlEscape(catalogue.Say(language, mark.substr(3)));
    else out += core::HtmlEscape(mark);  // unknown: shown as text, never as markup
    page.remove_prefix(close + 2);
  }
  return out;
}

}  // namespace atelier::net
