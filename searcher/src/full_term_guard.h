// Private: a workaround for a Xapian 1.4 matcher bug that breaks searches on
// any database after an ordinary incremental update.
//
// Where a term's wdf is not needed (a boolean filter, the right of AND_NOT,
// the counting pass's boolean weights) and the term indexes every document,
// Xapian 1.4 (seen with 1.4.22, localsubmatch.cc) reads the database's
// all-documents list instead, under the term's name. When the document ids
// have gaps — as after any update that deleted or replaced documents — that
// list is a chunked posting list, and moving to its next chunk looks the
// chunk up under the term's name: "DatabaseCorruptError: Unexpected end of
// posting list for '<term>'". A term that indexes every document matches the
// same set as MatchAll, so this rewrite puts MatchAll where Xapian would take
// the shortcut, and the shortcut never runs. tests/update_test.cpp keeps a
// minimal reproduction of the bug. The check compares a term's frequency
// with the database's size: right for fouille's one-shard generations; a
// database searched as several shards would need it per shard.
#pragma once

#include <string>

#include <xapian.h>

#include "query/plan.h"

namespace fouille::searcher {

/// `plan` with every term that indexes all of `db`'s documents replaced by
/// all documents wherever Xapian reads it without its wdf: everywhere when
/// `weighted` is false (boolean weights), otherwise in filters and exclusions
/// only. Phrases and NEAR read positions and are left as they are; wildcards
/// are expanded already (expand_wildcard). Thread-compatible.
Plan guard_full_terms(const Plan& plan, const Xapian::Database& db, bool weighted);

/// guard_full_terms for a database served remotely: the terms' frequencies
/// come in one exchange of statistics (an Enquire's), not a round trip per
/// term and shard.
Plan guard_full_terms_remote(const Plan& plan, const Xapian::Database& db, bool weighted);

/// The `limit` most frequent terms of `db` that start with `prefix`, as one
/// synonym (what OP_WILDCARD with WILDCARD_LIMIT_MOST_FREQUENT matches), so
/// that guard_full_terms sees each term.
Plan expand_wildcard(const Xapian::Database& db, const std::string& prefix, Xapian::termcount limit);

}  // namespace fouille::searcher
