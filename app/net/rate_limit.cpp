#include "net/rate_limit.h"

#include <algorithm>

namespace atelier::net {

void RateLimit::Refill(Bucket& b, std::int64_t now_ms) const {
  if (now_ms > b.last_ms)
    b.tokens = std::min<double>(m_per_minute, b.tokens + (now_ms - b.last_ms) * m_per_minute / 60000.0);
  b.last_ms = std::max(b.last_ms, now_ms);
}

bool RateLimit::Allow(const std::string& key, std::int64_t now_ms) {
  std::lock_guard lock(m_mutex);
  Bucket* bucket = nullptr;
  if (auto it = m_buckets.find(key); it != m_buckets.end()) {
    bucket = &it->second;
  } else {
    if (m_buckets.size() >= m_max_keys) {  // forget the keys whose bucket is full again
      for (auto at = m_buckets.begin(); at != m_buckets.end();) {
        Refill(at->second, now_ms);
        at = at->second.tokens >= m_per_minute ? m_buckets.erase(at) : std::next(at);
      }
    }
    if (m_buckets.size() < m_max_keys) {
      bucket = &m_buckets.emplace(key, Bucket{static_cast<double>(m_per_minute), now_ms}).first->second;
    } else {
      if (!m_overflow_started) m_overflow.last_ms = now_ms;
      m_overflow_started = true;
      bucket = &m_overflow;
    }
  }
  Refill(*bucket, now_ms);
  if (bucket->tokens < 1) return false;
  bucket->tokens -= 1;
  return true;
}

}  // namespace atelier::net
