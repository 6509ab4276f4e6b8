// Private: the ranked pass's back end. A Plan as the Xapian::Query that
// weighs it: the same operators, phrases and windows, number ranges as
// RangeSource posting sources, the count pass's sets as DocSetSource ones.
#pragma once

#include <xapian.h>

#include "query/plan.h"

namespace fouille::searcher {

/// `plan` as a Xapian query over `db`. A kDocs leaf becomes an empty query on
/// a database of several shards (a posting source is given shard-local ids):
/// callers that restrict by the count pass's sets check Database::size()
/// first. Thread-compatible.
Xapian::Query to_xapian(const Plan& plan, const Xapian::Database& db);

}  // namespace fouille::searcher
