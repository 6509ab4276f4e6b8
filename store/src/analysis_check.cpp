#include "fouille/store/analysis_check.h"

#include "fouille/stemming/analyzer.h"

namespace fouille::store {

const std::string& current_analysis() {
  static const std::string signature = stemming::analysis_signature();
  return signature;
}

bool is_current_analysis(std::string_view recorded) { return recorded == current_analysis(); }

}  // namespace fouille::store
