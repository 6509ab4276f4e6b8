// The version of the on-disk format store/ writes: terms, value slots, the
// stored document, metadata, the file stamp. It is part of the signature a
// database records (analysis_check.h), so a database written by another
// format is seen as stale: the indexer redoes it in full and the searcher
// says to reindex, rather than reading bytes it would misread.
//
// Raise it with any change to what store/ writes; the golden document
// (store/testdata/document.golden, its test in indexer/src) fails until it is.
#pragma once

namespace fouille::store {

/// History:
///   1  the format up to "fouille-analysis-5", versioned by the analysis rules;
///   2  long terms clamped with FNV-1a, not std::hash; generated document ids
///      likewise; the file stamp in seconds and nanoseconds since the Unix epoch.
inline constexpr int kFormatVersion = 2;

}  // namespace fouille::store
