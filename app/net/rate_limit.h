// Rate limits as token buckets by key (a phone, an address, or one key for everyone): each key
// may spend `per_minute` tokens in a burst and gets them back evenly over a minute. Time is
// passed in (milliseconds, any steady origin). Thread-safe. At most max_keys keys are tracked;
// beyond that, unknown keys share one overflow bucket, so a flood of new keys cannot grow
// memory or escape the limit.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace atelier::net {

class RateLimit {
 public:
  explicit RateLimit(int per_minute, std::size_t max_keys = 4096) : m_per_minute(per_minute), m_max_keys(max_keys) {}

  // Spends one token of key's bucket; false (and nothing spent) when it is empty.
  bool Allow(const std::string& key, std::int64_t now_ms);

  int per_minute() const { return m_per_minute; }

 private:
  struct Bucket {
    double tokens = 0;
    std::int64_t last_ms = 0;
  };
  void Refill(Bucket& b, std::int64_t now_ms) const;

  const int m_per_minute;
  const std::size_t m_max_keys;
  std::mutex m_mutex;
  std::unordered_map<std::string, Bucket> m_buckets;
  Bucket m_overflow{static_cast<double>(m_per_minute), 0};
  bool m_overflow_started = false;
};

}  // namespace atelier::net
