// Private: a hit of the ranked pass as a search result shows it: its stored
// document, a snippet marking the query's words, labels in the asked language.
#pragma once

#include <cstddef>
#include <string_view>

#include <xapian.h>

#include "fouille/searcher/searcher.h"
#include "fouille/stemming/analyzer.h"

#include "query_compiler.h"

namespace fouille::searcher {

/// The hit at `it`, ranked `rank` (1-based, over every page).
Hit make_hit(const Xapian::MSetIterator& it, std::size_t rank, const CompiledQuery& compiled,
             stemming::Analyzer& analyzer, std::string_view lang);

}  // namespace fouille::searcher
