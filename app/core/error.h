// Errors a user can cause are values: Result<T> holds either a T or an Error whose message
// is fit to show (French in the UI, English on the CLI — the caller picks which to show).
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace atelier::core {

struct Error {
  std::string message;  // one sentence, says what happened and, when useful, what to do
};

template <class T>
class Result {
 public:
  Result(T value) : m_v(std::move(value)) {}
  Result(Error error) : m_v(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(m_v); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(m_v); }
  const T& value() const { return std::get<T>(m_v); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<Error>(m_v); }

 private:
  std::variant<T, Error> m_v;
};

struct Ok {};
using Status = Result<Ok>;

}  // namespace atelier::core
