// Private: the files the parsing threads will take next, asked of the kernel
// ahead of them. A million files no longer stay in the page cache beside the
// database being written; each one then read cold stalled a parsing thread
// for about 0.1 ms (2.3× the parse phase's time per document at a million
// documents against 10,000). One thread opens the next files and advises
// the kernel to read them (posix_fadvise WILLNEED, which does not wait), so
// the disk works while the parsing threads do.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fouille::indexer {

class ReadAhead {
 public:
  /// Reads ahead the files `path_of(i)` (of `size_of(i)` bytes) for i in
  /// `order`, at most `files` files and `bytes` bytes past the last taken.
  ReadAhead(std::function<const std::string&(std::size_t)> path_of, std::function<std::uint64_t(std::size_t)> size_of,
            const std::vector<std::size_t>& order, std::size_t files = 64, std::uint64_t bytes = 64 << 20);
  /// Stops the thread, leaving what the kernel was asked to read.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  /// The parsing threads took order[0..position]: the window moves on.
  void taken(std::size_t position);
  /// How many files were advised so far (for tests).
  std::size_t advised() const;

 private:
  void loop();

  std::function<const std::string&(std::size_t)> path_of_;
  std::function<std::uint64_t(std::size_t)> size_of_;
  const std::vector<std::size_t>& order_;
  const std::size_t files_;
  const std::uint64_t bytes_;
  mutable std::mutex mutex_;
  std::condition_variable moved_;
  std::size_t taken_ = 0;    // positions below this were taken
  std::size_t next_ = 0;     // the next position to advise
  std::size_t advised_ = 0;  // files advised
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace fouille::indexer
