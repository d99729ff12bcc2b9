#include "platform/kiosk_sessions.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>

#include "store/session_export.h"
#include "store/sessions_dir.h"
#include "store/template_file.h"
#include "store/wall_time.h"
#include "ui/i18n.h"

namespace atelier::platform {

namespace fs = std::filesystem;

namespace {

// Session time: milliseconds since the workshop began by the wall clock, so a kiosk restarted
// after a pulled plug goes on where the day is; never earlier than the last event recorded.
class SessionClock final : public core::Clock {
 public:
  SessionClock(std::int64_t created_ms, std::int64_t last_event_ms)
      : m_base(std::max(store::WallNowMs() - created_ms, last_event_ms)) {}
  std::int64_t NowMs() const override { return m_base + m_since_start.NowMs(); }

 private:
  std::int64_t m_base;
  core::SteadyClock m_since_start;
};

constexpr const char* kLastOpened = ".derniere-seance";  // in the sessions folder

}  // namespace

core::Result<std::unique_ptr<LiveSession>> OpenLiveSession(const fs::path& path, const store::NewSession& if_new,
                                                           const LiveSessionSetup& setup) {
  store::OpenOutcome opened = store::SessionFile::Open(path, if_new);
  if (!opened) {
    std::fprintf(stderr, "atelier: %s\n", opened.message.en.c_str());
    return core::Error{opened.message.fr};
  }
  auto live = std::make_unique<LiveSession>();
  live->path = path;
  live->file = std::move(opened.session);
  const store::SessionFile& file = *live->file;
  if (setup.fixed_time) {
    auto fixed = std::make_unique<core::ManualClock>(file.board().last_event_ms());
    live->fixed_clock = fixed.get();
    live->clock = std::move(fixed);
  } else {
    live->clock = std::make_unique<SessionClock>(file.meta().created_ms, file.board().last_event_ms());
  }
  live->session = std::make_unique<core::Session>(file.board(), *live->file, *live->clock, file.next_seq());
  live->screen = std::make_unique<ui::BoardScreen>(*live->session, setup.fonts, setup.screen);
  live->screen->SetTitle(file.meta().title);
  if (!opened.message.empty()) {
    std::fprintf(stderr, "atelier: %s\n", opened.message.en.c_str());
    live->screen->ShowMessage(opened.message.fr, 0, 20000);
  }
  std::fprintf(stderr, "atelier: session %s (%lld events)\n", path.c_str(),
               static_cast<long long>(file.next_seq() - 1));
  return live;
}

fs::path SessionShelf::StartingPath(const std::string& new_title) const {
  std::ifstream last(m_dir / kLastOpened);
  std::string remembered;
  if (std::getline(last, remembered) && !remembered.empty()) {
    for (const store::SessionSummary& s : store::ListSessions(m_dir))
      if (s.path == fs::path(remembered) && !s.ended) return s.path;
  }
  if (auto newest = store::LastUnendedSession(m_dir)) return *newest;
  return NewPath(new_title);
}

void SessionShelf::RememberOpened(const fs::path& path) const {
  std::ofstream(m_dir / kLastOpened, std::ios::trunc) << fs::absolute(path).string() << "\n";
}

fs::path SessionShelf::NewPath(const std::string& title) const {
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  std::int64_t now = store::WallNowMs();
  return store::NewSessionPath(m_dir, title, now, store::MachineZone(now).utc_offset_minutes);
}

std::vector<ui::SessionListing> SessionShelf::List(const LiveSession& current) const {
  std::vector<ui::SessionListing> out;
  std::error_code ec;
  for (const store::SessionSummary& s : store::ListSessions(m_dir)) {
    ui::SessionListing row{.path = s.path.string(),
                           .title = s.title,
                           .started = LocalDateTime(s.created_ms, s.utc_offset_minutes),
                           .duration_ms = s.duration_ms,
                           .cards = static_cast<std::size_t>(s.cards),
                           .ended = s.ended,
                           .current = fs::equivalent(s.path, current.path, ec),
                           .preview = core::Board()};
    if (row.current) {
      row.preview = current.session->board();
      row.cards = row.preview.cards().size();
      row.title = current.file->meta().title;
    } else if (store::OpenOutcome o = store::SessionFile::OpenReadOnly(s.path)) {
      row.preview = o.session->board();
    }
    out.push_back(std::move(row));
  }
  // A session opened with --session from elsewhere is still the one on the board: list it first.
  if (std::none_of(out.begin(), out.end(), [](const ui::SessionListing& row) { return row.current; })) {
    const store::SessionMeta& meta = current.file->meta();
    const core::Board& board = current.session->board();
    out.insert(out.begin(), ui::SessionListing{.path = current.path.string(),
                                               .title = meta.title,
                                               .started = LocalDateTime(meta.created_ms, meta.utc_offset_minutes),
                                               .duration_ms = board.last_event_ms(),
                                               .cards = board.cards().size(),
                                               .ended = false,
                                               .current = true,
                                               .preview = board});
  }
  return out;
}

std::vector<core::Template> SessionShelf::Templates() const {
  std::vector<core::Template> out;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(m_templates_dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto t = store::LoadTemplate(f);
    if (t.ok()) out.push_back(std::move(t.value()));
    else std::fprintf(stderr, "atelier: template: %s\n", t.error().message.c_str());
  }
  // The workshop's own map first.
  std::stable_partition(out.begin(), out.end(), [](const core::Template& t) { return t.id == "usages-impacts"; });
  return out;
}

std::string SessionShelf::Export(const fs::path& session, const std::string& lang) const {
  store::OpenOutcome opened = store::SessionFile::OpenReadOnly(session);
  if (!opened) return opened.message.fr;
  auto loaded = opened.session->Load();
  if (!loaded.ok()) return ui::Tr("Lecture impossible : {1}", {loaded.error().message});
  fs::path csv = fs::path(session).replace_extension(".csv");
  fs::path json = fs::path(session).replace_extension(".json");
  core::Status a = store::WriteTextFile(csv, store::ToCsv(loaded.value(), lang));
  core::Status b = store::WriteTextFile(json, store::ToBoardJson(loaded.value(), lang));
  if (!a.ok() || !b.ok())
    return ui::Tr("L'export n'a pas pu être écrit ({1}). Le disque est peut-être plein ou protégé.",
                  {(!a.ok() ? a : b).error().message});
  return ui::Tr("Exporté dans {1} : {2} (tableur) et {3}.",
                {session.parent_path().string(), csv.filename().string(), json.filename().string()});
}

std::string LocalDateTime(std::int64_t epoch_ms, int utc_offset_minutes) {
  std::time_t local = static_cast<std::time_t>(epoch_ms / 1000 + utc_offset_minutes * 60);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%d/%m/%Y %H:%M", &tm);
  return text;
}

}  // namespace atelier::platform
