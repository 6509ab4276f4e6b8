// Private: the parts the parsing threads hand to the one writer of an
// update, bounded in number and in text, so that readers never run far ahead
// of the writer.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "parts.h"

namespace fouille::indexer {

class WriteQueue {
 public:
  explicit WriteQueue(int producers) : producers_(producers) {}
  /// Waits for room; drops the part once the queue is closed.
  void push(Parsed p);
  /// The next part, or nothing once every producer is done and all is taken.
  std::optional<Parsed> pop();
  void producer_done();
  /// The writer stopped early: unblocks the producers and drops the rest.
  void close();

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Parsed> items_;
  std::size_t bytes_ = 0;
  int producers_;
  bool closed_ = false;
};

}  // namespace fouille::indexer
