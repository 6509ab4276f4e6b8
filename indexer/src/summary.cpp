#include "fouille/indexer/summary.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace fouille::indexer {
namespace {

// The phases in pipeline order: the JSON key (also the catalogue's
// "index.phase.KEY", the name in the text), the figure.
struct Phase {
  const char* key;
  double PhaseTimes::*seconds;
};
constexpr Phase kPhases[] = {
    {"scan", &PhaseTimes::scan},       {"read", &PhaseTimes::read},         {"parse", &PhaseTimes::parse},
    {"analyse", &PhaseTimes::analyse}, {"build", &PhaseTimes::build},       {"write", &PhaseTimes::write},
    {"compact", &PhaseTimes::compact}, {"spelling", &PhaseTimes::spelling},
};

double per_second(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0.0; }

}  // namespace

std::string decimal(double value, int digits, Lang lang) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  std::string out = text;
  if (lang == Lang::kFr) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string summary_line(const Stats& s, const std::string& db, Lang lang) {
  const Message database{"index.summary_db",
                         {db, s.db_documents, decimal(static_cast<double>(s.db_bytes) / 1e6, 1, lang)}};
  std::string line =
      render(Message{"index.summary",
                     {s.added, s.updated, s.unchanged, s.removed, s.skipped, decimal(s.seconds, 2, lang),
                      decimal(per_second(static_cast<double>(s.added + s.updated), s.seconds), 0, lang),
                      decimal(per_second(static_cast<double>(s.bytes) / 1e6, s.seconds), 2, lang), database}},
             lang);
  if (!s.shard.empty()) line += render(Message{"shard.summary", {s.shard, s.other_shard}}, lang);
  return line;
}

std::string phases_line(const Stats& s, Lang lang) {
  std::string phases;
  const char* separator = "";
  for (const Phase& p : kPhases) {
    phases += separator;
    phases +=
        " " + text(std::string("index.phase.") + p.key, lang) + " " + decimal(s.phases.*p.seconds, 2, lang) + " s";
    separator = ",";
  }
  return render(Message{"index.phases",
                        {phases, std::size_t{s.threads},
                         decimal(static_cast<double>(s.peak_rss_bytes) / (1024.0 * 1024.0), 0, lang)}},
                lang);
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
      {"other_shard", s.other_shard},
      {"shard", s.shard},
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
