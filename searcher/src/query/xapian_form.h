// Private: the ranked pass's back end. A Plan as the Xapian::Query that
// weighs it: the same operators, phrases and windows, number ranges as
// Xapian's value ranges, the count pass's sets as DocSetSource posting
// sources, every document at a fixed weight as a ValueMapPostingSource.
#pragma once

#include <xapian.h>

#include "query/plan.h"

namespace fouille::searcher {

/// `plan` as a Xapian query over `db`. A kDocs leaf with a set becomes an
/// empty query on a database of several shards (a posting source is given
/// shard-local ids), and a remote shard does not know it: callers restrict
/// by the count pass's sets only when Counted::sets says they may. Only
/// Xapian's own operators and built-in posting sources otherwise, so a
/// shard's stock server evaluates every plan. Thread-compatible.
Xapian::Query to_xapian(const Plan& plan, const Xapian::Database& db);

}  // namespace fouille::searcher
