#version 300 es
// Coverage for one quad: a rounded rectangle's signed distance (filled, soft, or outlined) or
// an SDF glyph from the atlas (edge at 0.5). Output is straight (non-premultiplied) alpha.
precision highp float;

in vec2 v_pos;
in vec2 v_uv;
in vec4 v_colour;
flat in vec4 v_shape;
flat in vec4 v_params;

uniform sampler2D u_atlas;

out vec4 o_colour;

float RoundRectDistance(vec2 p, vec2 half_size, float radius) {
  vec2 q = abs(p) - half_size + radius;
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - radius;
}

void main() {
  int kind = int(v_params.x + 0.5);
  // Sampled for every kind so the derivative is taken in uniform control flow.
  float field = texture(u_atlas, v_uv).r;
  float field_width = fwidth(field);
  float coverage;
  if (kind == 2) {  // glyph
    float edge = 0.5 + v_params.z;
    float w = max(field_width * 0.7, 0.002);
    coverage = smoothstep(edge - w, edge + w, field);
  } else {
    float d = RoundRectDistance(v_pos - v_shape.xy, v_shape.zw, v_params.y);
    if (kind == 0) {  // fill, 1 px anti-aliased edge
      coverage = clamp(0.5 - d, 0.0, 1.0);
    } else if (kind == 1) {  // soft: shadow or glow
      float t = 1.0 - smoothstep(v_params.z, v_params.w, d);
      coverage = t * t;
    } else {  // ring of v_params.z px inside the edge
      float half_stroke = v_params.z * 0.5;
      coverage = clamp(half_stroke + 0.5 - abs(d + half_stroke), 0.0, 1.0);
    }
  }
  o_colour = vec4(v_colour.rgb, v_colour.a * coverage);
}
