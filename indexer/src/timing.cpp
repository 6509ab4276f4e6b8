#include "timing.h"

#include <sys/resource.h>

#include "fouille/indexer/indexer.h"

namespace fouille::indexer {

double seconds_since(Clock::time_point started) {
  return std::chrono::duration<double>(Clock::now() - started).count();
}

std::uint64_t peak_rss_bytes() {
  struct rusage usage {};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux counts KiB
}

PhaseTimes& PhaseTimes::operator+=(const PhaseTimes& o) {
  scan += o.scan;
  read += o.read;
  parse += o.parse;
  analyse += o.analyse;
  build += o.build;
  write += o.write;
  compact += o.compact;
  spelling += o.spelling;
  return *this;
}

}  // namespace fouille::indexer
