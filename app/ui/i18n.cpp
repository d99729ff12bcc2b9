#include "ui/i18n.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>

namespace atelier::ui {

void InitTranslations(const std::string& lang, const std::string& locale_dir) {
  // gettext ignores LANGUAGE in the plain "C" locale, and a kiosk image may have no other
  // locale generated; glibc's built-in C.UTF-8 is never missing and lets LANGUAGE choose.
  if (!std::setlocale(LC_ALL, "C.UTF-8")) std::setlocale(LC_ALL, "");
  std::setlocale(LC_NUMERIC, "C");  // JSON and CSV numbers keep their dot
  setenv("LANGUAGE", lang.c_str(), 1);
  bindtextdomain("atelier", locale_dir.c_str());
  bind_textdomain_codeset("atelier", "UTF-8");
  textdomain("atelier");
}

const char* Tr(const char* french) { return dgettext("atelier", french); }

std::string TrName(std::string_view french) {
  static constexpr const char* kNames[] = {
      // core::kPalette
      TrLater("jaune"), TrLater("orange"), TrLater("rose"), TrLater("violet"), TrLater("bleu"),
      TrLater("turquoise"), TrLater("vert"), TrLater("gris"),
      // input::Keyboard
      TrLater("Maj"), TrLater("Effacer"), TrLater("Espace"), TrLater("Valider"), TrLater("Annuler"),
      TrLater("ABC"), TrLater("&°")};
  for (const char* name : kNames)
    if (french == name) return Tr(name);
  return std::string(french);
}

std::string Tr(const char* french, std::initializer_list<std::string> args) {
  std::string out = Tr(french);
  int index = 1;
  for (const std::string& arg : args) {
    std::string mark = "{";  // appended: `"{" + std::to_string` trips GCC 12's -Wrestrict (bug 105329)
    mark += std::to_string(index++);
    mark += '}';
    for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark, at + arg.size()))
      out.replace(at, mark.size(), arg);
  }
  return out;
}

}  // namespace atelier::ui
