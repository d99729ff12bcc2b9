#include "core/card_map.h"

#include <algorithm>

namespace atelier::core {

namespace {
constexpr std::size_t kChunkCards = 32;  // a chunk splits in two beyond twice this
}

CardMap::CardMap(const std::map<CardId, Card>& cards) {
  for (const auto& [id, card] : cards) {
    if (m_chunks.empty() || m_chunks.back()->entries.size() >= kChunkCards)
      m_chunks.push_back(std::make_shared<CardChunk>());
    m_chunks.back()->entries.push_back(std::make_shared<value_type>(id, card));
  }
  m_size = cards.size();
}

std::size_t CardMap::ChunkFor(CardId id) const {
  if (m_chunks.empty()) return 0;
  // The last chunk whose first id is ≤ id (or the first chunk).
  auto it = std::upper_bound(m_chunks.begin(), m_chunks.end(), id,
                             [](CardId v, const std::shared_ptr<CardChunk>& c) { return v < c->first(); });
  return it == m_chunks.begin() ? 0 : static_cast<std::size_t>(it - m_chunks.begin()) - 1;
}

namespace {
auto EntryAt(const CardChunk& chunk, CardId id) {
  return std::lower_bound(chunk.entries.begin(), chunk.entries.end(), id,
                          [](const std::shared_ptr<CardMap::value_type>& e, CardId v) { return e->first < v; });
}
}  // namespace

CardMap::const_iterator CardMap::find(CardId id) const {
  if (m_chunks.empty()) return end();
  const std::size_t c = ChunkFor(id);
  const CardChunk& chunk = *m_chunks[c];
  auto it = EntryAt(chunk, id);
  if (it == chunk.entries.end() || (*it)->first != id) return end();
  return {&m_chunks, c, static_cast<std::size_t>(it - chunk.entries.begin())};
}

bool CardMap::operator==(const CardMap& other) const {
  if (m_size != other.m_size) return false;
  for (auto a = begin(), b = other.begin(); a != end(); ++a, ++b)
    if (&*a != &*b && !(a->second == b->second)) return false;
  return true;
}

Card* CardMap::Mutable(CardId id) {
  if (m_chunks.empty()) return nullptr;
  std::shared_ptr<CardChunk>& chunk = m_chunks[ChunkFor(id)];
  auto it = EntryAt(*chunk, id);
  if (it == chunk->entries.end() || (*it)->first != id) return nullptr;
  const auto index = it - chunk->entries.begin();
  if (chunk.use_count() > 1) chunk = std::make_shared<CardChunk>(*chunk);  // shares its cards still
  std::shared_ptr<value_type>& entry = chunk->entries[static_cast<std::size_t>(index)];
  if (entry.use_count() > 1) entry = std::make_shared<value_type>(*entry);
  return &entry->second;
}

void CardMap::Put(const Card& card) {
  if (Card* there = Mutable(card.id)) {
    *there = card;
    return;
  }
  if (m_chunks.empty()) {
    m_chunks.push_back(std::make_shared<CardChunk>());
    m_chunks.back()->entries.push_back(std::make_shared<value_type>(card.id, card));
    m_size = 1;
    return;
  }
  const std::size_t c = ChunkFor(card.id);
  std::shared_ptr<CardChunk>& chunk = m_chunks[c];
  if (chunk.use_count() > 1) chunk = std::make_shared<CardChunk>(*chunk);
  const auto at = EntryAt(*chunk, card.id);
  chunk->entries.insert(at, std::make_shared<value_type>(card.id, card));
  ++m_size;
  if (chunk->entries.size() > 2 * kChunkCards) {  // split: the upper half becomes the next chunk
    auto upper = std::make_shared<CardChunk>();
    upper->entries.assign(chunk->entries.begin() + kChunkCards, chunk->entries.end());
    chunk->entries.resize(kChunkCards);
    m_chunks.insert(m_chunks.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(upper));
  }
}

bool CardMap::Erase(CardId id) {
  if (m_chunks.empty()) return false;
  const std::size_t c = ChunkFor(id);
  std::shared_ptr<CardChunk>& chunk = m_chunks[c];
  auto it = EntryAt(*chunk, id);
  if (it == chunk->entries.end() || (*it)->first != id) return false;
  const auto index = it - chunk->entries.begin();
  if (chunk.use_count() > 1) chunk = std::make_shared<CardChunk>(*chunk);
  chunk->entries.erase(chunk->entries.begin() + index);
  if (chunk->entries.empty()) m_chunks.erase(m_chunks.begin() + static_cast<std::ptrdiff_t>(c));
  --m_size;
  return true;
}

}  // namespace atelier::core
