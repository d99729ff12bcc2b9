// PhoneLink's side of the inbox (net/phone_inbox.h): cards to the inbox, states published.
#include "net/phone_inbox.h"
#include "platform/phone_link.h"

namespace atelier::platform {

net::Answer PhoneLink::ToInbox(const net::PhoneCard& card, LiveSession& live) {
  return net::SendToInbox(*live.session, card);
}

void PhoneLink::PublishInbox(const LiveSession& live) {
  if (live.session->events_so_far() == m_published_events) return;  // nothing happened
  m_published_events = live.session->events_so_far();
  m_desk.PublishStates(net::InboxStates(live.session->board()));
}

}  // namespace atelier::platform
