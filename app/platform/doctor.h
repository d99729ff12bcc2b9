// `atelier doctor`: checks this machine for a workshop — files, config file and PIN, GL, screens
// and the UI scale, touch devices, font, sessions folder and free space, clock — and prints each
// finding in the interface language with what to do (doctor_checks.h; docs/doctor.md).
#pragma once
#include <string>

namespace atelier::platform {

struct DoctorOptions {
  std::string lang;   // fr | en; empty: the config file's, else French
  bool json = false;  // the findings as JSON instead of text
};

// Exit code: 1 when a problem was found, else 0 (warnings are printed but do not fail).
// Test hook: ATELIER_DOCTOR_NOW_MS (Unix ms) stands in for the clock.
int RunDoctor(const DoctorOptions& options);

}  // namespace atelier::platform
