// Private: a range of a number slot (budget:100k..200k) as the ranked pass
// reads it: a posting source over the slot's value stream, serialised bounds
// compared as bytes, as Xapian reads OP_VALUE_RANGE. The count pass never
// sees it: it answers a Plan's range from the facet table's sorted numbers.
#pragma once

#include <xapian.h>

#include "query/plan.h"

namespace fouille::searcher {

/// A query matching the documents whose number in `range.slot` is within
/// `range` (numbers as store::encode_number writes them).
Xapian::Query range_query(const NumberRange& range);

}  // namespace fouille::searcher
