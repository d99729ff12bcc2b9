// A line of text being typed on the kiosk, with a caret. Owned by the app (not ImGui), so the
// on-screen keyboard and a physical keyboard type into the same place. Never holds more than
// kMaxCardChars characters; the caret is always at a character boundary.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/text.h"

namespace atelier::core {

class TextEdit {
 public:
  explicit TextEdit(std::string_view initial = {});

  // Inserts sanitised text at the caret; returns false when some of it did not fit.
  bool Insert(std::string_view utf8);
  void Backspace();  // deletes the whole character before the caret
  void Delete();     // deletes the whole character after the caret
  void Left();
  void Right();
  void Home() { m_caret = 0; }
  void End() { m_caret = m_text.size(); }
  void Clear();

  const std::string& text() const { return m_text; }
  std::size_t caret() const { return m_caret; }  // byte offset
  std::size_t chars() const { return CountChars(m_text); }

 private:
  std::string m_text;
  std::size_t m_caret = 0;
};

}  // namespace atelier::core
