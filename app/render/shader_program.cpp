#include "render/shader_program.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

namespace atelier::render {

std::optional<int> ShaderLogLine(std::string_view log) {
  static const std::regex kPattern(R"((?:^|[^0-9])[0-9]+(?::([0-9]+)|\(([0-9]+)\)))");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(log.begin(), log.end(), m, kPattern)) return std::nullopt;
  const auto& group = m[1].matched ? m[1] : m[2];
  return std::stoi(group.str());
}

namespace {

std::string FirstLine(std::string_view text) {
  std::size_t end = text.find('\n');
  std::string line(text.substr(0, end));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

std::string InfoLog(GLuint object, bool is_program) {
  GLint length = 0;
  if (is_program)
    glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
  else
    glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
  if (is_program)
    glGetProgramInfoLog(object, length, nullptr, log.data());
  else
    glGetShaderInfoLog(object, length, nullptr, log.data());
  return std::string(log.data());
}

core::Result<GLuint> CompileFile(GLenum type, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{"Cannot open the shader file " + path + "."};
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string source = buffer.str();
  if (source.empty()) return core::Error{"The shader file " + path + " is empty."};
  GLuint shader = glCreateShader(type);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return shader;
  const std::string log = InfoLog(shader, false);
  glDeleteShader(shader);
  std::optional<int> line = ShaderLogLine(log);
  return core::Error{"The shader " + path + " does not compile" +
                     (line ? " (line " + std::to_string(*line) + ")" : std::string()) + ": " + FirstLine(log)};
}

}  // namespace

core::Result<GLuint> LoadProgram(const std::string& vertex_path, const std::string& fragment_path) {
  auto vs = CompileFile(GL_VERTEX_SHADER, vertex_path);
  if (!vs) return vs.error();
  auto fs = CompileFile(GL_FRAGMENT_SHADER, fragment_path);
  if (!fs) {
    glDeleteShader(*vs);
    return fs.error();
  }
  GLuint program = glCreateProgram();
  glAttachShader(program, *vs);
  glAttachShader(program, *fs);
  glLinkProgram(program);
  glDeleteShader(*vs);
  glDeleteShader(*fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok) return program;
  const std::string log = InfoLog(program, true);
  glDeleteProgram(program);
  return core::Error{"The shaders " + vertex_path + " and " + fragment_path + " do not link: " + FirstLine(log)};
}

}  // namespace atelier::render
