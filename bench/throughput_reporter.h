// Console output of a Google Benchmark run, plus each benchmark's MB/s kept
// by name for a table of ratios printed at the end (bench-analysis,
// bench-parse): a subclass prints its table in Finalize().
#pragma once

#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

class ThroughputReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& r : runs) {
      if (r.run_type != Run::RT_Iteration) continue;
      auto it = r.counters.find("bytes_per_second");
      if (it != r.counters.end()) mb_s_[r.benchmark_name()] = it->second.value / 1e6;
    }
  }

 protected:
  std::map<std::string, double> mb_s_;  ///< MB/s by benchmark name ("BM_Analysis")
};
