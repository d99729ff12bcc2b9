// The words of the comparison of workshops (report/compare_html, report/compare_pdf) in French
// (default) and English, beside the PDF report's (report/report_words.h).
#pragma once
#include <string_view>

namespace atelier::report {

struct CompareWords {
  std::string_view heading;      // "Comparaison des ateliers"
  std::string_view workshops;    // "Les ateliers"
  std::string_view by_zone;      // "Les cartes zone par zone"
  std::string_view shared;       // "Les cartes venues dans plusieurs ateliers"
  std::string_view no_shared;    // none came up twice
  std::string_view totals, total, workshop, template_word, in_workshops;
};

inline const CompareWords& CompareWordsFor(std::string_view lang) {
  static const CompareWords kFr{"Comparaison des ateliers",
                                "Les ateliers",
                                "Les cartes zone par zone",
                                "Les cartes venues dans plusieurs ateliers",
                                "Aucune carte n’est venue dans plus d’un atelier.",
                                "Totaux",
                                "Total",
                                "Atelier",
                                "Modèle",
                                "ateliers"};
  static const CompareWords kEn{"Comparing workshops",
                                "The workshops",
                                "The cards zone by zone",
                                "Cards that came up in several workshops",
                                "No card came up in more than one workshop.",
                                "Totals",
                                "Total",
                                "Workshop",
                                "Template",
                                "workshops"};
  return lang == "en" ? kEn : kFr;
}

}  // namespace atelier::report
