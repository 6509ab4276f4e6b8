// Private: what to say of a --filter value no document holds. Searching for
// « pays=Atlantide » finds nothing, and a bare zero does not say why: the
// note names the filter and the values of that field closest to what was
// typed, as the facet shows them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "fouille/base/message.h"

#include "facets.h"

namespace fouille::searcher {

/// The facet values of `column` nearest to `typed` (folded spellings, French
/// and English labels, by edit distance; a label holding the typed text
/// counts as near), at most `max`, as labels in `lang`, nearest first.
std::vector<std::string> closest_values(const FacetTable::Column& column, std::string_view typed, std::string_view lang,
                                        std::size_t max = 3);

/// The note for the filter `name`=`value` whose query `query` matches no
/// document of `db`, naming the closest values of its field (in French and
/// English) when `table` has a facet column for it; nothing when some
/// document matches.
std::optional<Message> empty_filter_note(const std::string& name, const std::string& value, const Xapian::Query& query,
                                         const corpus::Field& field, const FacetTable& table,
                                         const Xapian::Database& db);

}  // namespace fouille::searcher
