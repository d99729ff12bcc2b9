// The report as one self-contained HTML file, for an email or a USB stick: it opens from
// file:// in any current browser with no network and nothing beside it.
//
// What it holds: the session's title and date; the map at the end (the SVG of report/svg_map,
// inline in the page, so its words are real text the browser can search and it scales to any
// screen); the cards zone by zone as in the PDF (report/session_facts: the same grouping and
// order); the phases; and a replay player: the session's events as JSON in a
// <script type="application/json"> block, assets/web/board_view.js (the fold and the canvas
// drawing, shared with the kiosk's live page) and assets/web/report_player.js inlined, with
// play/pause, speeds, a scrubber and the phases as marks.
//
// Self-contained and locked down: the kiosk's font (Andika, the faces the PDF embeds) is inline
// as data: URIs; a Content-Security-Policy meta tag allows nothing but the page's own inline
// scripts and style, by their SHA-256 hashes, and data: fonts and images; every text from the
// session is escaped (HTML text, and "<" as \u003c inside the JSON), so a card reading
// "</script><script>…" shows as those characters. Words in French unless lang is "en".
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/html_escape.h"
#include "store/session_file.h"

namespace atelier::report {

struct HtmlOptions {
  std::string lang = "fr";
  std::string font_path;            // the kiosk's regular face (platform::FindFont); bold found beside it
  std::filesystem::path web_dir;    // assets/web: board_view.js, report_player.js, report.css
};

// The whole page. Errors (English) name what could not be read (the font, a web asset).
core::Result<std::string> HtmlReport(const store::LoadedSession& session, const HtmlOptions& options);

// Writes the page to path under a temporary name (report/pending_file), fsynced and renamed at
// the end; on error nothing is left at path. The folder is tried before any work.
core::Status WriteHtmlReport(const store::LoadedSession& session, const HtmlOptions& options,
                             const std::filesystem::path& path);
// The same from a session file, opened read-only (safe while a kiosk records into it); a file
// that cannot be read is an error naming it.
core::Status WriteHtmlReport(const std::filesystem::path& session_path, const HtmlOptions& options,
                             const std::filesystem::path& path);

// JSON text made safe inside a <script> element: every "<" becomes \u003c (JSON.parse reads it
// back as "<"), so no "</script" or "<!--" can appear.
std::string JsonForScript(std::string_view json);
// Text for HTML content and attribute values: & < > " ' as entities.
using core::HtmlEscape;  // core/html_escape.h
// The CSP source for an inline script or style: 'sha256-<base64 of its SHA-256>'.
std::string CspHash(std::string_view content);

}  // namespace atelier::report
