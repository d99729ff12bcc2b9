#include "render/capture.h"

#include <GLES3/gl3.h>
#include <stb/stb_image_write.h>

#include <algorithm>

namespace atelier::render {

Image CaptureFramebuffer(int width, int height) {
  Image image;
  if (width <= 0 || height <= 0) return image;
  image.width = width;
  image.height = height;
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  image.rgba.resize(row * height);
  GLint previous_alignment = 4;
  glGetIntegerv(GL_PACK_ALIGNMENT, &previous_alignment);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glPixelStorei(GL_PACK_ALIGNMENT, previous_alignment);
  for (int y = 0; y < height / 2; ++y)  // GL's row 0 is the bottom
    std::swap_ranges(image.rgba.begin() + y * row, image.rgba.begin() + (y + 1) * row,
                     image.rgba.begin() + (height - 1 - y) * row);
  return image;
}

core::Status WritePng(const Image& image, const std::string& path) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4)
    return core::Error{"Cannot write " + path + ": the image is empty or malformed."};
  if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4))
    return core::Error{"Cannot write the PNG file " + path + " (check the folder exists and is writable)."};
  return core::Ok{};
}

}  // namespace atelier::render
