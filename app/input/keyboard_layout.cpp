#include "input/keyboard_layout.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "core/text.h"

namespace atelier::input {

namespace {

// Character keys from pairs "typed", "typed with shift" (an empty shift means the same).
KeyRow Chars(std::initializer_list<std::pair<const char*, const char*>> keys) {
  KeyRow row;
  for (const auto& [text, shifted] : keys) {
    std::string s = text;
    std::string up = *shifted ? shifted : text;
    row.push_back(Key{.id = s, .label = s, .text = s, .shifted = up, .width = 1, .kind = KeyKind::Character});
  }
  return row;
}

// Lowercase ASCII letters, with their uppercase as shifted text.
KeyRow Letters(std::string_view letters) {
  KeyRow row;
  for (char c : letters) {
    std::string s(1, c);
    std::string up(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    row.push_back(Key{.id = s, .label = s, .text = s, .shifted = up, .width = 1, .kind = KeyKind::Character});
  }
  return row;
}

Key Special(KeyKind kind, std::string id, std::string label, float width) {
  return Key{.id = std::move(id), .label = std::move(label), .text = {}, .shifted = {}, .width = width, .kind = kind};
}

KeyRow operator+(KeyRow a, const KeyRow& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
KeyRow operator+(KeyRow a, Key b) {
  a.push_back(std::move(b));
  return a;
}
KeyRow operator+(Key a, const KeyRow& b) { return KeyRow{std::move(a)} + b; }

Key Backspace() { return Special(KeyKind::Backspace, "backspace", "Effacer", 1.5f); }
Key Shift() { return Special(KeyKind::Shift, "shift", "Maj", 1.5f); }

KeyRow DigitsRow() { return Chars({{"1", ""}, {"2", ""}, {"3", ""}, {"4", ""}, {"5", ""}, {"6", ""}, {"7", ""},
                                   {"8", ""}, {"9", ""}, {"0", ""}}); }

// ux.md wants é è ê ë à â ç ù û ü î ï ô œ Œ « » ’ in one or two touches. The eleven most used
// are one touch away on every view; the row stays as wide as a letter row so keys keep their
// 19 mm. The rarer ë ï ü û and « » are on the "&°" view (two touches). Shift gives capitals.
KeyRow AccentsRow() {
  return Chars({{"é", "É"}, {"è", "È"}, {"ê", "Ê"}, {"à", "À"}, {"â", "Â"}, {"ç", "Ç"}, {"ù", "Ù"}, {"ô", "Ô"},
                {"î", "Î"}, {"œ", "Œ"}, {"’", ""}});
}

std::vector<KeyRow> LetterRows(KeyboardLayout layout) {
  if (layout == KeyboardLayout::Qwerty)
    return {Letters("qwertyuiop") + Backspace(),  //
            Letters("asdfghjkl") + Chars({{"'", ""}, {"-", ""}}),
            Shift() + Letters("zxcvbnm") + Chars({{",", ""}, {".", ""}, {"?", ""}})};
  return {Letters("azertyuiop") + Backspace(),  //
          Letters("qsdfghjklm") + Chars({{"-", ""}}),
          Shift() + Letters("wxcvbn") + Chars({{",", ""}, {".", ""}, {"?", ""}, {"!", ""}})};
}

std::vector<KeyRow> SymbolRows() {
  return {Chars({{".", ""}, {",", ""}, {"'", ""}, {"-", ""}, {"?", ""}, {"!", ""}, {":", ""}, {";", ""}, {"(", ""},
                 {")", ""}}) + Backspace(),
          Chars({{"€", ""}, {"@", ""}, {"/", ""}, {"&", ""}, {"\"", ""}, {"°", ""}, {"n°", ""}, {"—", ""},
                 {"–", ""}, {"…", ""}}),
          Shift() + Chars({{"«", ""}, {"»", ""}, {"ë", "Ë"}, {"ï", "Ï"}, {"ü", "Ü"}, {"û", "Û"}, {"%", ""},
                           {"+", ""}, {"=", ""}})};
}

KeyRow BottomRow(bool symbols) {
  return {Special(KeyKind::Annuler, "annuler", "Annuler", 2),
          symbols ? Special(KeyKind::Letters, "letters", "ABC", 1.5f) : Special(KeyKind::Symbols, "symbols", "&°", 1.5f),
          Key{.id = "space", .label = "Espace", .text = " ", .shifted = " ", .width = 5, .kind = KeyKind::Space},
          Special(KeyKind::Valider, "valider", "Valider", 2.5f)};
}

}  // namespace

std::string_view KeyboardLayoutName(KeyboardLayout layout) {
  return layout == KeyboardLayout::Qwerty ? "qwerty" : "azerty";
}

std::optional<KeyboardLayout> ParseKeyboardLayout(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "azerty") return KeyboardLayout::Azerty;
  if (lower == "qwerty") return KeyboardLayout::Qwerty;
  return std::nullopt;
}

Keyboard::Keyboard(KeyboardLayout layout) : m_layout(layout) { Rebuild(); }

void Keyboard::SetLayout(KeyboardLayout layout) {
  m_layout = layout;
  m_symbols = false;
  Rebuild();
}

void Keyboard::Reset() {
  m_shift = m_caps_lock = m_symbols = false;
  Rebuild();
}

void Keyboard::Rebuild() {
  m_rows = {DigitsRow(), AccentsRow()};
  for (KeyRow& row : m_symbols ? SymbolRows() : LetterRows(m_layout)) m_rows.push_back(std::move(row));
  m_rows.push_back(BottomRow(m_symbols));
}

std::string Keyboard::Label(const Key& key) const {
  return key.kind == KeyKind::Character && shift() ? key.shifted : key.label;
}

std::string Keyboard::Text(const Key& key) const {
  if (key.kind != KeyKind::Character && key.kind != KeyKind::Space) return {};
  return shift() ? key.shifted : key.text;
}

KeyAction Keyboard::Press(const Key& key, core::TextEdit& edit) {
  switch (key.kind) {
    case KeyKind::Character:
      edit.Insert(Text(key));
      m_shift = false;  // one-shot
      break;
    case KeyKind::Space:
      edit.Insert(" ");
      break;
    case KeyKind::Backspace:
      edit.Backspace();
      break;
    case KeyKind::Shift:
      if (m_caps_lock)
        m_caps_lock = m_shift = false;
      else
        m_shift = !m_shift;
      break;
    case KeyKind::Symbols:
    case KeyKind::Letters:
      m_symbols = key.kind == KeyKind::Symbols;
      Rebuild();
      break;
    case KeyKind::Valider:
      return KeyAction::Validate;
    case KeyKind::Annuler:
      return KeyAction::Cancel;
  }
  return KeyAction::Continue;
}

KeyAction Keyboard::LongPress(const Key& key, core::TextEdit& edit) {
  if (key.kind != KeyKind::Shift) return Press(key, edit);
  m_caps_lock = !m_caps_lock;
  m_shift = false;
  return KeyAction::Continue;
}

const Key* Keyboard::FindById(std::string_view id) const {
  for (const KeyRow& row : m_rows)
    for (const Key& key : row)
      if (key.id == id) return &key;
  return nullptr;
}

const Key* Keyboard::FindByLabel(std::string_view label) const {
  for (const KeyRow& row : m_rows)
    for (const Key& key : row)
      if (Label(key) == label) return &key;
  return nullptr;
}

core::Result<std::vector<KeyTap>> Keyboard::PlanTaps(std::string_view utf8) const {
  Keyboard kb = *this;
  core::TextEdit scratch;
  std::vector<KeyTap> taps;
  auto tap = [&](const Key& key) {
    taps.push_back(KeyTap{key.id, kb.Label(key)});
    const std::string id = key.id;  // key may move when the rows are rebuilt
    kb.Press(*kb.FindById(id), scratch);
  };
  // A key of the current rows that types want, possibly after toggling shift.
  auto find = [&](const std::string& want, bool& needs_shift) -> const Key* {
    for (bool toggle : {false, true})
      for (const KeyRow& row : kb.m_rows)
        for (const Key& key : row) {
          if (key.kind != KeyKind::Character && key.kind != KeyKind::Space) continue;
          bool shifted = kb.shift() != toggle;
          if ((shifted ? key.shifted : key.text) == want) {
            needs_shift = toggle;
            return &key;
          }
        }
    return nullptr;
  };
  for (char32_t cp : core::DecodeUtf8(utf8)) {
    const std::string want = core::EncodeUtf8(cp);
    bool needs_shift = false;
    const Key* key = find(want, needs_shift);
    if (!key) {  // try the other layer
      tap(*kb.FindById(kb.m_symbols ? "letters" : "symbols"));
      key = find(want, needs_shift);
    }
    if (!key) return core::Error{"no key of the on-screen keyboard types \"" + want + "\""};
    if (needs_shift) {
      const std::string id = key->id;  // an accent: that row is on both layers
      if (!kb.FindById("shift")) tap(*kb.FindById("letters"));
      tap(*kb.FindById("shift"));
      key = kb.FindById(id);
    }
    tap(*key);
  }
  return taps;
}

// ---------------------------------------------------------------------------------------------
// Keys on screen.

KeyPad PlaceKeys(const std::vector<KeyRow>& rows, core::ScreenPoint top_left, float width, const KeyMetrics& metrics) {
  auto units_of = [](const KeyRow& row) {
    float units = 0;
    for (const Key& key : row) units += key.width;
    return units;
  };
  float widest = 0;
  for (const KeyRow& row : rows) widest = std::max(widest, units_of(row));
  KeyPad pad;
  if (widest <= 0) return pad;
  const float gap = metrics.gap;
  const float unit = std::max(1.0f, std::min((width - (widest - 1) * gap) / widest, metrics.max_unit));
  const float height = std::max(unit * 0.92f, metrics.min_height);
  float y = top_left.y;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const KeyRow& row = rows[r];
    const float units = units_of(row);
    float x = top_left.x + std::max(0.0f, (width - (units * unit + (units - 1) * gap)) / 2);
    for (const Key& key : row) {
      const float w = key.width * unit + (key.width - 1) * gap;
      pad.keys.push_back(PlacedKey{key, core::Rect{x, y, w, height}});
      x += w + gap;
    }
    y += height + (r + 1 < rows.size() ? gap : 0);
  }
  pad.height = y - top_left.y;
  return pad;
}

const PlacedKey* KeyAt(const KeyPad& pad, core::ScreenPoint p) {
  for (const PlacedKey& placed : pad.keys)
    if (placed.rect.Contains(p.x, p.y)) return &placed;
  return nullptr;
}

}  // namespace atelier::input
