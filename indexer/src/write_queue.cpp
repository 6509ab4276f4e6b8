#include "write_queue.h"

namespace fouille::indexer {
namespace {

// Parsed files (or parts) waiting for the writer, at most; and the text
// they may hold together (their documents take about ten times as much).
constexpr std::size_t kQueueCapacity = 64;
constexpr std::size_t kQueueBytes = 4 << 20;

}  // namespace

void WriteQueue::push(Parsed p) {
  std::unique_lock lock(mutex_);
  // One part is always let in, however large: a text document alone.
  not_full_.wait(lock, [&] {
    return (items_.size() < kQueueCapacity && (items_.empty() || bytes_ + p.bytes <= kQueueBytes)) || closed_;
  });
  if (closed_) return;
  bytes_ += p.bytes;
  items_.push_back(std::move(p));
  not_empty_.notify_one();
}

std::optional<Parsed> WriteQueue::pop() {
  std::unique_lock lock(mutex_);
  not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
  if (items_.empty()) return std::nullopt;
  Parsed p = std::move(items_.front());
  items_.pop_front();
  bytes_ -= p.bytes;
  not_full_.notify_all();
  return p;
}

void WriteQueue::producer_done() {
  std::lock_guard lock(mutex_);
  --producers_;
  not_empty_.notify_all();
}

void WriteQueue::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  items_.clear();
  bytes_ = 0;
  not_full_.notify_all();
}

}  // namespace fouille::indexer
