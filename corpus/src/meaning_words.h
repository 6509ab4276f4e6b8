// Private: the meaning words of a label, so that spellings of one label in
// another word order, with a plural, a shortened word or a trailing
// participle meet (vocabularies, DAC sector names).
//
//   meaning_key(meaning_terms("Health Promotion and Assistance for Migrants"))
//   // "assist health migrant promot"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fouille::corpus::detail {

/// The terms of `value` through the French chain (which stems English plurals
/// and -ance/-ion alike), stop words of both languages left out, in order.
/// Thread-safe (an analyzer per thread).
std::vector<std::string> meaning_terms(std::string_view value);

/// `terms` as a key: each once, sorted, so any word order meets.
std::string meaning_key(std::vector<std::string> terms);
std::string meaning_key(std::string_view value);

/// Is `term` one of the participles and qualifiers a label may trail
/// (corpus/data/label_forms.tsv, "after" rows)? « Assistance Provided » says
/// no more than « Assistance ».
bool trailing_qualifier(const std::string& term);

}  // namespace fouille::corpus::detail
