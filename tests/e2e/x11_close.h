// What a window manager sends when someone presses Alt+F4 or a window's close button: the ICCCM
// WM_DELETE_WINDOW client message. Xvfb runs no window manager, so tests send it themselves. (Its
// own file: Xlib's macros — Status, None, Bool — must not meet other headers.)
#pragma once
#include <string>

namespace atelier::e2e {

// Sends the close request to the window (decimal id, as `xdotool search` prints it) on $DISPLAY.
// False when the display cannot be opened or the id is not a number.
bool RequestWindowClose(const std::string& window);

}  // namespace atelier::e2e
