#include "snippet.h"

#include <algorithm>

namespace fouille::searcher {

std::vector<Segment> make_snippet(std::string_view text, stemming::Analyzer& analyzer,
                                  const std::unordered_set<std::string>& terms,
                                  const std::vector<std::vector<std::string>>& phrases,
                                  const std::vector<std::string>& wildcards, std::size_t words) {
  std::vector<stemming::Token> tokens;
  analyzer.analyze(text, tokens);
  std::vector<Segment> out;
  if (tokens.empty()) return out;
  std::vector<char> hit(tokens.size(), 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i].term;
    hit[i] = terms.count(t) ||
             std::any_of(wildcards.begin(), wildcards.end(), [&](const std::string& w) { return t.starts_with(w); });
    if (hit[i] && tokens[i].stopword && !terms.count(t)) hit[i] = 0;
  }
  for (const auto& p : phrases) {
    if (p.empty()) continue;
    for (std::size_t i = 0; i + p.size() <= tokens.size(); ++i) {
      std::size_t k = 0;
      while (k < p.size() && tokens[i + k].term == p[k]) ++k;
      if (k < p.size()) continue;
      // Stop words inside count as matched, so the window favours it.
      for (k = 0; k < p.size(); ++k) hit[i + k] = 1;
    }
  }
  // Best window: most distinct matched terms, then most matches, earliest.
  std::size_t best = 0, best_distinct = 0, best_hits = 0;
  const std::size_t n = tokens.size();
  const std::size_t width = std::min(words, n);
  for (std::size_t start = 0; start + width <= n; ++start) {
    if (start > 0 && !hit[start]) continue;  // windows worth trying begin on a match
    std::unordered_set<std::string_view> distinct;
    std::size_t hits = 0;
    for (std::size_t i = start; i < start + width; ++i) {
      if (hit[i] && !tokens[i].stopword) {
        distinct.insert(tokens[i].term);
        ++hits;
      }
    }
    if (distinct.size() > best_distinct || (distinct.size() == best_distinct && hits > best_hits)) {
      best = start;
      best_distinct = distinct.size();
      best_hits = hits;
    }
  }
  // Start a little before the first match so it reads in context.
  if (best > 0) best -= std::min<std::size_t>(best, 3);
  std::size_t last = std::min(n, best + width) - 1;
  std::size_t from = best == 0 ? 0 : tokens[best].begin;
  std::size_t to = last + 1 == n ? text.size() : tokens[last].end;
  auto add = [&](std::string_view piece, bool match) {
    if (piece.empty()) return;
    std::string clean(piece);
    std::replace(clean.begin(), clean.end(), '\n', ' ');
    if (!out.empty() && out.back().match == match) {
      out.back().text += clean;
    } else {
      out.push_back(Segment{clean, match});
    }
  };
  if (from > 0) add("…", false);
  std::size_t at = from;
  for (std::size_t i = best; i <= last; ++i) {
    add(text.substr(at, tokens[i].begin - at), false);
    add(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), hit[i]);
    at = tokens[i].end;
  }
  add(text.substr(at, to - at), false);
  if (to < text.size()) add("…", false);
  return out;
}

}  // namespace fouille::searcher
