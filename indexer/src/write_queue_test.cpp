#include "write_queue.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace fouille::indexer {
namespace {

Parsed part(std::size_t file, std::size_t bytes) {
  Parsed p;
  p.file = file;
  p.bytes = bytes;
  return p;
}

TEST(WriteQueue, HandsOverEveryPartInOrderThenEnds) {
  WriteQueue queue(1);
  std::thread producer([&] {
    for (std::size_t i = 0; i < 200; ++i) queue.push(part(i, 1000));
    queue.producer_done();
  });
  std::vector<std::size_t> seen;
  while (auto p = queue.pop()) seen.push_back(p->file);
  producer.join();
  ASSERT_EQ(seen.size(), 200u);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i);
}

// A part larger than the whole budget still goes through, alone.
TEST(WriteQueue, LetsAnOversizedPartInWhenEmpty) {
  WriteQueue queue(1);
  queue.push(part(7, std::size_t{1} << 30));
  queue.producer_done();
  auto p = queue.pop();
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->file, 7u);
  EXPECT_FALSE(queue.pop().has_value());
}

// The writer stopping early unblocks producers waiting for room.
TEST(WriteQueue, CloseReleasesBlockedProducers) {
  WriteQueue queue(2);
  std::atomic<int> finished{0};
  std::vector<std::thread> producers;
  for (int t = 0; t < 2; ++t) {
    producers.emplace_back([&] {
      for (std::size_t i = 0; i < 1000; ++i) queue.push(part(i, 1 << 20));  // far over the budget
      ++finished;
      queue.producer_done();
    });
  }
  ASSERT_TRUE(queue.pop().has_value());
  queue.close();
  for (auto& t : producers) t.join();
  EXPECT_EQ(finished.load(), 2);
  EXPECT_FALSE(queue.pop().has_value());
}

}  // namespace
}  // namespace fouille::indexer
