#include "snippet.h"

#include <algorithm>

namespace fouille::searcher {

namespace {

// A long narrative is searched for its snippet a window at a time, and only
// so far: a 10 MB document cost 2.5 s and 245 MB a query when analysed whole.
constexpr std::size_t kWindowBytes = 64 * 1024;
constexpr std::size_t kMaxScannedBytes = 1024 * 1024;

// Which tokens match: a query term, a wildcard's prefix, or a word of a
// phrase found whole (its stop words too, so the window favours it).
std::vector<char> matched_tokens(const std::vector<stemming::Token>& tokens,
                                 const std::unordered_set<std::string>& terms,
                                 const std::vector<std::vector<std::string>>& phrases,
                                 const std::vector<std::string>& wildcards) {
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
      for (k = 0; k < p.size(); ++k) hit[i + k] = 1;
    }
  }
  return hit;
}

// The first token of the best window of `width` tokens: most distinct matched
// terms, then most matches, earliest. Windows worth trying begin on a match,
// or end with the text when a match is among its last words.
std::size_t best_window(const std::vector<stemming::Token>& tokens, const std::vector<char>& hit, std::size_t width) {
  std::size_t best = 0, best_distinct = 0, best_hits = 0;
  const std::size_t n = tokens.size();
  for (std::size_t i = 0, previous = n; i < n; ++i) {
    if (i > 0 && !hit[i]) continue;
    const std::size_t start = std::min(i, n - width);
    if (start == previous) continue;
    previous = start;
    std::unordered_set<std::string_view> distinct;
    std::size_t hits = 0;
    for (std::size_t k = start; k < start + width; ++k) {
      if (hit[k] && !tokens[k].stopword) {
        distinct.insert(tokens[k].term);
        ++hits;
      }
    }
    if (distinct.size() > best_distinct || (distinct.size() == best_distinct && hits > best_hits)) {
      best = start;
      best_distinct = distinct.size();
      best_hits = hits;
    }
  }
  return best;
}

// Tokens first..last of `text` as segments, matches marked, with "…" where
// the text goes on.
std::vector<Segment> segments(std::string_view text, const std::vector<stemming::Token>& tokens,
                              const std::vector<char>& hit, std::size_t first, std::size_t last) {
  std::vector<Segment> out;
  const std::size_t n = tokens.size();
  const std::size_t from = first == 0 ? 0 : tokens[first].begin;
  const std::size_t to = last + 1 == n ? text.size() : tokens[last].end;
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
  for (std::size_t i = first; i <= last; ++i) {
    add(text.substr(at, tokens[i].begin - at), false);
    add(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), hit[i]);
    at = tokens[i].end;
  }
  add(text.substr(at, to - at), false);
  if (to < text.size()) add("…", false);
  return out;
}

std::vector<Segment> window_snippet(std::string_view text, stemming::Analyzer& analyzer,
                                    const std::unordered_set<std::string>& terms,
                                    const std::vector<std::vector<std::string>>& phrases,
                                    const std::vector<std::string>& wildcards, std::size_t words) {
  std::vector<stemming::Token> tokens;
  analyzer.analyze(text, tokens);
  if (tokens.empty()) return {};
  const std::vector<char> hit = matched_tokens(tokens, terms, phrases, wildcards);
  const std::size_t n = tokens.size();
  const std::size_t width = std::min(words, n);
  std::size_t best = best_window(tokens, hit, width);
  // Start a little before the first match so it reads in context; a window
  // that ends with the text keeps its last match in it.
  std::size_t shift = std::min<std::size_t>(best, 3);
  if (best + width == n) {
    std::size_t last_hit = best;
    for (std::size_t k = best; k < n; ++k) {
      if (hit[k]) last_hit = k;
    }
    shift = std::min(shift, n - 1 - last_hit);
  }
  best -= shift;
  return segments(text, tokens, hit, best, std::min(n, best + width) - 1);
}

bool holds_match(std::string_view text, stemming::Analyzer& analyzer, const std::unordered_set<std::string>& terms,
                 const std::vector<std::string>& wildcards) {
  std::vector<stemming::Token> tokens;
  analyzer.analyze(text, tokens);
  return std::any_of(tokens.begin(), tokens.end(), [&](const stemming::Token& t) {
    return (terms.count(t.term) && !t.stopword) ||
           std::any_of(wildcards.begin(), wildcards.end(), [&](const std::string& w) { return t.term.starts_with(w); });
  });
}

}  // namespace

std::vector<Segment> make_snippet(std::string_view text, stemming::Analyzer& analyzer,
                                  const std::unordered_set<std::string>& terms,
                                  const std::vector<std::vector<std::string>>& phrases,
                                  const std::vector<std::string>& wildcards, std::size_t words) {
  if (text.size() <= kWindowBytes) return window_snippet(text, analyzer, terms, phrases, wildcards, words);
  // The first window holding a match (cut after a space), else the first.
  std::size_t from = 0, to = std::min(text.size(), kWindowBytes);
  for (std::size_t at = 0, end = 0; at < text.size() && at < kMaxScannedBytes; at = end) {
    end = std::min(text.size(), at + kWindowBytes);
    if (end < text.size()) {
      const std::size_t space = text.find_last_of(" \n", end);
      if (space != std::string_view::npos && space > at) end = space + 1;
    }
    if (holds_match(text.substr(at, end - at), analyzer, terms, wildcards)) {
      from = at;
      to = end;
      break;
    }
  }
  std::vector<Segment> out = window_snippet(text.substr(from, to - from), analyzer, terms, phrases, wildcards, words);
  if (from > 0 && !out.empty() && !out.front().text.starts_with("…")) out.insert(out.begin(), Segment{"…", false});
  if (to < text.size() && !out.empty() && !out.back().text.ends_with("…")) out.push_back(Segment{"…", false});
  return out;
}

}  // namespace fouille::searcher
