#include "session_pool.h"

namespace fouille::server {

SessionPool::Lease SessionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      auto session = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(session));
    }
  }
  // Opened outside the lock: opening takes a few milliseconds.
  return Lease(*this, std::make_unique<searcher::Session>(index_));
}

void SessionPool::give_back(std::unique_ptr<searcher::Session> session) {
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(session));
}

}  // namespace fouille::server
