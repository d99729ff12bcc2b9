#include "core/text_edit.h"

namespace atelier::core {

TextEdit::TextEdit(std::string_view initial)
    : m_text(TruncateChars(SanitizeCardText(initial), kMaxCardChars)), m_caret(m_text.size()) {}

bool TextEdit::Insert(std::string_view utf8) {
  // Sanitise without trimming: a typed space must stay (it is trimmed when the card is saved).
  std::u32string cps = DecodeUtf8(utf8);
  std::string clean;
  for (char32_t cp : cps) {
    if (cp == '\n' || cp == '\r' || cp == '\t') cp = ' ';
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;
    clean += EncodeUtf8(cp);
  }
  std::size_t room = kMaxCardChars - std::min(kMaxCardChars, chars());
  std::string fitted = TruncateChars(clean, room);
  m_text.insert(m_caret, fitted);
  m_caret += fitted.size();
  return fitted.size() == clean.size();
}

void TextEdit::Backspace() {
  std::size_t n = PreviousCharLength(m_text, m_caret);
  m_text.erase(m_caret - n, n);
  m_caret -= n;
}

void TextEdit::Delete() {
  if (m_caret >= m_text.size()) return;
  std::size_t end = m_caret + 1;
  while (end < m_text.size() && (static_cast<unsigned char>(m_text[end]) & 0xC0) == 0x80) ++end;
  m_text.erase(m_caret, end - m_caret);
}

void TextEdit::Left() { m_caret -= PreviousCharLength(m_text, m_caret); }

void TextEdit::Right() {
  if (m_caret >= m_text.size()) return;
  ++m_caret;
  while (m_caret < m_text.size() && (static_cast<unsigned char>(m_text[m_caret]) & 0xC0) == 0x80) ++m_caret;
}

void TextEdit::Clear() {
  m_text.clear();
  m_caret = 0;
}

}  // namespace atelier::core
