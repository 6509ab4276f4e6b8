#include "fouille/indexer/summary.h"

#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

namespace fouille::indexer {
namespace {

// Phase names as the text and the JSON show them, in pipeline order.
std::pair<const char*, double> phase_list(const PhaseTimes& p, std::size_t i, bool json) {
  switch (i) {
    case 0: return {"scan", p.scan};
    case 1: return {json ? "read" : "read/decode", p.read};
    case 2: return {"parse", p.parse};
    case 3: return {"analyse", p.analyse};
    case 4: return {"build", p.build};
    case 5: return {"write", p.write};
    case 6: return {"compact", p.compact};
    default: return {"spelling", p.spelling};
  }
}
constexpr std::size_t kPhases = 8;

double per_second(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0.0; }

}  // namespace

std::string summary_line(const Stats& s, const std::string& db) {
  char line[512];
  std::snprintf(line, sizeof line,
                "%zu added, %zu updated, %zu unchanged, %zu removed, %zu skipped in %.2f s "
                "(%.0f docs/s, %.2f MB/s); ",
                s.added, s.updated, s.unchanged, s.removed, s.skipped, s.seconds,
                per_second(static_cast<double>(s.added + s.updated), s.seconds),
                per_second(static_cast<double>(s.bytes) / 1e6, s.seconds));
  char tail[64];
  std::snprintf(tail, sizeof tail, ": %zu documents, %.1f MB", s.db_documents, static_cast<double>(s.db_bytes) / 1e6);
  return line + db + tail;
}

std::string phases_line(const Stats& s) {
  std::string out = "time:";
  char part[64];
  for (std::size_t i = 0; i < kPhases; ++i) {
    auto [name, seconds] = phase_list(s.phases, i, false);
    std::snprintf(part, sizeof part, "%s %s %.2f s", i ? "," : "", name, seconds);
    out += part;
  }
  std::snprintf(part, sizeof part, " (%u threads); peak RSS %.0f MB", s.threads,
                static_cast<double>(s.peak_rss_bytes) / (1024.0 * 1024.0));
  return out + part;
}

std::string summary_json(const Stats& s, const std::string& db) {
  nlohmann::ordered_json phases = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < kPhases; ++i) {
    auto [name, seconds] = phase_list(s.phases, i, true);
    phases[name] = seconds;
  }
  nlohmann::ordered_json j = {
      {"files", s.files},
      {"added", s.added},
      {"updated", s.updated},
      {"unchanged", s.unchanged},
      {"removed", s.removed},
      {"skipped", s.skipped},
      {"bytes", s.bytes},
      {"seconds", s.seconds},
      {"docs_per_second", per_second(static_cast<double>(s.added + s.updated), s.seconds)},
      {"db", db},
      {"db_documents", s.db_documents},
      {"db_bytes", s.db_bytes},
      {"interrupted", s.interrupted},
      {"threads", s.threads},
      {"peak_rss_bytes", s.peak_rss_bytes},
      {"phases", phases},
  };
  return j.dump();
}

}  // namespace fouille::indexer
