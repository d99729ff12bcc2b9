// The cards of a board by id, as a persistent (copy-on-write) map: copying one copies a few
// dozen chunk pointers, not the cards, and a change copies only the chunk and the card it
// touches while another copy still shares them. This is what lets the replay keep snapshots
// close together and restore one in a few microseconds (replay/timeline.h): unchanged cards
// are shared between the snapshots and the board at the playhead.
//
// Reading looks like a const std::map<CardId, Card>: begin/end in id order over
// std::pair<const CardId, Card>, find, size, empty. Only Board changes it (Put, Mutable, Erase).
// Not thread-safe for writes while another thread reads the same object; copies may be read on
// other threads while this one is changed (a change never writes a shared chunk or card).
#pragma once
#include <cstddef>
#include <iterator>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "core/card.h"

namespace atelier::core {

// A run of consecutive cards (by id) of a CardMap, shared between copies until one changes it.
struct CardChunk {
  std::vector<std::shared_ptr<std::pair<const CardId, Card>>> entries;  // ascending ids
  CardId first() const { return entries.front()->first; }
};

class CardMap {
 public:
  using value_type = std::pair<const CardId, Card>;

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = CardMap::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;
    const_iterator() = default;
    reference operator*() const { return *(*m_chunks)[m_chunk]->entries[m_entry]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++m_entry == (*m_chunks)[m_chunk]->entries.size()) ++m_chunk, m_entry = 0;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const const_iterator& o) const { return m_chunk == o.m_chunk && m_entry == o.m_entry; }

   private:
    friend class CardMap;
    const_iterator(const std::vector<std::shared_ptr<CardChunk>>* chunks, std::size_t chunk, std::size_t entry)
        : m_chunks(chunks), m_chunk(chunk), m_entry(entry) {}
    const std::vector<std::shared_ptr<CardChunk>>* m_chunks = nullptr;
    std::size_t m_chunk = 0, m_entry = 0;
  };
  using iterator = const_iterator;

  CardMap() = default;
  explicit CardMap(const std::map<CardId, Card>& cards);

  const_iterator begin() const { return {&m_chunks, 0, 0}; }
  const_iterator end() const { return {&m_chunks, m_chunks.size(), 0}; }
  std::size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  const_iterator find(CardId id) const;
  std::size_t count(CardId id) const { return find(id) == end() ? 0 : 1; }
  bool contains(CardId id) const { return count(id) == 1; }

  // By value: the same cards, however they are shared.
  bool operator==(const CardMap& other) const;

  // The card with this id, to change in place (copied first if another map shares it); null if
  // there is none. Valid until the next change of this map.
  Card* Mutable(CardId id);
  // Adds the card at card.id, or replaces the one there.
  void Put(const Card& card);
  // Removes the card with this id; false if there was none.
  bool Erase(CardId id);

 private:
  // Index of the chunk that holds id or would hold it; m_chunks.size() when there is none.
  std::size_t ChunkFor(CardId id) const;

  std::vector<std::shared_ptr<CardChunk>> m_chunks;  // in id order, none empty
  std::size_t m_size = 0;
};

}  // namespace atelier::core
