#include "set_cache.h"

#include <cstdint>

namespace fouille::searcher {
namespace {

std::size_t size_of(const DocSet& set) { return set.words() * sizeof(std::uint64_t); }

}  // namespace

std::shared_ptr<const DocSet> SetCache::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = where_.find(key);
  if (it == where_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void SetCache::add(const std::string& key, std::shared_ptr<const DocSet> set) {
  const std::size_t size = size_of(*set);
  std::lock_guard lock(mutex_);
  if (size > budget_) return;
  if (auto it = where_.find(key); it != where_.end()) {
    bytes_ -= size_of(*it->second->second);
    order_.erase(it->second);
    where_.erase(it);
  }
  order_.emplace_front(key, std::move(set));
  where_[key] = order_.begin();
  bytes_ += size;
  while (bytes_ > budget_) {
    bytes_ -= size_of(*order_.back().second);
    where_.erase(order_.back().first);
    order_.pop_back();
  }
}

std::size_t SetCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t SetCache::size() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

}  // namespace fouille::searcher
