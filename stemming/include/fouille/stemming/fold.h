// Text folding shared by analysis, labels and vocabularies: what makes
// "ÊTRES", "êtres" and "etres", or "œuvre" and "oeuvre", the same string.
//
//   fouille::stemming::fold("Main-d’Œuvre")  ==  "main-d'oeuvre"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fouille::stemming {

/// Folds UTF-8 text: NFKC case folding (ICU), combining marks (accents)
/// removed, the ligatures œ and æ expanded, the apostrophes ’ and ʼ made ASCII.
/// Invalid UTF-8 bytes are dropped. Thread-safe.
std::string fold(std::string_view utf8);

/// Lower-cases UTF-8 text, accents kept ("Électrification" -> "électrification"):
/// the spelling dictionary's form of a word. Thread-safe.
std::string lower(std::string_view utf8);

/// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD and adds
/// the number of replacements to `*invalid` when given. Thread-safe.
std::string sanitize_utf8(std::string_view text, std::size_t* invalid = nullptr);

/// True when every byte of `text` is ASCII.
bool is_ascii(std::string_view text);

namespace detail {
/// fold() without its shortcut for Latin text: every character through ICU.
/// What the tests hold fold() to.
std::string icu_fold(std::string_view utf8);
}  // namespace detail

}  // namespace fouille::stemming
