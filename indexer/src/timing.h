// Private: the time a run spends in each phase, counted per thread.
#pragma once

#include <chrono>
#include <cstdint>

namespace fouille::indexer {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point started);

/// Adds the time a scope takes to one phase (a thread's own PhaseTimes).
class Timed {
 public:
  explicit Timed(double& phase) : phase_(phase), started_(Clock::now()) {}
  ~Timed() { phase_ += seconds_since(started_); }
  Timed(const Timed&) = delete;
  Timed& operator=(const Timed&) = delete;

 private:
  double& phase_;
  Clock::time_point started_;
};

/// The process's peak resident memory so far, in bytes; 0 when unknown.
std::uint64_t peak_rss_bytes();

}  // namespace fouille::indexer
