#include "read_ahead.h"

#include <algorithm>
#include <deque>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fouille::indexer {
namespace {

// Past this, a large file is read on by the kernel's own sequential
// read-ahead as the reader goes: asking for all of a 1 GB JSON Lines file
// would only push other files out of the cache.
constexpr std::uint64_t kAdvisedPerFile = 8 << 20;

// Asks the kernel to read the first `bytes` of a regular file; a file gone
// or not readable is left to its reader, which names the reason.
void advise(const std::string& path, std::uint64_t bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    ::posix_fadvise(fd, 0, static_cast<off_t>(bytes), POSIX_FADV_WILLNEED);
  }
  ::close(fd);
}

}  // namespace

ReadAhead::ReadAhead(std::function<const std::string&(std::size_t)> path_of,
                     std::function<std::uint64_t(std::size_t)> size_of, const std::vector<std::size_t>& order,
                     std::size_t files, std::uint64_t bytes)
    : path_of_(std::move(path_of)), size_of_(std::move(size_of)), order_(order), files_(files), bytes_(bytes) {
  thread_ = std::thread([this] { loop(); });
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  moved_.notify_all();
  thread_.join();
}

void ReadAhead::taken(std::size_t position) {
  {
    std::lock_guard lock(mutex_);
    if (position + 1 <= taken_) return;
    taken_ = position + 1;
  }
  moved_.notify_one();
}

std::size_t ReadAhead::advised() const {
  std::lock_guard lock(mutex_);
  return advised_;
}

// Keeps the files advised within `files_` files and `bytes_` bytes past the
// last taken (counting the bytes of those advised and not yet taken).
void ReadAhead::loop() {
  std::deque<std::pair<std::size_t, std::uint64_t>> ahead;  // (position, bytes) advised, not yet taken
  std::uint64_t ahead_bytes = 0;
  std::unique_lock lock(mutex_);
  auto room = [&] {
    while (!ahead.empty() && ahead.front().first < taken_) {
      ahead_bytes -= ahead.front().second;
      ahead.pop_front();
    }
    next_ = std::max(next_, taken_);  // the threads went past: nothing to gain there
    return next_ < order_.size() && next_ < taken_ + files_ && ahead_bytes < bytes_;
  };
  while (true) {
    moved_.wait(lock, [&] { return stop_ || room(); });
    if (stop_) return;
    const std::size_t position = next_++;
    lock.unlock();
    const std::size_t file = order_[position];
    const std::uint64_t size = std::min(size_of_(file), kAdvisedPerFile);
    advise(path_of_(file), size);
    lock.lock();
    ++advised_;
    if (position >= taken_) {
      ahead.emplace_back(position, size);
      ahead_bytes += size;
    }
  }
}

}  // namespace fouille::indexer
