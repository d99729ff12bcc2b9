// Our headers first: Xlib's macros (Status, BadValue, None …) must not reach them.
#include "platform/doctor_probe.h"

#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>

namespace atelier::platform {

TouchFacts ProbeTouch() {
  TouchFacts facts;
  Display* display = XOpenDisplay(nullptr);
  if (!display) return facts;
  facts.display = true;
  int opcode = 0, first_event = 0, first_error = 0;
  int major = 2, minor = 2;
  facts.xi22 = XQueryExtension(display, "XInputExtension", &opcode, &first_event, &first_error) &&
               XIQueryVersion(display, &major, &minor) == Success && (major > 2 || (major == 2 && minor >= 2));
  if (facts.xi22) {
    int count = 0;
    XIDeviceInfo* devices = XIQueryDevice(display, XIAllDevices, &count);
    for (int i = 0; i < count; ++i) {
      // Slave devices are the real ones; a master pointer repeats its slaves' classes.
      if (devices[i].use == XIMasterPointer || devices[i].use == XIMasterKeyboard) continue;
      for (int c = 0; c < devices[i].num_classes; ++c) {
        if (devices[i].classes[c]->type != XITouchClass) continue;
        const auto* touch = reinterpret_cast<const XITouchClassInfo*>(devices[i].classes[c]);
        facts.devices.push_back({.name = devices[i].name ? devices[i].name : "?",
                                 .direct = touch->mode == XIDirectTouch,
                                 .touches = touch->num_touches});
      }
    }
    XIFreeDeviceInfo(devices);
  }
  XCloseDisplay(display);
  return facts;
}

}  // namespace atelier::platform
