// What the generators share, private to fouille::testsupport: a random source
// that gives the same sequence on every platform, the table of countries, and
// French prose drawn from a word list with the field's own phrases.
//
//   Rng rng(42);
//   FrenchText french("/usr/share/dict/french", 60000, rng);
//   std::string text = french.narrative(rng, 1500, "Guinée");
//
// Nothing here is thread-safe: each generator owns its Rng and FrenchText.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fouille::testsupport::detail {

// splitmix64: tiny, fast, and the same sequence on every platform (the
// standard library's distributions are not, so none is used here).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  bool chance(double p) { return uniform() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

struct Country {
  std::string code, french, english, continent;
};

/// Up to 150 countries with an ISO code, French and English names and a
/// continent, in ICU's order (names holding a parenthesis left out).
std::vector<Country> country_table();

/// French prose: word forms of a word list ranked for a Zipf law, mixed with
/// function words and the field's phrases.
class FrenchText {
 public:
  /// Reads `wordlist` (one word a line), shuffles it with `rng` — so the
  /// words' ranks depend on the seed — and keeps `vocabulary` of them.
  /// Throws CorpusError when the list cannot be read.
  FrenchText(const std::string& wordlist, std::size_t vocabulary, Rng& rng);

  /// Sentences until the text holds at least `target` bytes. `place` appears
  /// now and then; so do the phrases of `extra` when given (borrowed for the
  /// call), beside the field's own. Without `extra`, the draws are those the
  /// text corpus has always made, so its bytes do not change.
  std::string narrative(Rng& rng, std::size_t target, const std::string& place,
                        const std::vector<std::string>* extra = nullptr) const;

  /// One word form, drawn by its Zipf rank.
  const std::string& word(Rng& rng) const;

 private:
  std::vector<std::string> words_;
  std::vector<double> cdf_;
};

}  // namespace fouille::testsupport::detail
