// Private: the snippet of a hit — the window of the narrative holding the most
// distinct query terms, with every word whose term matches marked (so other
// inflections and accent-free spellings light up too, and "l’OIM" marks "OIM").
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "fouille/searcher/searcher.h"
#include "fouille/stemming/analyzer.h"

namespace fouille::searcher {

/// `terms` mark wherever they occur; each of `phrases` marks its words only
/// where the whole sequence occurs (stop words included).
std::vector<Segment> make_snippet(std::string_view text, stemming::Analyzer& analyzer,
                                  const std::unordered_set<std::string>& terms,
                                  const std::vector<std::vector<std::string>>& phrases,
                                  const std::vector<std::string>& wildcards, std::size_t words = 30);

}  // namespace fouille::searcher
