// Whether a database was indexed by the current French analysis chain and
// written in the current on-disk format. The indexer records their joint
// signature (stemming::analysis_signature() and store::kFormatVersion) in the
// database's metadata once every document has been indexed by them; the
// indexer reindexes in full, and the searcher leaves out expression terms and
// says to reindex, when the recorded one differs.
//
//   db.set_metadata(store::kAnalysisKey, store::current_analysis());     // indexer
//   bool current = store::is_current_analysis(db.get_metadata(store::kAnalysisKey));
#pragma once

#include <string>
#include <string_view>

#include "fouille/store/metadata.h"  // kAnalysisKey, where the signature is recorded

namespace fouille::store {

/// The signature of `analysis` (a chain's stemming::analysis_signature())
/// written in store format `format_version`: 16 hex digits.
std::string database_signature(std::string_view analysis, int format_version);

/// The signature of this build's analysis chain and store format. Thread-safe.
const std::string& current_analysis();

/// Whether `recorded` (the metadata under kAnalysisKey, "" when absent) is
/// the current chain's signature.
bool is_current_analysis(std::string_view recorded);

}  // namespace fouille::store
