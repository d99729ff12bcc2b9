#version 300 es
// Expands one QuadInstance (render/draw_list.h) into a 4-vertex triangle strip. Positions are
// framebuffer pixels, y down; the fragment shader gets the pixel position for its SDF.
precision highp float;

layout(location = 0) in vec4 a_rect;    // x, y, w, h (px)
layout(location = 1) in vec4 a_shape;   // shape centre + half size (px), or atlas rect (atlas px)
layout(location = 2) in vec4 a_params;  // kind, radius, kind-specific, kind-specific
layout(location = 3) in vec4 a_top;     // colour at the top (normalised from bytes)
layout(location = 4) in vec4 a_bottom;  // colour at the bottom

uniform vec2 u_target_size;  // framebuffer size, px
uniform vec2 u_atlas_size;   // glyph atlas size, px

out vec2 v_pos;
out vec2 v_uv;
out vec4 v_colour;
flat out vec4 v_shape;
flat out vec4 v_params;

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  vec2 pos = a_rect.xy + corner * a_rect.zw;
  v_pos = pos;
  v_uv = mix(a_shape.xy, a_shape.zw, corner) / u_atlas_size;
  v_colour = mix(a_top, a_bottom, corner.y);
  v_shape = a_shape;
  v_params = a_params;
  gl_Position = vec4(pos.x / u_target_size.x * 2.0 - 1.0, 1.0 - pos.y / u_target_size.y * 2.0, 0.0, 1.0);
}
