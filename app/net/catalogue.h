// The phone server's words, in the phone's language: French source strings translated through
// the kiosk's own gettext catalogue (locale/<lang>/LC_MESSAGES/atelier.mo, read here directly
// so each request can have its own language without touching the process's locale).
// Read-only once loaded: safe to share between the server's threads.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace atelier::net {

enum class Language { French, English };
std::string_view LanguageCode(Language l);  // "fr", "en"

// The language a phone asked for in its Accept-Language header (the highest q among fr and
// en), or fallback when it names neither.
Language PickLanguage(std::string_view accept_language, Language fallback);

// Marks a French string for xgettext (tests/i18n/check-translations) without translating it.
constexpr const char* TrLater(const char* french) { return french; }

class Catalogue {
 public:
  // Loads <locale_dir>/en/LC_MESSAGES/atelier.mo; a missing or broken file leaves English
  // falling back to the French source (and says so in problem()).
  static Catalogue Load(const std::filesystem::path& locale_dir);

  // french in language, then {1}, {2} … replaced by args.
  std::string Say(Language language, std::string_view french, const std::vector<std::string>& args = {}) const;

  bool Has(std::string_view french) const { return m_english.count(std::string(french)) > 0; }
  const std::string& problem() const { return m_problem; }
  std::size_t size() const { return m_english.size(); }

 private:
  std::unordered_map<std::string, std::string> m_english;  // French msgid → English msgstr
  std::string m_problem;
};

}  // namespace atelier::net
