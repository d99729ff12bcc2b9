// The bundle of exports the facilitator takes home from the kiosk's "Exporter" page: a folder
// of parts (the PDF report, the map as PNG, the cards as CSV, the events as JSON Lines, a copy
// of the session file …), written so that nothing half-written ever looks complete:
//   1. the folder is made as ".<name>.part-<pid>" beside where it will stand;
//   2. each part is written into it, then flushed (fsync);
//   3. the folder itself is flushed, renamed to its name, and its parent flushed.
// A failure removes the temporary folder (when the medium still lets us) and says why, sorted
// into what people can act on: read-only, full, gone (a stick pulled out), or another reason.
// Runs on any thread; touches no board (the parts read the session file).
#pragma once
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace atelier::platform {

struct PartOutcome {
  bool ok = true;
  int err = 0;          // errno when known (ENOSPC, EROFS, EIO …), else 0
  std::string message;  // English, from the CLI or the system
};

struct BundlePart {
  std::string label;  // French, shown while it is written: "PDF", "Image de la carte (PNG)"
  std::string file;   // its name in the folder
  std::function<PartOutcome(const std::filesystem::path& out)> write;  // writes exactly `out`
};

enum class BundleProblem { None, ReadOnly, Full, Gone, Failed };

struct BundleResult {
  BundleProblem problem = BundleProblem::None;
  std::string failed_part;      // the label of the part that failed
  std::string detail;           // English: what the system or the CLI said
  std::filesystem::path folder; // the finished folder (on success)
  bool ok() const { return problem == BundleProblem::None; }
};

struct BundleJob {
  std::filesystem::path parent;  // where the folder goes (beside the session, a stick's root)
  std::string name;              // the folder's name; " (2)" … is added when it is taken
  std::vector<BundlePart> parts;
  std::function<bool()> still_there;  // the medium is still mounted (none: always)
};

// Writes the bundle; on_part is called before each part (for "PDF…").
BundleResult WriteBundle(const BundleJob& job, const std::function<void(const BundlePart&)>& on_part = {});

// "Atelier du 2 décembre – export 2026-12-02 14h05": the session's title made safe as a folder
// name on any stick (/ becomes -; no \ : * ? " < > |, no control characters, no trailing dot or space,
// at most 80 characters), then the local date and time.
std::string BundleFolderName(std::string_view title, const std::tm& local_time);

// The temporary name of a folder being written (step 1 above).
std::string PendingFolderName(const std::string& name);

}  // namespace atelier::platform
