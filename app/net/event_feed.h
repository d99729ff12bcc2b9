// The session's events for the live stream (GET /api/events, docs/phones.md), between the
// frame loop — the one that commits events and the only one that appends here — and the phone
// server's threads, which read. Each event is held as its JSON Lines line (store's own
// serialiser), so a reader never touches the Board. Readers wait on a condition variable, with
// a timeout, for events after the last one they sent. Bounded memory: beyond max_bytes the
// oldest events are dropped (a reader that asks for one of them is told, `gap`). Thread-safe.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "core/event.h"
#include "store/session_file.h"

namespace atelier::net {

class EventFeed {
 public:
  struct Item {
    std::int64_t seq = 0;
    std::string json;  // the event's JSON Lines line
  };
  // What a reader gets: the events after the one it asked for (at most `max`), in order.
  struct Batch {
    std::vector<Item> events;
    bool closed = false;   // the server is stopping: end the stream
    bool reset = false;    // another session since the reader started (generation changed)
    bool gap = false;      // the reader asked for events the feed no longer holds
  };

  explicit EventFeed(std::size_t max_bytes = kMaxBytes) : m_max_bytes(max_bytes) {}

  // Frame loop: a new session (or the first): its header line, and no events yet. Readers of
  // the previous one are told `reset`.
  void Reset(const store::SessionMeta& meta);
  void Reset(std::string header_json);
  // Frame loop: an event committed to the session; seq must follow the last one (others are
  // ignored: the feed never holds a hole).
  void Append(const core::Event& event);
  void Append(std::int64_t seq, std::string json);

  // Server threads. The header line and generation a stream starts with.
  std::string header(std::uint64_t* generation = nullptr) const;
  // Waits at most `timeout` for events after `after`; returns at once when there are some, or
  // when closed or reset.
  Batch Wait(std::int64_t after, std::uint64_t generation, std::chrono::milliseconds timeout,
             std::size_t max = 512) const;

  // The server stops: every waiting reader wakes and ends its stream. Reopen: it starts again.
  void Close();
  void Reopen();

  std::int64_t last_seq() const;
  std::uint64_t generation() const;  // 0 until the first Reset
  std::size_t size() const;   // events held
  std::size_t bytes() const;  // their JSON's bytes

  static constexpr std::size_t kMaxBytes = std::size_t{64} << 20;  // ~300 000 events of ~200 B

 private:
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_changed;
  std::deque<Item> m_items;
  std::string m_header;
  std::uint64_t m_generation = 0;
  std::int64_t m_last_seq = 0;
  std::size_t m_bytes = 0;
  std::size_t m_max_bytes;
  bool m_closed = false;
};

}  // namespace atelier::net
