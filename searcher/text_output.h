// How fouille-search prints a Result for people: hits with key fields and a
// snippet (matches in bold on a terminal), then the facets.
#pragma once

#include "fouille/searcher/searcher.h"

void print_text(const fouille::searcher::Result& result, bool terminal);
