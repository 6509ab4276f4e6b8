#include "fouille/indexer/summary.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace fouille::indexer {
namespace {

// The phases in pipeline order: the text's name, the JSON key, the figure.
struct Phase {
  const char* text;
  const char* key;
  double PhaseTimes::*seconds;
};
constexpr Phase kPhases[] = {
    {"scan", "scan", &PhaseTimes::scan},          {"read/decode", "read", &PhaseTimes::read},
    {"parse", "parse", &PhaseTimes::parse},       {"analyse", "analyse", &PhaseTimes::analyse},
    {"build", "build", &PhaseTimes::build},       {"write", "write", &PhaseTimes::write},
    {"compact", "compact", &PhaseTimes::compact}, {"spelling", "spelling", &PhaseTimes::spelling},
};

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
  const char* separator = "";
  for (const Phase& p : kPhases) {
    std::snprintf(part, sizeof part, "%s %s %.2f s", separator, p.text, s.phases.*p.seconds);
    out += part;
    separator = ",";
  }
  std::snprintf(part, sizeof part, " (%u threads); peak RSS %.0f MB", s.threads,
                static_cast<double>(s.peak_rss_bytes) / (1024.0 * 1024.0));
  return out + part;
}

std::string summary_json(const Stats& s, const std::string& db) {
  nlohmann::ordered_json phases = nlohmann::ordered_json::object();
  for (const Phase& p : kPhases) phases[p.key] = s.phases.*p.seconds;
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
