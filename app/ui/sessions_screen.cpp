// Sections: showing · the list · typing a title · choosing the map · the small map picture.
#include "ui/sessions_screen.h"

#include <algorithm>
#include <cfloat>
#include <utility>

#include "core/palette.h"
#include "core/text.h"
#include "ui/i18n.h"

namespace atelier::ui {

namespace {

constexpr ImGuiWindowFlags kScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;

std::string Duration(std::int64_t ms) {
  std::int64_t minutes = ms / 60000;
  if (minutes < 60) return std::to_string(minutes) + " min";
  std::string m = std::to_string(minutes % 60);
  return std::to_string(minutes / 60) + " h " + (m.size() < 2 ? "0" : "") + m;
}

}  // namespace

SessionsScreen::SessionsScreen(Fonts fonts, float scale, std::string lang, input::KeyboardLayout keyboard)
    : m_fonts(fonts), m_scale(scale), m_lang(std::move(lang)), m_keyboard(keyboard) {}

// ---------------------------------------------------------------------------------------------
// Showing.

void SessionsScreen::Show(std::vector<SessionListing> sessions, std::vector<core::Template> templates) {
  m_sessions = std::move(sessions);
  m_templates = std::move(templates);
  if (!m_open) {
    m_step = Step::List;
    m_first = 0;
    m_notice.clear();
  }
  m_open = true;
}

void SessionsScreen::Type(std::string_view utf8) {
  if (m_step == Step::TypeTitle || m_step == Step::Rename) m_title.Insert(utf8);
}

void SessionsScreen::Key(KeyPress key) {
  if (m_step != Step::TypeTitle && m_step != Step::Rename) {
    if (key == KeyPress::Escape && m_step == Step::ChooseTemplate) m_step = Step::TypeTitle;
    return;
  }
  switch (OnScreenKeyboard::PhysicalKey(key, m_title)) {
    case input::KeyAction::Validate: m_enter = true; break;
    case input::KeyAction::Cancel: m_step = Step::List; break;
    case input::KeyAction::Continue: break;
  }
}

std::optional<SessionsRequest> SessionsScreen::Draw(Controls& controls) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowBgAlpha(1);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(40 * m_scale, 28 * m_scale));
  ImGui::Begin("##sessions", nullptr, kScreen);
  controls.CoverCurrentWindow();
  std::optional<SessionsRequest> request;
  switch (m_step) {
    case Step::List: request = DrawList(controls); break;
    case Step::TypeTitle:
    case Step::Rename: request = DrawTitle(controls); break;
    case Step::ChooseTemplate: request = DrawTemplates(controls); break;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  return request;
}

// ---------------------------------------------------------------------------------------------
// The list.

std::optional<SessionsRequest> SessionsScreen::DrawList(Controls& controls) {
  std::optional<SessionsRequest> request;
  const float s = m_scale;
  const float button_h = 84 * s;
  const float right = ImGui::GetWindowContentRegionMax().x;

  ImGui::PushFont(m_fonts.large);
  ImGui::TextUnformatted(Tr("Les séances de ce kiosque"));
  ImGui::PopFont();
  ImGui::SameLine(right - 2 * 380 * s - ImGui::GetStyle().ItemSpacing.x);
  if (controls.Button(Tr("Nouvelle séance"), ImVec2(380 * s, button_h), ButtonLook::Primary, m_fonts.large)) {
    m_title.Clear();
    m_keyboard.Reset();
    m_step = Step::TypeTitle;
  }
  ImGui::SameLine();
  if (controls.Button(Tr("Retour au tableau"), ImVec2(380 * s, button_h), ButtonLook::Plain, m_fonts.large))
    request = CloseSessionsRequest{};
  if (!m_notice.empty()) {
    ImGui::PushFont(m_fonts.body);
    ImGui::TextColored(ImVec4(0.12f, 0.48f, 0.24f, 1), "%s", m_notice.c_str());
    ImGui::PopFont();
  }
  ImGui::Separator();

  const float row_h = 170 * s;
  const float footer = button_h + 30 * s;
  std::size_t per_page = std::max<std::size_t>(
      1, static_cast<std::size_t>((ImGui::GetContentRegionAvail().y - footer) / (row_h + ImGui::GetStyle().ItemSpacing.y)));
  if (m_sessions.empty()) {
    ImGui::PushFont(m_fonts.body);
    ImGui::TextUnformatted(Tr("Aucune séance pour l'instant."));
    ImGui::PopFont();
  }
  for (std::size_t i = m_first; i < std::min(m_sessions.size(), m_first + per_page); ++i) {
    const SessionListing& row = m_sessions[i];
    ImGui::PushID(static_cast<int>(i));
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + right - 40 * s, at.y + row_h), row.current ? IM_COL32(0xe6, 0xf0, 0xfa, 0xff)
                                                                                     : IM_COL32(0xf1, 0xef, 0xea, 0xff),
                        14 * s);
    float pad = 14 * s;
    ImVec2 preview_size((row_h - 2 * pad) * 16 / 9, row_h - 2 * pad);
    DrawPreview(row.preview, ImVec2(at.x + pad, at.y + pad), preview_size);

    float text_x = at.x + 2 * pad + preview_size.x + 10 * s;
    draw->AddText(m_fonts.large, m_fonts.large->FontSize, ImVec2(text_x, at.y + pad), colours::kInk, row.title.c_str());
    std::string cards = row.cards == 0   ? std::string(Tr("Aucune carte"))
                        : row.cards == 1 ? std::string(Tr("1 carte"))
                                         : Tr("{1} cartes", {std::to_string(row.cards)});
    std::string details = row.started + "  ·  " + Duration(row.duration_ms) + "  ·  " + cards;
    draw->AddText(m_fonts.body, m_fonts.body->FontSize, ImVec2(text_x, at.y + pad + 52 * s), colours::kInkSoft,
                  details.c_str());
    const char* state = row.current ? Tr("En cours sur ce kiosque") : row.ended ? Tr("Terminée") : Tr("Pas terminée");
    draw->AddText(m_fonts.small, m_fonts.small->FontSize, ImVec2(text_x, at.y + pad + 100 * s),
                  row.current ? colours::kAccent : colours::kInkSoft, state);

    float bw = 220 * s, bh = 76 * s;
    ImGui::SetCursorScreenPos(ImVec2(at.x + right - 40 * s - 4 * bw - 3 * pad - 10 * s, at.y + (row_h - bh) / 2));
    std::string suffix = "##" + std::to_string(i);
    if (row.current) {  // already open here: nothing to open
      ImGui::Dummy(ImVec2(bw, bh));
    } else if (controls.Button((std::string(Tr("Ouvrir")) + suffix).c_str(), ImVec2(bw, bh), ButtonLook::Primary,
                               m_fonts.body)) {
      request = OpenSessionRequest{row.path};
    }
    ImGui::SameLine();
    if (controls.Button((std::string(Tr("Renommer")) + suffix).c_str(), ImVec2(bw, bh), ButtonLook::Plain, m_fonts.body)) {
      m_title = core::TextEdit(row.title);
      m_rename_path = row.path;
      m_keyboard.Reset();
      m_step = Step::Rename;
    }
    ImGui::SameLine();
    if (controls.Button((std::string(Tr("Exporter")) + suffix).c_str(), ImVec2(bw, bh), ButtonLook::Plain, m_fonts.body))
      request = ExportSessionRequest{row.path};
    ImGui::SameLine();
    if (controls.Button((std::string(Tr("Revoir")) + suffix).c_str(), ImVec2(bw, bh), ButtonLook::Plain, m_fonts.body))
      request = ReplaySessionRequest{row.path};
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_h + ImGui::GetStyle().ItemSpacing.y));
    ImGui::PopID();
  }

  // Paging, with big buttons: lists do not scroll by finger in Dear ImGui 1.86.
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - button_h);
  if (m_first > 0 && controls.Button(Tr("Plus récentes"), ImVec2(320 * s, button_h), ButtonLook::Plain, m_fonts.body))
    m_first -= std::min(m_first, per_page);
  if (m_first + per_page < m_sessions.size()) {
    if (m_first > 0) ImGui::SameLine();
    if (controls.Button(Tr("Plus anciennes"), ImVec2(320 * s, button_h), ButtonLook::Plain, m_fonts.body))
      m_first += per_page;
  }
  return request;
}

// ---------------------------------------------------------------------------------------------
// Typing a title (new session or rename).

std::optional<SessionsRequest> SessionsScreen::DrawTitle(Controls& controls) {
  const float s = m_scale;
  const float width = std::min(ImGui::GetContentRegionAvail().x, 1100 * s);
  ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) / 2);
  ImGui::BeginGroup();
  ImGui::PushFont(m_fonts.large);
  ImGui::TextUnformatted(m_step == Step::Rename ? Tr("Nouveau nom de la séance") : Tr("Nom de la nouvelle séance"));
  ImGui::PopFont();
  ImVec2 at = ImGui::GetCursorScreenPos();
  float box_h = 90 * s;
  ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + box_h), IM_COL32_WHITE, 12 * s);
  ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + width, at.y + box_h), colours::kPanelBorder, 12 * s, 0, 2 * s);
  // Built by appending: GCC 12 at -O3 wrongly reports -Wrestrict on inserting into a string
  // (GCC bug 105329).
  const std::string& typed = m_title.text();
  std::string shown;
  shown.reserve(typed.size() + 1);
  shown.append(typed, 0, m_title.caret()).append(1, '|').append(typed, m_title.caret());
  ImVec4 clip(at.x, at.y, at.x + width - 16 * s, at.y + box_h);
  ImGui::GetWindowDrawList()->AddText(m_fonts.large, m_fonts.large->FontSize, ImVec2(at.x + 16 * s, at.y + 22 * s),
                                      colours::kInk, shown.c_str(), nullptr, 0, &clip);
  ImGui::Dummy(ImVec2(width, box_h + 12 * s));
  OnScreenKeyboard::Outcome pressed = m_keyboard.Draw(controls, m_fonts, s, width, m_title);
  ImGui::EndGroup();

  if (pressed.action == input::KeyAction::Cancel) m_step = Step::List;
  bool validate = pressed.action == input::KeyAction::Validate || std::exchange(m_enter, false);
  if (!validate) return std::nullopt;
  std::string title = core::SanitizeCardText(m_title.text());
  if (title.empty()) {
    m_notice = Tr("Donnez un nom à la séance.");
    return std::nullopt;
  }
  if (m_step == Step::Rename) {
    m_step = Step::List;
    return RenameSessionRequest{m_rename_path, title};
  }
  m_step = Step::ChooseTemplate;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Choosing the map of a new session.

std::optional<SessionsRequest> SessionsScreen::DrawTemplates(Controls& controls) {
  const float s = m_scale;
  ImGui::PushFont(m_fonts.large);
  ImGui::TextUnformatted(Tr("Choisissez la carte"));
  ImGui::PopFont();
  ImGui::Spacing();
  std::optional<SessionsRequest> request;
  float card_w = 520 * s, card_h = card_w * 9 / 16;
  for (std::size_t i = 0; i < m_templates.size(); ++i) {
    const core::Template& t = m_templates[i];
    if (i % 3) ImGui::SameLine();
    ImGui::BeginGroup();
    ImVec2 at = ImGui::GetCursorScreenPos();
    DrawPreview(core::Board(t), at, ImVec2(card_w, card_h));
    ImGui::Dummy(ImVec2(card_w, card_h));
    std::string label = t.title.In(m_lang) + "##template-" + t.id;
    if (controls.Button(label.c_str(), ImVec2(card_w, 84 * s), ButtonLook::Primary, m_fonts.body))
      request = NewSessionRequest{core::SanitizeCardText(m_title.text()), t.id};
    ImGui::EndGroup();
  }
  ImGui::Spacing();
  if (controls.Button(Tr("Retour"), ImVec2(320 * s, 84 * s), ButtonLook::Plain, m_fonts.body)) m_step = Step::TypeTitle;
  if (request) m_step = Step::List;
  return request;
}

// ---------------------------------------------------------------------------------------------
// The small map picture: paper, zone tints, a dot per card in its colour.

void SessionsScreen::DrawPreview(const core::Board& board, ImVec2 at, ImVec2 size) const {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const core::Template& t = board.map_template();
  ImVec2 end(at.x + size.x, at.y + size.y);
  draw->AddRectFilled(at, end, ToImU32(t.paper), 8 * m_scale);
  draw->AddRect(at, end, colours::kPanelBorder, 8 * m_scale, 0, 1.5f * m_scale);
  for (const core::Zone& z : t.zones)
    draw->AddRectFilled(ImVec2(at.x + z.area.x * size.x + 1, at.y + z.area.y * size.y),
                        ImVec2(at.x + (z.area.x + z.area.w) * size.x - 1, at.y + (z.area.y + z.area.h) * size.y),
                        ToImU32(z.tint, 200), 3 * m_scale);
  for (const core::Card* card : board.InDrawOrder()) {
    core::Rgb paper = core::FindColour(card->colour).value_or(core::kPalette[0]).paper;
    ImVec2 c(at.x + card->at.x * size.x, at.y + card->at.y * size.y);
    float hw = board.card_size().w * size.x / 2, hh = board.card_size().h * size.y / 2;
    draw->AddRectFilled(ImVec2(c.x - hw, c.y - hh), ImVec2(c.x + hw, c.y + hh), ToImU32(paper), 2 * m_scale);
    draw->AddRect(ImVec2(c.x - hw, c.y - hh), ImVec2(c.x + hw, c.y + hh), IM_COL32(0, 0, 0, 60), 2 * m_scale);
  }
}

}  // namespace atelier::ui
