#include "net/phone_desk.h"

namespace atelier::net {

std::optional<Answer> PhoneDesk::Seen(const std::string& key) const {
  std::lock_guard lock(m_mutex);
  if (auto it = m_seen.find(key); it != m_seen.end()) return it->second;
  return std::nullopt;
}

std::optional<Answer> PhoneDesk::Hand(PhoneCard card, std::chrono::milliseconds wait) {
  auto pending = std::make_shared<Pending>(Pending{.card = std::move(card)});
  std::function<void()> wake;
  {
    std::lock_guard lock(m_mutex);
    if (m_closed) return std::nullopt;
    m_waiting.push_back(pending);
    wake = m_wake;
  }
  if (wake) wake();
  std::unique_lock lock(m_mutex);
  m_answered.wait_for(lock, wait, [&] { return pending->answer.has_value() || m_closed; });
  return pending->answer;  // still queued when it timed out: the frame loop serves it later
}

int PhoneDesk::Serve(const std::function<Answer(const PhoneCard&)>& decide) {
  std::deque<std::shared_ptr<Pending>> batch;
  {
    std::lock_guard lock(m_mutex);
    batch.swap(m_waiting);
  }
  if (batch.empty()) return 0;
  for (const std::shared_ptr<Pending>& p : batch) {
    std::optional<Answer> known = Seen(p->card.request.key);  // the same key twice: one card
    Answer answer = known ? *known : decide(p->card);
    std::lock_guard lock(m_mutex);
    if (!known && (answer.status == 201 || answer.status == 202)) {
      m_seen.emplace(p->card.request.key, answer);
      m_seen_order.push_back(p->card.request.key);
      if (m_seen_order.size() > kMaxRemembered) {
        m_seen.erase(m_seen_order.front());
        m_seen_order.pop_front();
      }
    }
    p->answer = std::move(answer);
  }
  m_answered.notify_all();
  return static_cast<int>(batch.size());
}

void PhoneDesk::SetWake(std::function<void()> wake) {
  std::lock_guard lock(m_mutex);
  m_wake = std::move(wake);
}

void PhoneDesk::Close() {
  {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_waiting.clear();
  }
  m_answered.notify_all();
}

void PhoneDesk::Reopen() {
  std::lock_guard lock(m_mutex);
  m_closed = false;
}

std::optional<Answer> PhoneDesk::State(const std::string& key) const {
  std::lock_guard lock(m_mutex);
  if (auto it = m_states.find(key); it != m_states.end()) return it->second;
  if (auto it = m_seen.find(key); it != m_seen.end()) return it->second;
  return std::nullopt;
}

void PhoneDesk::PublishStates(std::unordered_map<std::string, Answer> states) {
  std::lock_guard lock(m_mutex);
  m_states = std::move(states);
}

std::size_t PhoneDesk::remembered() const {
  std::lock_guard lock(m_mutex);
  return m_seen.size();
}

}  // namespace atelier::net
