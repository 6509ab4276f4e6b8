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

/// Calls `fn(line)` for each non-empty, non-comment line of an embedded table.
template <typename Fn>
void for_each_line(std::string_view data, Fn fn) {
  while (!data.empty()) {
    std::size_t eol = data.find('\n');
    std::string_view line = data.substr(0, eol);
    data.remove_prefix(eol == std::string_view::npos ? data.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    fn(line);
  }
}

}  // namespace fouille::stemming::detail
