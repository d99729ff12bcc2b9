// A copy of a session file that opens like the original, taken while the kiosk may still be
// recording into it: SQLite's VACUUM INTO from a read-only connection, so the copy is one
// consistent moment of the journal (every committed event up to then) and the original is
// never written. The copy is flushed to disk (fsync) before this returns.
#pragma once
#include <filesystem>

#include "core/error.h"

namespace atelier::store {

// Fails (English message naming the target; errno_out set when the system said why: ENOSPC,
// EROFS, EIO …) when the copy cannot be written; a failed copy is removed.
core::Status CopySession(const std::filesystem::path& from, const std::filesystem::path& to, int* errno_out = nullptr);

}  // namespace atelier::store
