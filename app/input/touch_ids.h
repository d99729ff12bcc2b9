// A touchscreen names each finger's touch with an arbitrary number that is never reused (X's
// touch ids); the board wants small pointer ids like the mouse's 0. A new touch gets the lowest
// id free at that moment, so the first finger is pointer 0 and ids come back as fingers lift.
#pragma once
#include <cstdint>
#include <map>
#include <optional>

namespace atelier::input {

class TouchIds {
 public:
  int Begin(std::uint32_t touch);                 // a touch already known keeps its id
  std::optional<int> Find(std::uint32_t touch) const;
  std::optional<int> End(std::uint32_t touch);    // the id it had, now free
  std::size_t down() const { return m_ids.size(); }

 private:
  std::map<std::uint32_t, int> m_ids;
};

}  // namespace atelier::input
