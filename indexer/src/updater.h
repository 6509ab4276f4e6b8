// Private: an update in place. Threads parse the files and hand their parts
// through a bounded queue to this thread, the one writer, which deletes a
// changed file's old documents and adds the new ones, committing every
// --batch documents.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "fouille/indexer/indexer.h"
#include "fouille/store/known_files.h"

#include "run.h"

namespace fouille::indexer {

/// Writes the run's files into `db`, whose files and their documents are
/// `known`. `ours`: every document the database keeps will be written by
/// this analysis chain once a run redoing a `stale` index ends (not if it is
/// interrupted, nor if a file that fails to parse keeps its old documents);
/// the database is then marked as such.
void queued_update(Run& run, Xapian::WritableDatabase& db, std::map<std::string, store::KnownFile>& known, Stats& stats,
                   bool ours, bool stale);

}  // namespace fouille::indexer
