#include "meaning_words.h"

#include <algorithm>

#include "fouille/data/label_forms.h"
#include "fouille/stemming/analyzer.h"

#include "table.h"

namespace fouille::corpus::detail {

std::vector<std::string> meaning_terms(std::string_view value) {
  thread_local stemming::Analyzer analyzer;
  thread_local std::vector<stemming::Token> tokens;
  tokens.clear();
  analyzer.analyze(value, tokens);
  std::vector<std::string> terms;
  for (const auto& t : tokens) {
    if (!t.stopword && !t.term.empty()) terms.push_back(t.term);
  }
  return terms;
}

std::string meaning_key(std::vector<std::string> terms) {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::string key;
  for (const auto& t : terms) key += (key.empty() ? "" : " ") + t;
  return key;
}

std::string meaning_key(std::string_view value) { return meaning_key(meaning_terms(value)); }

bool trailing_qualifier(const std::string& term) {
  static const std::vector<std::string> terms = [] {
    std::vector<std::string> out;
    for_each_row(data::label_forms, [&](int, const std::vector<std::string_view>& cols) {
      if (cols.size() != 2 || cols[0] != "after") return;
      for (auto& t : meaning_terms(cols[1])) out.push_back(std::move(t));
    });
    return out;
  }();
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

}  // namespace fouille::corpus::detail
