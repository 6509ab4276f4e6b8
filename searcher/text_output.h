// How fouille-search prints a Result for people: hits with key fields and a
// snippet (matches in bold when colouring), then the facets headed by their
// labels; every word in the Result's language.
#pragma once

#include <cstddef>
#include <string>

#include "fouille/searcher/searcher.h"

struct TextOptions {
  bool color = false;          ///< bold titles and matches
  std::size_t facet_size = 8;  ///< values shown per facet (the year facet: the newest)
};

/// The text fouille-search prints for `result`.
std::string format_text(const fouille::searcher::Result& result, const TextOptions& options);

/// Prints format_text on stdout.
void print_text(const fouille::searcher::Result& result, const TextOptions& options);
