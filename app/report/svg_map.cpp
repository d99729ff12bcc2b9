#include "report/svg_map.h"

#include <cstdio>
#include <fstream>
#include <map>

#include "report/pending_file.h"

namespace atelier::report {

namespace {

std::string Num(float v) {
  char out[32];
  std::snprintf(out, sizeof out, "%.2f", static_cast<double>(v));
  std::string s = out;  // 12.50 → 12.5, 3.00 → 3
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string Hex(render::Rgba c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r, c.g, c.b);
  return out;
}

std::string Opacity(const char* attribute, render::Rgba c) {
  if (c.a == 255) return {};
  return std::string(" ") + attribute + "=\"" + Num(c.a / 255.0f) + "\"";
}

bool Same(render::Rgba a, render::Rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

// Vertical gradients, one definition per pair of colours.
class Gradients {
 public:
  std::string Id(render::Rgba top, render::Rgba bottom) {
    const std::string key = Hex(top) + Num(top.a) + Hex(bottom) + Num(bottom.a);
    auto [it, fresh] = m_ids.emplace(key, std::string("g").append(std::to_string(m_ids.size() + 1)));
    if (fresh)
      m_defs += "<linearGradient id=\"" + it->second + "\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"" +
                Hex(top) + "\"" + Opacity("stop-opacity", top) + "/><stop offset=\"1\" stop-color=\"" + Hex(bottom) +
                "\"" + Opacity("stop-opacity", bottom) + "/></linearGradient>\n";
    return it->second;
  }
  const std::string& defs() const { return m_defs; }

 private:
  std::map<std::string, std::string> m_ids;
  std::string m_defs;
};

void Shape(std::string& out, const VectorShape& s, Gradients& gradients) {
  out += "<rect x=\"" + Num(s.x) + "\" y=\"" + Num(s.y) + "\" width=\"" + Num(s.w) + "\" height=\"" + Num(s.h) + "\"";
  if (s.radius > 0) out += " rx=\"" + Num(s.radius) + "\"";
  if (s.kind == VectorShape::Kind::Stroke) {
    out += " fill=\"none\" stroke=\"" + Hex(s.top) + "\"" + Opacity("stroke-opacity", s.top) + " stroke-width=\"" +
           Num(s.stroke) + "\"/>\n";
  } else if (Same(s.top, s.bottom)) {
    out += " fill=\"" + Hex(s.top) + "\"" + Opacity("fill-opacity", s.top) + "/>\n";
  } else {
    out += " fill=\"url(#" + gradients.Id(s.top, s.bottom) + ")\"/>\n";
  }
}

const char* Anchor(render::TextAnchor a) {
  return a == render::TextAnchor::Middle ? "middle" : a == render::TextAnchor::End ? "end" : "start";
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;  // not allowed in XML 1.0
        out += ch;
    }
  }
  return out;
}

std::string MapToSvg(const VectorMap& map, std::string_view title) {
  Gradients gradients;
  std::string body;
  const auto& quads = map.list.quads();
  const auto& texts = map.list.texts();
  std::size_t next_text = 0;
  auto flush_texts = [&](std::size_t before_quad) {
    while (next_text < texts.size() && texts[next_text].before_quad <= before_quad) {
      const render::TextRun& first = texts[next_text];
      body += "<text font-size=\"" + Num(first.size) + "\" fill=\"" + Hex(first.colour) + "\"" +
              Opacity("fill-opacity", first.colour) + " text-anchor=\"" + Anchor(first.anchor) + "\"" +
              (IsBold(first.weight) ? " font-weight=\"bold\"" : "") + ">";
      std::size_t i = next_text;
      for (; i < texts.size() && texts[i].block == first.block; ++i) {
        const bool last = i + 1 == texts.size() || texts[i + 1].block != first.block;
        // The space the line broke at keeps the words apart when the text is copied or searched
        // (a word split for being too long for a line stays one word).
        body += "<tspan x=\"" + Num(texts[i].x) + "\" y=\"" + Num(texts[i].baseline) + "\">" + XmlEscape(texts[i].text) +
                (!last && texts[i].space_after ? " " : "") + "</tspan>";
      }
      body += "</text>\n";
      next_text = i;
    }
  };
  for (std::size_t q = 0; q < quads.size(); ++q) {
    flush_texts(q);
    VectorShape shape = ShapeOf(quads[q]);
    if (shape.kind != VectorShape::Kind::Skip) Shape(body, shape, gradients);
  }
  flush_texts(quads.size());

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + Num(map.width) + "\" height=\"" +
         Num(map.height) + "\" viewBox=\"0 0 " + Num(map.width) + " " + Num(map.height) +
         "\" font-family=\"Andika, 'DejaVu Sans', sans-serif\">\n";
  out += "<title>" + XmlEscape(title) + "</title>\n";
  if (!gradients.defs().empty()) out += "<defs>\n" + gradients.defs() + "</defs>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"" + Hex(render::WithAlpha(map.margin, 1)) + "\"/>\n";
  out += body;
  out += "</svg>\n";
  return out;
}

core::Status WriteMapSvg(const core::Board& board, const SvgOptions& options, const std::filesystem::path& path) {
  PendingFile file(path);
  if (core::Status opened = file.Open(); !opened.ok()) return opened;
  auto map = PaintVectorMap(board, options.font_path, static_cast<float>(options.width),
                            static_cast<float>(options.height), options.lang);
  if (!map.ok()) return map.error();
  const std::string svg = MapToSvg(map.value(), board.map_template().title.In(options.lang));
  {
    std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
    out.write(svg.data(), static_cast<std::streamsize>(svg.size()));
    out.flush();
    if (!out) return core::Error{"cannot write " + path.string() + " (disk full?)"};
  }
  return file.Commit();
}

}  // namespace atelier::report
