#include "fouille/store/analysis_check.h"

#include "fouille/base/hash.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/store/format.h"

namespace fouille::store {

std::string database_signature(std::string_view analysis, int format_version) {
  base::Fnv1a h;
  h.add_part(analysis);
  h.add_part("fouille-store-" + std::to_string(format_version));
  return h.hex();
}

const std::string& current_analysis() {
  static const std::string signature = database_signature(stemming::analysis_signature(), kFormatVersion);
  return signature;
}

bool is_current_analysis(std::string_view recorded) { return recorded == current_analysis(); }

}  // namespace fouille::store
