#include "signature.h"

#include "fouille/base/hash.h"
#include "fouille/data/analysis_tables.h"
#include "fouille/stemming/analyzer.h"

namespace fouille::stemming {
namespace {

// Raised whenever the code of the chain changes what it makes of a text
// (segmentation, folding, stemming, expressions, areas, word families) or
// the terms a document gets (a vocabulary label in both languages). How
// terms and values are written on disk is versioned apart, by
// store::kFormatVersion (fouille/store/format.h), which the database's
// signature combines with this one. The tables count by content:
// data::analysis_tables is a digest of their bytes made by the build
// (stemming/CMakeLists.txt lists them: stemming/data and corpus/data).
constexpr std::string_view kRules = "fouille-analysis-6";

}  // namespace

namespace detail {

std::string signature_of(std::string_view tables_digest) {
  base::Fnv1a h;
  h.add_part(kRules);
  h.add_part(tables_digest);
  return h.hex();
}

}  // namespace detail

std::string_view analysis_rules() { return kRules; }

std::string analysis_signature() {
  static const std::string signature = detail::signature_of(data::analysis_tables);
  return signature;
}

}  // namespace fouille::stemming
