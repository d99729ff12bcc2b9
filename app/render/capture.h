// Reading back what was drawn and saving it as PNG: screenshots for the facilitator, exports and
// the end-to-end tests. CaptureFramebuffer needs a current GL context; WritePng does not.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace atelier::render {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width × height × 4 bytes, top row first
};

// glReadPixels of the currently bound read framebuffer (RGBA8, GL_PACK_ALIGNMENT 1), flipped
// so that row 0 is the top of the picture.
Image CaptureFramebuffer(int width, int height);

// Writes image as a PNG at path; an error says which file could not be written.
core::Status WritePng(const Image& image, const std::string& path);

}  // namespace atelier::render
