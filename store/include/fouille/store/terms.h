// The terms the index holds besides words: boolean filter terms, year terms,
// ID terms, the unique term of each document's source. Written by the
// indexer, looked up by the searcher, built only here.
//
//   filter_term(schema().field(FieldId::kRegion), "Asie et Océanie")  // "XGasie et oceanie"
//   year_term(2019)                                                   // "Y2019"
//   id_term("CT.1172")                                                // "XIDct.1172"
//   source_key("/d/a.jsonl", "/d/a.jsonl#R1").term                     // "Q/d/a.jsonl\0R1"
//
// Terms longer than Xapian's limit keep a prefix and gain a hash of the
// whole, so two long values never share a term. Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/schema.h"

namespace fouille::store {

/// The filter term of `value` in `field`: its filter prefix then the value
/// folded (country codes stay upper case, as stored).
std::string filter_term(const corpus::Field& field, std::string_view value);

/// The term of an identifier: document, project and Prima IDs share it, so
/// id:X finds a document by any of them.
std::string id_term(std::string_view id);

/// The term of a year the project runs in (the year facet's field).
std::string year_term(int year);

/// The year of a year term, or nothing for another term.
std::optional<int> parse_year_term(std::string_view term);

/// What a document read from `file` is known by on disk: the unique term
/// updates replace it by, and the value of the source slot (the file, which
/// the indexer compares to find files gone or changed).
struct SourceKey {
  std::string term;
  std::string value;
};

/// The key of a document read from `file` whose Document::source is
/// `source`: the path itself, or "path#id" for a JSON Lines record. A
/// record's term joins path and id with a NUL byte, which no path holds: a
/// file named "a.jsonl#x" and record x of "a.jsonl" never share a term.
SourceKey source_key(std::string_view file, std::string_view source);

/// The source terms a query source:VALUE looks for: VALUE as a file, and,
/// when VALUE holds a '#', as "path#id" of a record (the last '#').
std::vector<std::string> source_query_terms(std::string_view value);

}  // namespace fouille::store
