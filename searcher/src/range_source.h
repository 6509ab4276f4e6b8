// Private: a range of a number slot (budget:100k..200k) as a posting source
// the count pass can recognise. Xapian's OP_VALUE_RANGE keeps its slot and
// bounds private, so the count pass could only hand it back to Xapian, which
// reads every document's value; a RangeSource names its range in its
// description, and the count pass answers it from the facet table's sorted
// numbers with two binary searches. The ranked pass reads it as Xapian would
// read OP_VALUE_RANGE: the value stream, serialised bounds compared as bytes.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

namespace fouille::searcher {

struct NumberRange {
  Xapian::valueno slot = 0;
  std::optional<double> low, high;  ///< inclusive; at least one is set
};

/// A query matching the documents whose number in `range.slot` is within
/// `range` (numbers as store::encode_number writes them).
Xapian::Query range_query(const NumberRange& range);

/// The range of a leaf made by range_query(), or nullopt for any other query.
std::optional<NumberRange> range_of(const Xapian::Query& query);

}  // namespace fouille::searcher
