// What fouille-index prints when a run ends: the summary line, the line of
// phase timings, and the same figures as one JSON object; and how its
// figures read in each language.
//
//   fouille::indexer::Stats stats = fouille::indexer::index(options, {}, {}, nullptr);
//   std::puts(fouille::indexer::summary_line(stats, "projets.db", fouille::Lang::kFr).c_str());
//   std::puts(fouille::indexer::phases_line(stats, fouille::Lang::kFr).c_str());
//   std::puts(fouille::indexer::summary_json(stats, "projets.db").c_str());
#pragma once

#include <string>

#include "fouille/base/message.h"
#include "fouille/indexer/indexer.h"

namespace fouille::indexer {

/// "N added, N updated, … in S s (docs/s, MB/s); DB: N documents, MB", no
/// newline, in `lang` (French: decimal commas, « Mo »); for a shard, then
/// "; shard i/L, N files of other shards".
std::string summary_line(const Stats& stats, const std::string& db, Lang lang);

/// "time: scan S s, read/decode S s, … ; peak RSS N MB", no newline, in `lang`.
std::string phases_line(const Stats& stats, Lang lang);

/// `value` with `digits` decimals, a decimal comma in French ("1,50").
std::string decimal(double value, int digits, Lang lang);

/// Every figure of `stats` as one JSON object on one line, no newline:
/// counts (with "other_shard", and "shard": "i/L" or ""), seconds, docs_per_second, db, db_documents, db_bytes,
/// interrupted, threads, peak_rss_bytes and "phases": {scan, read, parse, analyse, build, write, compact, spelling} in
/// seconds.
std::string summary_json(const Stats& stats, const std::string& db);

}  // namespace fouille::indexer
