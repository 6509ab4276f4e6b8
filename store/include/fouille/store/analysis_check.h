// Whether a database was indexed by the current French analysis chain. The
// indexer records the chain's signature (stemming::analysis_signature()) in
// the database's metadata once every document has been indexed by it; the
// indexer reindexes in full, and the searcher leaves out expression terms,
// when the recorded one differs.
//
//   db.set_metadata(store::kAnalysisKey, store::current_analysis());     // indexer
//   bool current = store::is_current_analysis(db.get_metadata(store::kAnalysisKey));
#pragma once

#include <string>
#include <string_view>

namespace fouille::store {

/// Database metadata key holding the signature of the chain every document
/// was indexed with (absent while some were not).
inline constexpr const char* kAnalysisKey = "fouille.analysis";

/// The signature of this build's analysis chain. Thread-safe.
const std::string& current_analysis();

/// Whether `recorded` (the metadata under kAnalysisKey, "" when absent) is
/// the current chain's signature.
bool is_current_analysis(std::string_view recorded);

}  // namespace fouille::store
