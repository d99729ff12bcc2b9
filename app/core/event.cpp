#include "core/event.h"

namespace atelier::core {

std::string_view ActorName(Actor a) {
  switch (a) {
    case Actor::Kiosk: return "kiosk";
    case Actor::Facilitator: return "facilitator";
    case Actor::Phone: return "phone";
  }
  return "kiosk";
}

namespace {
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
}  // namespace

std::string_view EventTypeName(const EventData& data) {
  return std::visit(Overloaded{
                        [](const CardAdded&) { return std::string_view("card_added"); },
                        [](const CardMoved&) { return std::string_view("card_moved"); },
                        [](const CardEdited&) { return std::string_view("card_edited"); },
                        [](const CardDeleted&) { return std::string_view("card_deleted"); },
                        [](const CardRestored&) { return std::string_view("card_restored"); },
                    },
                    data);
}

}  // namespace atelier::core
