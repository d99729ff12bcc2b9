// Loading GLSL ES 3.00 shaders from files and linking them, with errors a person can act on:
// the message names the file and the line the driver's info log points at. Needs a current
// OpenGL ES 3.0 context (except ShaderLogLine, which is plain text parsing).
#pragma once
#include <GLES3/gl3.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace atelier::render {

// The first source line an info log points at: Mesa "0:12(5): error", ANGLE/Adreno
// "ERROR: 0:12: …", NVIDIA "0(12) : error …". nullopt when the log names no line.
std::optional<int> ShaderLogLine(std::string_view log);

// Compiles the vertex and fragment shader files and links them. The caller owns the program
// (glDeleteProgram); the shader objects are deleted once linked.
core::Result<GLuint> LoadProgram(const std::string& vertex_path, const std::string& fragment_path);

}  // namespace atelier::render
