#include "read_ahead.h"

#include <chrono>
#include <sys/stat.h>
#include <thread>

#include <gtest/gtest.h>

#include "fouille/testsupport/scratch_dir.h"

namespace fouille::indexer {
namespace {

// Waits (at most 10 s) for `ahead` to have advised `n` files; then a moment
// more, so that a thread going past `n` would be seen.
std::size_t settle(const ReadAhead& ahead, std::size_t n) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (ahead.advised() < n && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return ahead.advised();
}

class ReadAheadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 10; ++i) {
      paths_.push_back((dir_ / ("doc-" + std::to_string(i) + ".txt")).string());
      test::write_file(paths_.back(), std::string(1000, 'a'));
      order_.push_back(static_cast<std::size_t>(i));
    }
  }
  ReadAhead make(std::size_t files, std::uint64_t bytes) {
    return ReadAhead([this](std::size_t i) -> const std::string& { return paths_[i]; },
                     [](std::size_t) { return std::uint64_t{1000}; }, order_, files, bytes);
  }
  test::ScratchDir dir_{"read-ahead"};
  std::vector<std::string> paths_;
  std::vector<std::size_t> order_;
};

TEST_F(ReadAheadTest, StaysWithinItsWindowOfFilesAndMovesWithTheTakenOnes) {
  ReadAhead ahead = make(4, 1 << 20);
  EXPECT_EQ(settle(ahead, 4), 4u);  // nothing taken: the first four only
  ahead.taken(2);                   // files 0..2 taken: up to file 6
  EXPECT_EQ(settle(ahead, 7), 7u);
  ahead.taken(6);
  EXPECT_EQ(settle(ahead, 10), 10u);
}

TEST_F(ReadAheadTest, StaysWithinItsWindowOfBytes) {
  ReadAhead ahead = make(100, 2500);  // 1000 bytes a file: the third goes past 2500
  EXPECT_EQ(settle(ahead, 3), 3u);
  ahead.taken(0);
  EXPECT_EQ(settle(ahead, 4), 4u);
}

TEST_F(ReadAheadTest, SkipsWhatTheThreadsWentPast) {
  ReadAhead ahead = make(2, 1 << 20);
  EXPECT_EQ(settle(ahead, 2), 2u);
  ahead.taken(7);  // files 2..7 were taken before their turn: only 8 and 9 are left
  EXPECT_EQ(settle(ahead, 4), 4u);
}

TEST_F(ReadAheadTest, AMissingFileOrAPipeNeitherStopsNorBlocksIt) {
  std::filesystem::remove(paths_[1]);
  std::filesystem::remove(paths_[2]);
  ASSERT_EQ(::mkfifo(paths_[2].c_str(), 0600), 0);
  ReadAhead ahead = make(100, 1 << 20);
  EXPECT_EQ(settle(ahead, 10), 10u);
}

}  // namespace
}  // namespace fouille::indexer
