#include "fouille/store/spelling.h"

#include <map>
#include <string>

#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/database.h"
#include "fouille/store/database_layout.h"

namespace fouille::store {
namespace fs = std::filesystem;
namespace {

using Counts = std::map<std::string, Xapian::termcount>;

// Adds one shard's spelling table to `counts`; its analysis must be this build's.
void add_shard(const fs::path& shard, Counts& counts) {
  Xapian::Database db = open_for_reading(shard);
  try {
    if (!is_current_analysis(db.get_metadata(kAnalysisKey))) {
      throw IndexError(Message{"shard.spelling_stale", {shard.string()}});
    }
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) counts[*it] += it.get_termfreq();
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_open", {shard.string(), e.get_msg()}});
  }
}

// The table written into a new generation of `out`, made live.
void write_table(const fs::path& out, const Counts& counts) {
  DatabaseLayout layout(out);
  if (!layout.has_generations()) throw IndexError(Message{"shard.spelling_not_fouille", {out.string()}});
  Xapian::WritableDatabase current = open_for_writing(out);  // its lock keeps other writers out
  if (current.get_doccount() > 0) throw IndexError(Message{"shard.spelling_has_documents", {out.string()}});
  try {
    Xapian::WritableDatabase next(layout.next_generation().string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& [word, count] : counts) next.add_spelling(word, count);
    next.set_metadata(kAnalysisKey, current_analysis());
    next.commit();
    next.close();
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.write_failed", {out.string(), e.get_msg()}});
  }
  layout.switch_to_next();
  current.close();
  layout.remove_previous();
}

}  // namespace

SpellingMerge merge_spelling(const std::vector<fs::path>& shards, const fs::path& out) {
  SpellingMerge merge;
  Counts counts;
  for (const auto& shard : shards) {
    if (fs::exists(out) && fs::exists(shard) && fs::equivalent(shard, out)) {
      throw IndexError(Message{"shard.spelling_into_shard", {out.string()}});
    }
    add_shard(shard, counts);
    ++merge.databases;
  }
  write_table(out, counts);
  merge.words = counts.size();
  for (const auto& [word, count] : counts) merge.occurrences += count;
  return merge;
}

}  // namespace fouille::store
