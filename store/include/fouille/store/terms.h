// The terms the index holds: words of free text, bare and under a field's
// prefix, the accented spellings and expressions beside them, boolean filter
// terms, year terms, ID terms, the unique term of each document's source, and
// the key of a word in the spelling table. Written by the indexer, looked up
// by the searcher, built only here.
//
//   text_term(token.term)                                             // "traite"
//   field_text_term(schema().field(FieldId::kTitle), "traite")        // "Straite"
//   accent_term("pêch")                                               // "XApêch"
//   expression_term("2:societ civil")                                  // "XE2:societ civil"
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

/// The term of a word of free text, searched without a field: the word as
/// the analyser made it (stemmed, folded), with no prefix. This names that
/// choice, so both sides spell it here.
inline const std::string& text_term(const std::string& word) { return word; }

/// Whether `term` is a word of free text (text_term): prefixes are upper
/// case, words are folded to lower case.
bool is_text_term(std::string_view term);

/// The term of `word` in `field`'s free text: its text prefix then the word
/// (the word alone for a field without one).
std::string field_text_term(const corpus::Field& field, std::string_view word);

/// The same, written into `out` (kept allocated between calls).
void field_text_term(const corpus::Field& field, std::string_view word, std::string& out);

/// The term of a word written with accents: its stem with the accents kept
/// (stemming::Token::accent_term).
std::string accent_term(std::string_view accented_stem);

/// The term of a multi-word expression, by its key (stemming::Expressions).
std::string expression_term(std::string_view key);

/// The key of a word in the spelling table, written by the indexer's counts
/// and asked by the searcher's suggestions: the word in lower case.
std::string spelling_key(std::string_view word);

/// The filter term of `value` in `field`: its filter prefix then the value
/// folded (country codes stay upper case, as stored).
std::string filter_term(const corpus::Field& field, std::string_view value);

/// The term of an identifier: document, project and Prima IDs share it, so
/// id:X finds a document by any of them.
std::string id_term(std::string_view id);

/// The term of a year the project runs in (the year facet's field).
std::string year_term(int year);

/// What every year term starts with. No term is this alone: a query for it
/// matches nothing.
const std::string& year_term_prefix();

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
