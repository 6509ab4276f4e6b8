#include "analyze_output.h"

#include <cstdio>
#include <vector>

#include "fouille/stemming/analyzer.h"

namespace fouille {

int analyze_lines(std::istream& in) {
  stemming::Analyzer analyzer;
  std::vector<stemming::Token> tokens;
  std::string line, out;
  while (std::getline(in, line)) {
    tokens.clear();
    analyzer.analyze(line, tokens);
    out.clear();
    for (const auto& t : tokens) {
      if (t.stopword) continue;
      if (!out.empty()) out += ' ';
      out += t.term;
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

int analyze_text(const std::string& text) {
  stemming::Analyzer analyzer;
  std::vector<stemming::Token> tokens;
  analyzer.analyze(text, tokens);
  for (const auto& t : tokens) {
    std::printf("%u\t%s\t%.*s%s%s\n", t.position, t.term.c_str(), static_cast<int>(t.end - t.begin),
                text.data() + t.begin, t.stopword ? "\tstop" : "", t.joined ? "\tjoined" : "");
  }
  if (analyzer.invalid_bytes()) {
    std::fprintf(stderr, "fouille-search: %zu invalid UTF-8 bytes ignored\n", analyzer.invalid_bytes());
  }
  return 0;
}

}  // namespace fouille
