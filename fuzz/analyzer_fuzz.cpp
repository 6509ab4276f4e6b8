// Fuzz target: the French analysis chain on raw bytes (invalid UTF-8
// included). It never throws; every term fits Xapian with a prefix; token
// offsets stay inside the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/fold.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static fouille::stemming::Analyzer analyzer;  // one per thread, as documented
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<fouille::stemming::Token> tokens;
  analyzer.analyze(text, tokens);
  for (const auto& t : tokens) {
    if (t.term.empty() || t.term.size() > 200 || t.end > size || t.begin >= t.end) std::abort();
  }
  (void)fouille::stemming::fold(text);
  return 0;
}
