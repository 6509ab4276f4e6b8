// Private: Sessions for the request threads. A Session is not thread-safe;
// a request borrows one for its duration and gives it back, so there are
// never more Sessions than requests once in flight, and each keeps its
// caches (analyser, open database) from one request to the next.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "fouille/searcher/index.h"
#include "fouille/searcher/session.h"

namespace fouille::server {

class SessionPool {
 public:
  explicit SessionPool(std::shared_ptr<searcher::Index> index) : index_(std::move(index)) {}

  /// A borrowed Session, returned to the pool when destroyed (or dropped,
  /// after discard(), when it failed mid-request).
  class Lease {
   public:
    Lease(SessionPool& pool, std::unique_ptr<searcher::Session> session) : pool_(pool), session_(std::move(session)) {}
    ~Lease() {
      if (session_) pool_.give_back(std::move(session_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    searcher::Session* operator->() { return session_.get(); }
    void discard() { session_.reset(); }

   private:
    SessionPool& pool_;
    std::unique_ptr<searcher::Session> session_;
  };

  /// A free Session, or a new one; throws IndexError when the database
  /// cannot be opened.
  Lease acquire();
  const std::shared_ptr<searcher::Index>& index() const { return index_; }

 private:
  void give_back(std::unique_ptr<searcher::Session> session);

  std::shared_ptr<searcher::Index> index_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<searcher::Session>> free_;
};

}  // namespace fouille::server
