// Where events go before they change the board. The session file (store/) is the durable
// journal; MemoryJournal keeps them in RAM for tests and for runs without a file.
#pragma once
#include <string>
#include <vector>

#include "core/event.h"

namespace atelier::core {

class Journal {
 public:
  virtual ~Journal() = default;
  // Records the event. The journal never refuses: when it cannot write durably it keeps the
  // event and says so through healthy()/problem(), and writes it once it can.
  virtual void Append(const Event& event) = 0;
  virtual bool healthy() const { return true; }
  virtual std::string problem() const { return {}; }  // French, empty when healthy
};

class MemoryJournal final : public Journal {
 public:
  void Append(const Event& event) override { m_events.push_back(event); }
  const std::vector<Event>& events() const { return m_events; }

 private:
  std::vector<Event> m_events;
};

}  // namespace atelier::core
