// Private: how country names are cut into words and compared. A name and a
// list are read with the same tokenizer, so "Côte d’Ivoire", "COTE D'IVOIRE"
// and "cote d ivoire" meet, and a list can be matched name by name.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fouille::corpus::detail {

struct NameToken {
  enum Kind { kWord, kComma, kBreak } kind = kWord;  ///< kBreak: ; / | newline, bullets
  std::string folded;                                ///< the word folded (kWord only)
  std::size_t begin = 0, end = 0;                    ///< bytes of the token in the text
};

/// Words (letters, digits, marks), commas and list breaks of `text`; any
/// other character (space, hyphen, apostrophe, parenthesis, dot) only ends a word.
std::vector<NameToken> name_tokens(std::string_view text);
/// The tokens of name_tokens() one at a time, while `fn` returns true;
/// returns false when `fn` stopped the scan.
bool for_each_name_token(std::string_view text, const std::function<bool(NameToken&&)>& fn);

/// The folded words of a name joined by single spaces, commas and joining
/// words dropped: "Korea, Republic of" -> "korea republic of", "Bosnie et
/// Herzégovine" and "la Bosnie-Herzégovine" -> "bosnie herzegovine".
std::string name_key(std::string_view name);

/// Other spellings of a name people write: the inverted form put right
/// ("Korea, Republic of" -> "Republic of Korea"), the parts of a
/// parenthesised name ("Micronesia (Federated States of)" -> "Micronesia",
/// "Federated States of Micronesia"), and each without a leading article.
std::vector<std::string> name_variants(std::string_view name);

/// A name as a list shows it: "Korea, Republic of" -> "Republic of Korea";
/// a name with no comma as is; empty for a comma that is no inversion
/// ("Saint Helena, Ascension and Tristan da Cunha").
std::string display_form(std::string_view name);

/// Words that join or precede names in a list and are never names alone:
/// "and", "et", "the", "la", "l"…
bool is_connector(std::string_view folded_word);

}  // namespace fouille::corpus::detail
