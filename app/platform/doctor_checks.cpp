// Sections: helpers · probes without a display · checks (data, GL, screens, touch, font,
// sessions, clock, config, PIN) · the report.
#include "platform/doctor_checks.h"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/touch_scale.h"
#include "ui/i18n.h"

namespace atelier::platform {

namespace fs = std::filesystem;
using ui::Tr;

namespace {

// ---------------------------------------------------------------------------------------------
// Helpers.

Finding Ok(const char* check, std::string message) {
  return {.check = check, .level = Level::Ok, .message = std::move(message)};
}
Finding Warn(const char* check, std::string message, std::string advice) {
  return {.check = check, .level = Level::Warning, .message = std::move(message), .advice = std::move(advice)};
}
Finding Problem(const char* check, std::string message, std::string advice) {
  return {.check = check, .level = Level::Problem, .message = std::move(message), .advice = std::move(advice)};
}

std::string LocalTime(std::int64_t epoch_ms) {
  std::time_t t = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
  return text;
}

std::string Size(std::uint64_t bytes) {
  const std::uint64_t mb = bytes / (1000 * 1000);
  if (mb < 10000) return Tr("{1} Mo", {std::to_string(mb)});
  return Tr("{1} Go", {std::to_string(mb / 1000)});
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool SoftwareRenderer(const std::string& renderer) {
  const std::string r = Lower(renderer);
  for (const char* name : {"llvmpipe", "softpipe", "swrast", "software"})
    if (r.find(name) != std::string::npos) return true;
  return false;
}

// Code points, not bytes: "PROBLÈME" lines up with "OK".
std::size_t Width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::int64_t ToUnixMs(fs::file_time_type t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::file_clock::to_sys(t).time_since_epoch())
      .count();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Probes without a display.

SessionsFacts ProbeSessionsDir(const fs::path& dir) {
  SessionsFacts facts{.dir = dir};
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) {
      facts.write_error = ec.message();
      return facts;
    }
    facts.created = true;
  }
  // Really write: permissions, a read-only mount, a full disk or a dead SD card all show here.
  std::string name = (dir / ".atelier-doctor-XXXXXX").string();
  int fd = mkstemp(name.data());
  if (fd < 0) {
    facts.write_error = std::strerror(errno);
  } else {
    const std::string block(4096, 'x');
    bool written = write(fd, block.data(), block.size()) == static_cast<ssize_t>(block.size()) && fsync(fd) == 0;
    if (!written) facts.write_error = std::strerror(errno);
    close(fd);
    unlink(name.c_str());
    facts.writable = written;
  }
  struct statvfs vfs{};
  if (statvfs(dir.c_str(), &vfs) == 0) facts.free_bytes = static_cast<std::uint64_t>(vfs.f_bavail) * vfs.f_frsize;
  return facts;
}

std::optional<NewestSession> FindNewestSession(const fs::path& dir) {
  std::optional<NewestSession> newest;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& file = it->path();
    if (file.extension() != ".atelier") continue;
    std::error_code time_ec;
    fs::file_time_type written = fs::last_write_time(file, time_ec);
    if (time_ec) continue;
    fs::path wal = file;
    wal += "-wal";
    fs::file_time_type wal_written = fs::last_write_time(wal, time_ec);
    if (!time_ec) written = std::max(written, wal_written);
    const std::int64_t ms = ToUnixMs(written);
    if (!newest || ms > newest->written_ms) newest = NewestSession{file, ms};
  }
  return newest;
}

DataFacts ProbeData(const fs::path& data_dir, const fs::path& locale_dir) {
  std::error_code ec;
  DataFacts facts{.locale_dir = locale_dir};
  if (!data_dir.empty() && fs::is_directory(data_dir / "assets", ec) && fs::is_directory(data_dir / "shaders", ec))
    facts.data_dir = data_dir;
  facts.english = fs::is_regular_file(locale_dir / "en" / "LC_MESSAGES" / "atelier.mo", ec);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Checks.

std::vector<Finding> CheckData(const DataFacts& facts, const std::string& lang) {
  std::vector<Finding> out;
  if (facts.data_dir.empty())
    out.push_back(Problem("data", Tr("Les fichiers d'Atelier (modèles de carte, shaders) sont introuvables."),
                          Tr("Réinstallez le paquet atelier, ou indiquez le dossier qui contient assets/ et shaders/ "
                             "avec la variable ATELIER_DATA_DIR.")));
  else
    out.push_back(Ok("data", Tr("Fichiers d'Atelier : {1}", {facts.data_dir.string()})));
  if (facts.english) {
    out.push_back(Ok("translations", Tr("Traductions : {1}", {facts.locale_dir.string()})));
  } else {
    std::string message = Tr("La traduction anglaise est introuvable dans {1} : l'interface restera en français.",
                             {facts.locale_dir.string()});
    std::string advice = Tr("Réinstallez le paquet atelier (depuis les sources : reconstruisez, la cible translations).");
    if (lang == "en")
      out.push_back(Problem("translations", message, advice));
    else
      out.push_back(Warn("translations", message, advice));
  }
  return out;
}

Finding CheckGl(const GlFacts& facts) {
  if (!facts.display)
    return Problem("gl",
                   facts.offscreen ? Tr("Aucun écran graphique n'est accessible ({1}) ; hors écran, le pilote donne {2}, {3}.",
                                        {facts.display_error, facts.version, facts.renderer})
                                   : Tr("Aucun écran graphique n'est accessible ({1}).", {facts.display_error}),
                   Tr("Lancez atelier doctor sur l'écran du kiosque, ou à distance avec « DISPLAY=:0 atelier doctor », "
                      "en tant qu'utilisateur du kiosque, pendant que le kiosque tourne."));
  if (!facts.context)
    return Problem("gl", Tr("Cet ordinateur ne propose pas OpenGL ES 3.0, nécessaire à Atelier ({1}).", {facts.context_error}),
                   Tr("Mettez à jour le pilote graphique (Mesa). Sur un Raspberry Pi, activez le pilote vc4-kms-v3d "
                      "(ligne dtoverlay=vc4-kms-v3d dans /boot/config.txt)."));
  if (SoftwareRenderer(facts.renderer))
    return Warn("gl", Tr("Rendu graphique : {1}, {2} — rendu logiciel, sans la puce graphique.", {facts.version, facts.renderer}),
                Tr("Atelier marche, mais plus lentement quand il y a beaucoup de cartes. Sur le kiosque, installez ou "
                   "activez le pilote de sa puce graphique (Mesa ; sur un Raspberry Pi, vc4-kms-v3d)."));
  return Ok("gl", Tr("Rendu graphique : {1}, {2} (puce graphique)", {facts.version, facts.renderer}));
}

std::vector<Finding> CheckScreens(const GlFacts& gl, const std::vector<MonitorFacts>& monitors, const Config& config) {
  std::vector<Finding> out;
  if (!gl.display) return out;  // CheckGl already says there is no display
  if (monitors.empty()) {
    out.push_back(Problem("screen", Tr("Aucun écran n'est branché ou reconnu."),
                          Tr("Branchez l'écran et allumez-le avant de démarrer la machine, puis relancez atelier doctor.")));
    return out;
  }
  const MonitorFacts* primary = &monitors.front();
  for (const MonitorFacts& m : monitors)
    if (m.primary) primary = &m;
  for (const MonitorFacts& m : monitors) {
    std::string message = Tr("Écran {1} : {2}×{3} pixels, {4}×{5} mm",
                             {m.name, std::to_string(m.width_px), std::to_string(m.height_px),
                              std::to_string(m.width_mm), std::to_string(m.height_mm)});
    if (m.refresh_hz > 0) message += Tr(", {1} Hz", {std::to_string(m.refresh_hz)});
    if (&m == primary && monitors.size() > 1) message += Tr(" (principal : le kiosque s'y affiche)");
    const bool believable = core::BelievableWidth(m.width_px, m.width_mm);
    if (&m != primary || believable) {
      out.push_back(Ok("screen", message));
      continue;
    }
    if (m.width_mm <= 0)
      message += Tr(" — taille physique inconnue");
    else
      message += Tr(" — taille physique invraisemblable ({1} points par pouce)",
                    {std::to_string(std::lround(m.width_px * 25.4 / m.width_mm))});
    if (config.screen_width_mm || config.ui_scale) {
      out.push_back(Ok("screen", message + Tr(", corrigée dans atelier.conf")));
      continue;
    }
    out.push_back(Warn("screen", message,
                       Tr("Atelier dimensionne alors les boutons d'après la résolution seulement. Mesurez la largeur de "
                          "l'image en millimètres et écrivez-la dans atelier.conf (par exemple screen_width_mm = 1430), "
                          "ou fixez la taille des boutons (par exemple ui_scale = 1.5).")));
  }

  // What the kiosk would choose, full screen on the primary monitor (its framebuffer is the
  // video mode on X11), exactly as kiosk_app.cpp computes it.
  const int width_mm = config.screen_width_mm.value_or(primary->width_mm);
  const float scale = core::UiScale({.framebuffer_w = primary->width_px,
                                     .framebuffer_h = primary->height_px,
                                     .physical_w_mm = width_mm,
                                     .override_scale = config.ui_scale});
  char scale_text[16];
  std::snprintf(scale_text, sizeof scale_text, "%.2f", scale);
  std::string how = config.ui_scale ? Tr("fixée par ui_scale dans atelier.conf") : Tr("calculée d'après l'écran");
  if (!core::BelievableWidth(primary->width_px, width_mm)) {
    out.push_back(Ok("ui_scale", Tr("Taille des boutons : {1} ({2}, la taille réelle des cibles tactiles est inconnue)",
                                    {scale_text, how})));
    return out;
  }
  const float px_per_mm = static_cast<float>(primary->width_px) / width_mm;
  const float target_mm = core::kBaseTargetPx * scale / px_per_mm;
  const std::string target_text = std::to_string(std::lround(target_mm));
  if (target_mm + 0.5f < core::kTouchTargetMm)
    out.push_back(Warn("ui_scale",
                       Tr("Taille des boutons : {1} ({2}) : les plus petits font {3} mm, moins des 19 mm qu'un doigt "
                          "touche sans se tromper.",
                          {scale_text, how, target_text}),
                       Tr("Augmentez ui_scale dans atelier.conf, ou enlevez la ligne pour le calcul automatique.")));
  else
    out.push_back(Ok("ui_scale", Tr("Taille des boutons : {1} ({2}) : les plus petits font {3} mm", {scale_text, how, target_text})));
  return out;
}

std::vector<Finding> CheckTouch(const TouchFacts& facts) {
  std::vector<Finding> out;
  if (!facts.display) return out;  // CheckGl already says there is no display
  if (!facts.xi22) {
    out.push_back(Warn("touch", Tr("Le serveur graphique ne propose pas XInput 2.2 : un seul doigt à la fois."),
                       Tr("Démarrez le kiosque avec Xorg (deploy/install-kiosk le fait) plutôt qu'un serveur ancien.")));
    return out;
  }
  for (const TouchDevice& d : facts.devices)
    if (d.direct)
      out.push_back(Ok("touch", Tr("Écran tactile : {1} ({2} doigts à la fois)", {d.name, std::to_string(d.touches)})));
  if (out.empty())
    out.push_back(Warn("touch", Tr("Aucun écran tactile trouvé : la souris marche, mais pas le toucher."),
                       Tr("Sur le kiosque, branchez le câble USB de l'écran tactile (le toucher passe par lui, pas par "
                          "le câble HDMI), puis relancez atelier doctor. Sur un PC sans écran tactile, rien à faire.")));
  return out;
}

Finding CheckFont(const FontFacts& facts) {
  if (!facts.found)
    return Problem("font", Tr("Aucune police de caractères utilisable n'est installée ({1}).", {facts.error}),
                   Tr("Installez le paquet fonts-sil-andika : sudo apt install fonts-sil-andika"));
  if (!facts.wanted.empty() && Lower(facts.family) != Lower(facts.wanted))
    return Warn("font",
                Tr("La police « {1} » demandée dans atelier.conf est introuvable ; Atelier prend {2} : {3}",
                   {facts.wanted, facts.family, facts.file}),
                Tr("Installez-la, ou corrigez ou enlevez la ligne font dans atelier.conf (fc-list montre les polices "
                   "installées)."));
  if (facts.wanted.empty() && facts.family != "Andika")
    return Warn("font", Tr("Police : {1} ({2}) ; Andika, plus lisible, n'est pas installée.", {facts.family, facts.file}),
                Tr("Installez le paquet fonts-sil-andika : sudo apt install fonts-sil-andika"));
  return Ok("font", Tr("Police : {1} ({2})", {facts.family, facts.file}));
}

std::vector<Finding> CheckSessions(const SessionsFacts& facts) {
  std::vector<Finding> out;
  if (!facts.writable)
    out.push_back(Problem("sessions",
                          Tr("Impossible d'écrire dans le dossier des sessions {1} ({2}) : rien de l'atelier ne serait "
                             "enregistré.",
                             {facts.dir.string(), facts.write_error}),
                          Tr("Vérifiez que le disque n'est ni plein ni en lecture seule et que le dossier appartient à "
                             "l'utilisateur du kiosque, ou choisissez un autre dossier (sessions_dir dans atelier.conf).")));
  else if (facts.created)
    out.push_back(Ok("sessions", Tr("Dossier des sessions : {1} (créé ; écriture possible)", {facts.dir.string()})));
  else
    out.push_back(Ok("sessions", Tr("Dossier des sessions : {1} (écriture possible)", {facts.dir.string()})));
  if (facts.free_bytes) {
    if (*facts.free_bytes < kLowSpaceBytes)
      out.push_back(Warn("free_space", Tr("Place libre pour les sessions : {1} seulement.", {Size(*facts.free_bytes)}),
                         Tr("Faites de la place (exportez puis supprimez d'anciennes sessions, videz la corbeille, "
                            "sudo apt clean) : gardez au moins 500 Mo.")));
    else
      out.push_back(Ok("free_space", Tr("Place libre pour les sessions : {1}", {Size(*facts.free_bytes)})));
  }
  return out;
}

Finding CheckClock(std::int64_t now_ms, const std::optional<NewestSession>& newest) {
  constexpr std::int64_t kSlackMs = 60 * 1000;  // a network clock's small corrections are no news
  if (!newest) return Ok("clock", Tr("Horloge : {1} (pas encore de session pour comparer)", {LocalTime(now_ms)}));
  const std::string file = newest->file.filename().string();
  if (now_ms + kSlackMs < newest->written_ms)
    return Warn("clock",
                Tr("L'horloge indique {1}, avant la dernière écriture de la session {2} ({3}) : elle retarde, et les "
                   "sessions seront mal datées.",
                   {LocalTime(now_ms), file, LocalTime(newest->written_ms)}),
                Tr("Sans réseau ni pile, un Raspberry Pi redémarre à une date passée. Installez fake-hwclock "
                   "(sudo apt install fake-hwclock : il repart de la dernière heure connue) ou un module horloge (RTC) "
                   "avec sa pile ; en attendant, mettez l'heure à la main : sudo date -s \"2026-12-01 14:00\"."));
  return Ok("clock", Tr("Horloge : {1}, après la dernière session écrite ({2})", {LocalTime(now_ms), file}));
}

Finding CheckConfig(const ConfigFacts& facts) {
  const std::string file = facts.file.string();
  if (!facts.exists) return Ok("config", Tr("Fichier de réglages : {1} absent, réglages par défaut", {file}));
  if (facts.load.ignored.empty())
    return Ok("config", Tr("Fichier de réglages : {1}, toutes les lignes sont comprises", {file}));
  Finding out = Problem("config",
                        Tr("Fichier de réglages : {1}, {2} ligne(s) ignorée(s) :", {file, std::to_string(facts.load.ignored.size())}),
                        Tr("Corrigez ou supprimez ces lignes (les réglages sont décrits dans docs/configuration.md et "
                           "man atelier)."));
  using Why = IgnoredLine::Why;
  bool hinted[4] = {};
  for (const IgnoredLine& line : facts.load.ignored) {
    const std::string n = std::to_string(line.line);
    std::string hint;
    switch (line.why) {
      case Why::NotKeyValue:
        out.details.push_back(Tr("ligne {1} : « {2} » n'est pas de la forme clé = valeur", {n, line.value}));
        hint = Tr("Un réglage par ligne, par exemple lang = fr ; un commentaire commence par #.");
        break;
      case Why::UnknownKey:
        out.details.push_back(Tr("ligne {1} : le réglage « {2} » n'existe pas", {n, line.key}));
        hint = Tr("Réglages possibles : lang, keyboard, template, ui_scale, screen_width_mm, font, sessions_dir, "
                  "idle_delay_s, deck_mode, pin_hash.");
        break;
      case Why::WrongValue:
        out.details.push_back(Tr("ligne {1} : « {2} » n'est pas une valeur possible pour {3}", {n, line.value, line.key}));
        hint = Tr("Valeurs possibles : lang = fr ou en, keyboard = azerty ou qwerty, deck_mode = consume ou keep, "
                  "idle_delay_s = un nombre de secondes (0 : jamais), ui_scale = de 0.5 à 4, screen_width_mm = de 50 à "
                  "20000, phones_port = de 0 à 65535, pin_hash = la ligne que donne atelier --hash-pin.");
        break;
      case Why::NotANumber:
        out.details.push_back(Tr("ligne {1} : {2} attend un nombre, pas « {3} »", {n, line.key, line.value}));
        hint = Tr("Un nombre s'écrit avec un point pour les décimales, par exemple ui_scale = 1.5.");
        break;
    }
    if (!hinted[static_cast<int>(line.why)]) out.advice += " " + hint;
    hinted[static_cast<int>(line.why)] = true;
  }
  return out;
}

Finding CheckPin(const ConfigFacts& facts) {
  if (facts.pin_file) return Ok("pin", Tr("Code de l'animateur : défini"));
  if (!facts.load.config.pin_hash.empty()) return Ok("pin", Tr("Code de l'animateur : défini (pin_hash dans atelier.conf)"));
  return Problem("pin",
                 Tr("Aucun code d'animateur n'est défini : n'importe qui peut en choisir un en appuyant 3 secondes "
                    "dans le coin de l'écran, puis ouvrir le panneau de l'animateur."),
                 Tr("Définissez-le maintenant, en tant qu'utilisateur du kiosque : atelier --set-pin"));
}

// ---------------------------------------------------------------------------------------------
// The report.

namespace {

std::string LevelLabel(Level level) {
  switch (level) {
    case Level::Ok: return Tr("OK");
    case Level::Warning: return Tr("ATTENTION");
    case Level::Problem: return Tr("PROBLÈME");
  }
  return {};
}

const char* LevelId(Level level) {
  switch (level) {
    case Level::Ok: return "ok";
    case Level::Warning: return "warning";
    case Level::Problem: return "problem";
  }
  return "";
}

}  // namespace

std::string FormatReport(const std::vector<Finding>& findings) {
  std::size_t width = 0;
  for (Level level : {Level::Ok, Level::Warning, Level::Problem}) width = std::max(width, Width(LevelLabel(level)));
  width += 2;
  std::string out = Tr("Atelier {1} — bilan de cette machine", {ATELIER_VERSION}) + "\n\n";
  int problems = 0, warnings = 0;
  for (const Finding& f : findings) {
    problems += f.level == Level::Problem;
    warnings += f.level == Level::Warning;
    std::string label = LevelLabel(f.level);
    out += label + std::string(width - Width(label), ' ') + f.message + "\n";
    for (const std::string& detail : f.details) out += std::string(width, ' ') + "· " + detail + "\n";
    if (!f.advice.empty()) out += std::string(width, ' ') + "→ " + f.advice + "\n";
  }
  out += "\n";
  if (problems == 0 && warnings == 0)
    out += Tr("Tout va bien : cette machine est prête pour un atelier.");
  else if (problems == 0)
    out += Tr("Aucun problème ; {1} point(s) à surveiller (ATTENTION ci-dessus).", {std::to_string(warnings)});
  else
    out += Tr("{1} problème(s) à régler avant l'atelier, {2} point(s) à surveiller.",
              {std::to_string(problems), std::to_string(warnings)});
  return out + "\n";
}

std::string ReportJson(const std::vector<Finding>& findings) {
  nlohmann::json list = nlohmann::json::array();
  int problems = 0, warnings = 0;
  for (const Finding& f : findings) {
    problems += f.level == Level::Problem;
    warnings += f.level == Level::Warning;
    list.push_back({{"check", f.check},
                    {"level", LevelId(f.level)},
                    {"message", f.message},
                    {"details", f.details},
                    {"advice", f.advice}});
  }
  nlohmann::json out{{"findings", list}, {"problems", problems}, {"warnings", warnings}, {"exit_code", ExitCode(findings)}};
  return out.dump(2) + "\n";
}

int ExitCode(const std::vector<Finding>& findings) {
  for (const Finding& f : findings)
    if (f.level == Level::Problem) return 1;
  return 0;
}

}  // namespace atelier::platform
