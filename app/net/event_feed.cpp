#include "net/event_feed.h"

#include "store/session_export.h"

namespace atelier::net {

void EventFeed::Reset(const store::SessionMeta& meta) { Reset(store::HeaderJsonLine(meta)); }

void EventFeed::Reset(std::string header_json) {
  {
    std::lock_guard lock(m_mutex);
    m_items.clear();
    m_header = std::move(header_json);
    ++m_generation;
    m_last_seq = 0;
    m_bytes = 0;
  }
  m_changed.notify_all();
}

void EventFeed::Append(const core::Event& event) { Append(event.seq, store::EventJsonLine(event)); }

void EventFeed::Append(std::int64_t seq, std::string json) {
  {
    std::lock_guard lock(m_mutex);
    if (seq != m_last_seq + 1 && !(m_items.empty() && m_last_seq == 0)) return;
    m_bytes += json.size();
    m_items.push_back({seq, std::move(json)});
    m_last_seq = seq;
    while (m_bytes > m_max_bytes && m_items.size() > 1) {
      m_bytes -= m_items.front().json.size();
      m_items.pop_front();
    }
  }
  m_changed.notify_all();
}

std::string EventFeed::header(std::uint64_t* generation) const {
  std::lock_guard lock(m_mutex);
  if (generation) *generation = m_generation;
  return m_header;
}

EventFeed::Batch EventFeed::Wait(std::int64_t after, std::uint64_t generation, std::chrono::milliseconds timeout,
                                 std::size_t max) const {
  std::unique_lock lock(m_mutex);
  auto ready = [&] { return m_closed || m_generation != generation || m_last_seq > after; };
  m_changed.wait_for(lock, timeout, ready);
  Batch batch;
  batch.closed = m_closed;
  batch.reset = m_generation != generation;
  if (batch.closed || batch.reset || m_items.empty() || m_last_seq <= after) return batch;
  const std::int64_t first = m_items.front().seq;
  if (after + 1 < first) {
    batch.gap = true;
    after = first - 1;
  }
  for (std::size_t i = static_cast<std::size_t>(after + 1 - first); i < m_items.size() && batch.events.size() < max; ++i)
    batch.events.push_back(m_items[i]);
  return batch;
}

void EventFeed::Close() {
  {
    std::lock_guard lock(m_mutex);
    m_closed = true;
  }
  m_changed.notify_all();
}

void EventFeed::Reopen() {
  std::lock_guard lock(m_mutex);
  m_closed = false;
}

std::int64_t EventFeed::last_seq() const {
  std::lock_guard lock(m_mutex);
  return m_last_seq;
}

std::uint64_t EventFeed::generation() const {
  std::lock_guard lock(m_mutex);
  return m_generation;
}

std::size_t EventFeed::size() const {
  std::lock_guard lock(m_mutex);
  return m_items.size();
}

std::size_t EventFeed::bytes() const {
  std::lock_guard lock(m_mutex);
  return m_bytes;
}

}  // namespace atelier::net
