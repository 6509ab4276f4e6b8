// Private: what field:value means, in a query and in --filter alike. Values
// are normalised like documents' values (vocabularies, country names, budget
// and year syntax), so "region=Asia" and "région:asie et océanie" agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "fouille/corpus/schema.h"
#include "fouille/stemming/analyzer.h"

#include "query/plan.h"

namespace fouille::searcher {

struct FieldQuery {
  Plan query;
  std::vector<std::string> highlight;  ///< unprefixed terms to highlight
};

/// Where a field's value comes from: the query language (`type:"…"`), or a
/// --filter, which must select exactly what the facet value it names counts.
enum class FieldUse { kQuery, kFilter };

/// Throws QueryError for a malformed range or amount; the caller names the
/// field as the user wrote it.
FieldQuery field_query(const corpus::Field& field, std::string_view value, bool phrase, stemming::Analyzer& analyzer,
                       const Xapian::Database& db, FieldUse use = FieldUse::kQuery);

}  // namespace fouille::searcher
