// Private: the vocabularies of the chain, embedded from stemming/data/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace fouille::stemming::detail {

/// Folded stop words: French (data/stopwords_fr.txt) and the English function
/// words French does not spell (data/stopwords_en.txt).
const std::unordered_set<std::string>& stopwords();

/// Folded generic words of the field (data/generic_words.txt).
const std::unordered_set<std::string>& generic_words();

/// Folded elided words (data/elisions.txt).
const std::unordered_set<std::string>& elisions();

/// The term of a folded, accent-free word whose bare Snowball stem differs
/// from the stem of its accented spelling (data/accent_stems.tsv), if listed.
std::optional<std::string_view> accent_stem(std::string_view folded);

}  // namespace fouille::stemming::detail
