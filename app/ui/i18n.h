// The one translation mechanism: GNU gettext, domain "atelier". Source strings are French
// (the kiosk's language); assets/locale/en.po gives English. Tr() returns the string to show.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace atelier::ui {

// Chooses the language ("fr" or "en") before any string is shown. locale_dir holds
// <lang>/LC_MESSAGES/atelier.mo. Works even when the system has no locales installed.
void InitTranslations(const std::string& lang, const std::string& locale_dir);

const char* Tr(const char* french);

// Translates, then puts args in place of {1}, {2} … (a translation may reorder them).
std::string Tr(const char* french, std::initializer_list<std::string> args);

// Names that live in other layers as French text (palette colours, keyboard keys), listed
// here so the translation tools see them; other text passes through unchanged.
std::string TrName(std::string_view french);

// Marks a French string for the translation tools without translating it here.
constexpr const char* TrLater(const char* french) { return french; }

}  // namespace atelier::ui
