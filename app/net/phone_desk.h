// The hand-over between the phone server's threads and the frame loop, the session's one
// owner. A handler hands a card over (Hand) and waits, a bounded time, for the frame loop's
// answer; the frame loop answers every waiting card once a frame (Serve), on its own thread,
// so only it submits Commands. The desk remembers the answer given for each key, so a card
// sent twice (a retry after the Wi-Fi dropped, even after the first answer) lands once.
// Thread-safe.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "net/card_request.h"

namespace atelier::net {

// A card from a phone, checked (CheckCardFields) and ready for the board.
struct PhoneCard {
  CardRequest request;
  std::string phone;  // the phone's anonymous id (PhoneIdOf its cookie)
};

// What the server answers: the HTTP status, the "state" (success) or "error" word, and the
// message in French (the catalogue's source string; the server translates it per phone).
struct Answer {
  int status = 0;
  bool error = false;
  std::string word;      // "on_board" · "bad_field", "locked", "busy" … (docs/phones.md)
  std::string french;
  std::vector<std::string> args;
  std::string field;     // bad_field: which one
  std::int64_t card = 0;  // on_board: the card's id
};

class PhoneDesk {
 public:
  // Any thread: the answer already given for this key, if any.
  std::optional<Answer> Seen(const std::string& key) const;

  // Server threads: hands the card to the frame loop and waits at most `wait` for its answer.
  // nullopt when the frame loop did not answer in time (the card may still land later: the
  // phone retries with the same key) or the desk is closed.
  std::optional<Answer> Hand(PhoneCard card, std::chrono::milliseconds wait);

  // Frame loop: answers the cards waiting, in order, with decide (which submits the Command);
  // an answer with status 201 or 202 is remembered for its key. Returns how many were served.
  int Serve(const std::function<Answer(const PhoneCard&)>& decide);

  // Called (from a server thread) after a card is handed over, to wake an idle frame loop.
  void SetWake(std::function<void()> wake);

  // No more cards: wakes every waiting handler (they answer "busy") and refuses new ones.
  void Close();
  void Reopen();

  std::size_t remembered() const;

  // Where a phone's card is now, for POST /api/cards/status: what the frame loop published for
  // its key (inbox cards: in_inbox, on_board, refused), else the answer remembered for it
  // (201: on_board; 202: in_inbox). Any thread.
  std::optional<Answer> State(const std::string& key) const;
  // Frame loop: the states of the inbox's cards by key, replacing those published before.
  void PublishStates(std::unordered_map<std::string, Answer> states);

  static constexpr std::size_t kMaxRemembered = 20000;  // keys; the oldest are forgotten

 private:
  struct Pending {
    PhoneCard card;
    std::optional<Answer> answer;
  };

  mutable std::mutex m_mutex;
  std::condition_variable m_answered;
  std::deque<std::shared_ptr<Pending>> m_waiting;
  std::unordered_map<std::string, Answer> m_seen;
  std::deque<std::string> m_seen_order;
  std::unordered_map<std::string, Answer> m_states;
  std::function<void()> m_wake;
  bool m_closed = false;
};

}  // namespace atelier::net
