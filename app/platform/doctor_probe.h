// The probes of `atelier doctor` that need the display, kept thin: they only gather facts for
// doctor_checks.h. ProbeDisplay opens the kiosk's own kind of context (GLFW, OpenGL ES 3.0) in a
// hidden window and lists the monitors; ProbeTouch asks XInput 2.2, on a second X connection as
// the kiosk does (touch_input.h), which devices report touches.
#pragma once
#include <vector>

#include "platform/doctor_checks.h"

namespace atelier::platform {

struct DisplayFacts {
  GlFacts gl;
  std::vector<MonitorFacts> monitors;
};

DisplayFacts ProbeDisplay();
TouchFacts ProbeTouch();

}  // namespace atelier::platform
