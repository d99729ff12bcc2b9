// Time is passed in, so tests and replay are deterministic. Milliseconds since an origin the
// clock chooses (the session start for SessionClock).
#pragma once
#include <chrono>
#include <cstdint>

namespace atelier::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t NowMs() const = 0;
};

// Real time since construction (steady, never jumps).
class SteadyClock final : public Clock {
 public:
  SteadyClock() : m_start(std::chrono::steady_clock::now()) {}
  std::int64_t NowMs() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_start).count();
  }

 private:
  std::chrono::steady_clock::time_point m_start;
};

// Time that only moves when told: tests and scripted runs (fixed frame time).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t start_ms = 0) : m_now(start_ms) {}
  std::int64_t NowMs() const override { return m_now; }
  void Advance(std::int64_t ms) { m_now += ms; }
  void Set(std::int64_t ms) { m_now = ms; }

 private:
  std::int64_t m_now;
};

}  // namespace atelier::core
