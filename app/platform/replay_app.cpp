#include "platform/replay_app.h"

#include <cstdio>

namespace atelier::platform {

// The replay screen is being written (issue "Replay a workshop afterwards"); until then the
// command says so plainly instead of pretending.
int RunReplay(const ReplayOptions& options) {
  std::fprintf(stderr, "atelier: replay of %s is not available in this build yet\n", options.session.c_str());
  return 1;
}

}  // namespace atelier::platform
