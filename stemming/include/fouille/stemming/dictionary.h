// The words of the French and English word lists (Debian's wfrench and
// wamerican), folded: what a spelling corrector must never rewrite. "lake"
// and "coast" are words even when no document holds them.
//
//   fouille::stemming::is_dictionary_word("lake")         // true
//   fouille::stemming::is_dictionary_word("tadjikstan")   // false
#pragma once

#include <cstddef>
#include <string_view>

namespace fouille::stemming {

/// Is `word` (any case, with or without accents) in the French or English
/// word list? Thread-safe; no allocation once the word is folded.
bool is_dictionary_word(std::string_view word);

/// Words in the table (folded forms, unique).
std::size_t dictionary_size();

}  // namespace fouille::stemming
