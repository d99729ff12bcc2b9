// The on-screen keyboard model: French text typed by taps only, whole-character backspace,
// one-shot shift, layouts.
#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "input/keyboard_layout.h"

namespace atelier::input {
namespace {

const char* kSentence = "Café associatif — « Œuvre » n°2";

// Presses the key shown with this id, failing the test when it is not on screen.
KeyAction Tap(Keyboard& kb, core::TextEdit& edit, std::string_view id) {
  const Key* key = kb.FindById(id);
  EXPECT_NE(key, nullptr) << "no key " << id << " on screen";
  return key ? kb.Press(*key, edit) : KeyAction::Continue;
}

std::string RowIds(const KeyRow& row) {
  std::string s;
  for (const Key& k : row)
    if (k.kind == KeyKind::Character && k.id.size() == 1 && std::isalpha(static_cast<unsigned char>(k.id[0]))) s += k.id;
  return s;
}

TEST(Keyboard, TypesTheFrenchSentenceByTapsOnly) {
  Keyboard kb;
  core::TextEdit edit;
  for (const char* id : {"shift", "c", "a", "f", "é", "space", "a", "s", "s", "o", "c", "i", "a", "t", "i", "f", "space",
                         "symbols", "—", "space", "«", "letters", "space", "shift", "œ", "u", "v", "r", "e", "space",
                         "symbols", "»", "space", "n°", "2"})
    EXPECT_EQ(Tap(kb, edit, id), KeyAction::Continue) << id;
  EXPECT_EQ(edit.text(), kSentence);
  EXPECT_EQ(Tap(kb, edit, "valider"), KeyAction::Validate);
  EXPECT_EQ(edit.text(), kSentence);
}

TEST(Keyboard, PlannedTapsByVisibleLabelTypeTheSentence) {
  for (KeyboardLayout layout : {KeyboardLayout::Azerty, KeyboardLayout::Qwerty}) {
    Keyboard kb(layout);
    auto plan = kb.PlanTaps(kSentence);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    core::TextEdit edit;
    for (const KeyTap& tap : *plan) {  // as a script would: find the key by what is printed on it
      const Key* key = kb.FindByLabel(tap.label);
      ASSERT_NE(key, nullptr) << "label " << tap.label;
      EXPECT_EQ(key->id, tap.id);
      kb.Press(*key, edit);
    }
    EXPECT_EQ(edit.text(), kSentence) << KeyboardLayoutName(layout);
  }
}

TEST(Keyboard, PlanNamesACharacterNoKeyTypes) {
  Keyboard kb;
  auto plan = kb.PlanTaps("ok 😀");
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.error().message.find("😀"), std::string::npos);
}

TEST(Keyboard, BackspaceRemovesAWholeAccentedCharacter) {
  Keyboard kb;
  core::TextEdit edit("Caf");
  Tap(kb, edit, "é");
  EXPECT_EQ(edit.text(), "Café");
  Tap(kb, edit, "backspace");
  EXPECT_EQ(edit.text(), "Caf");
  Tap(kb, edit, "shift");
  Tap(kb, edit, "œ");
  EXPECT_EQ(edit.text(), "CafŒ");
  Tap(kb, edit, "backspace");
  Tap(kb, edit, "backspace");
  EXPECT_EQ(edit.text(), "Ca");
}

TEST(Keyboard, ShiftIsOneShotAndAppliesToAccents) {
  Keyboard kb;
  core::TextEdit edit;
  const Key* e_acute = kb.FindById("é");
  ASSERT_NE(e_acute, nullptr);
  EXPECT_EQ(kb.Label(*e_acute), "é");
  Tap(kb, edit, "shift");
  EXPECT_TRUE(kb.shift());
  EXPECT_EQ(kb.Label(*kb.FindById("é")), "É");
  EXPECT_EQ(kb.Label(*kb.FindById("ç")), "Ç");
  EXPECT_EQ(kb.Label(*kb.FindById("2")), "2");
  Tap(kb, edit, "é");
  EXPECT_FALSE(kb.shift());
  Tap(kb, edit, "é");
  Tap(kb, edit, "shift");
  Tap(kb, edit, "space");  // space does not use up the shift
  Tap(kb, edit, "à");
  Tap(kb, edit, "shift");
  Tap(kb, edit, "shift");  // a second press turns it off
  Tap(kb, edit, "e");
  EXPECT_EQ(edit.text(), "Éé Àe");
  for (const char* pair : {"èÈ", "êÊ", "ëË", "âÂ", "ùÙ", "ûÛ", "üÜ", "îÎ", "ïÏ", "ôÔ"}) {
    std::string p = pair;
    core::TextEdit e2;
    if (!kb.FindById(p.substr(0, 2))) Tap(kb, e2, "symbols");  // the rarer accents: second view
    Tap(kb, e2, "shift");
    Tap(kb, e2, p.substr(0, 2));
    EXPECT_EQ(e2.text(), p.substr(2));
  }
}

TEST(Keyboard, LongPressOnShiftIsCapsLock) {
  Keyboard kb;
  core::TextEdit edit;
  kb.LongPress(*kb.FindById("shift"), edit);
  EXPECT_TRUE(kb.caps_lock());
  for (const char* id : {"a", "ç", "a"}) Tap(kb, edit, id);
  Tap(kb, edit, "shift");  // a press ends caps lock
  Tap(kb, edit, "a");
  EXPECT_EQ(edit.text(), "AÇAa");
  EXPECT_FALSE(kb.shift());
}

TEST(Keyboard, LetterOrderOfAzertyAndQwerty) {
  Keyboard azerty;
  ASSERT_EQ(azerty.Rows().size(), 6u);  // digits, accents, 3 letter rows, bottom
  EXPECT_EQ(RowIds(azerty.Rows()[0]), "");
  EXPECT_EQ(azerty.Rows()[0].size(), 10u);
  EXPECT_EQ(RowIds(azerty.Rows()[2]), "azertyuiop");
  EXPECT_EQ(RowIds(azerty.Rows()[3]), "qsdfghjklm");
  EXPECT_EQ(RowIds(azerty.Rows()[4]), "wxcvbn");
  Keyboard qwerty(KeyboardLayout::Qwerty);
  EXPECT_EQ(RowIds(qwerty.Rows()[2]), "qwertyuiop");
  EXPECT_EQ(RowIds(qwerty.Rows()[3]), "asdfghjkl");
  EXPECT_EQ(RowIds(qwerty.Rows()[4]), "zxcvbnm");
  azerty.SetLayout(KeyboardLayout::Qwerty);
  EXPECT_EQ(RowIds(azerty.Rows()[2]), "qwertyuiop");
  EXPECT_EQ(ParseKeyboardLayout("QWERTY"), KeyboardLayout::Qwerty);
  EXPECT_EQ(ParseKeyboardLayout("azerty"), KeyboardLayout::Azerty);
  EXPECT_FALSE(ParseKeyboardLayout("dvorak").has_value());
}

TEST(Keyboard, EveryViewHasAccentsUniqueLabelsAndTheControlKeys) {
  for (KeyboardLayout layout : {KeyboardLayout::Azerty, KeyboardLayout::Qwerty})
    for (bool symbols : {false, true})
      for (bool shift : {false, true}) {
        Keyboard kb(layout);
        core::TextEdit edit;
        if (shift) kb.LongPress(*kb.FindById("shift"), edit);  // caps lock
        if (symbols) Tap(kb, edit, "symbols");
        std::set<std::string> labels;
        for (const KeyRow& row : kb.Rows())
          for (const Key& key : row) {
            EXPECT_FALSE(kb.Label(key).empty());
            EXPECT_GT(key.width, 0);
            EXPECT_TRUE(labels.insert(kb.Label(key)).second) << "duplicate label " << kb.Label(key);
          }
        for (const char* id : {"é", "è", "ê", "à", "â", "ç", "ù", "î", "ô", "œ", "’",
                               "1", "0", "backspace", "space", "valider", "annuler"})
          EXPECT_NE(kb.FindById(id), nullptr) << id;  // one touch on every view
        if (symbols) {
          for (const char* id : {"ë", "ï", "ü", "û", "«", "»"}) EXPECT_NE(kb.FindById(id), nullptr) << id;
        }
        for (const KeyRow& row : kb.Rows()) {  // no row wider than a letter row: keys keep their size
          float units = 0;
          for (const Key& key : row) units += key.width;
          EXPECT_LE(units, 12.5f);
        }
        EXPECT_NE(kb.FindById(symbols ? "letters" : "symbols"), nullptr);
      }
}

TEST(Keyboard, PunctuationIsReachable) {
  Keyboard kb;
  auto plan = kb.PlanTaps(".,'-?!:;()€@/&\"°n°—–…’«»");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  core::TextEdit edit;
  for (const KeyTap& tap : *plan) kb.Press(*kb.FindById(tap.id), edit);
  EXPECT_EQ(edit.text(), ".,'-?!:;()€@/&\"°n°—–…’«»");
}

TEST(Keyboard, ValiderAndAnnulerTellTheUi) {
  Keyboard kb;
  core::TextEdit edit("x");
  EXPECT_EQ(Tap(kb, edit, "annuler"), KeyAction::Cancel);
  EXPECT_EQ(Tap(kb, edit, "valider"), KeyAction::Validate);
  EXPECT_EQ(edit.text(), "x");
  kb.Reset();
  EXPECT_FALSE(kb.shift());
  EXPECT_FALSE(kb.symbols());
}

}  // namespace
}  // namespace atelier::input
