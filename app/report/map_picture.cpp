#include "report/map_picture.h"

#include <GLES3/gl3.h>

#include "render/board_renderer.h"
#include "render/capture.h"
#include "report/offscreen_gl.h"
#include "report/pending_file.h"

namespace atelier::report {

core::Status WriteMapPng(const core::Board& board, const PictureOptions& options, const std::filesystem::path& path) {
  PendingFile file(path);
  if (core::Status opened = file.Open(); !opened.ok()) return opened;
  auto gl = OffscreenGl::Create(options.width, options.height);
  if (!gl.ok()) return gl.error();
  auto renderer = render::BoardRenderer::Create({.shader_dir = options.shader_dir, .font_path = options.font_path});
  if (!renderer.ok()) return renderer.error();
  render::BoardView view{.board = &board,
                         .viewport = core::Viewport::Fit(static_cast<float>(options.width), static_cast<float>(options.height)),
                         .framebuffer_w = options.width,
                         .framebuffer_h = options.height,
                         .lang = options.lang};
  renderer.value()->Draw(view);
  glFinish();
  if (glGetError() != GL_NO_ERROR) return core::Error{"drawing the map off-screen failed"};
  render::Image image = render::CaptureFramebuffer(options.width, options.height);
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // opaque, as on screen
  if (core::Status written = render::WritePng(image, file.temp_path()); !written.ok())
    return core::Error{"cannot write " + path.string() + " (disk full?)"};
  return file.Commit();
}

}  // namespace atelier::report
