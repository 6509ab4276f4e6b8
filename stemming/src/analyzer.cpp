#include "fouille/stemming/analyzer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "fouille/stemming/fold.h"
#include "fouille/stemming/french_stemmer.h"

#include "word_cache.h"
#include "word_lists.h"

namespace fouille::stemming {
namespace {

// Longer "words" are base64, URLs or garbage; Xapian also caps term length
// (245 bytes with the prefix). Checked on the raw word (cheap, before
// folding) and again on the folded term, which NFKC can make many times
// longer (U+FDFA becomes 18 letters): prefix + term then stays under 245.
constexpr std::size_t kMaxWordBytes = 120;
// The term cache is cleared when it grows past this many words, which bounds
// memory on pathological input while keeping a whole vocabulary's Zipf head.
constexpr std::size_t kMaxCachedWords = 1 << 19;

enum class Kind { kInvalid, kSeparator, kWord, kIdeograph, kApostrophe, kHyphen, kJoiner };

Kind classify(UChar32 c) {
  if (c < 0) return Kind::kInvalid;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return Kind::kWord;
    if (c == '\'') return Kind::kApostrophe;
    if (c == '-') return Kind::kHyphen;
    if (c == '.' || c == ',' || c == '/') return Kind::kJoiner;
    return Kind::kSeparator;
  }
  // Latin-1 and Latin Extended letters (é, à, ç, œ…) without a table lookup.
  if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return Kind::kWord;
  if (c == 0x2019 || c == 0x02BC) return Kind::kApostrophe;
  if (c == 0x2010 || c == 0x2011) return Kind::kHyphen;
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return Kind::kIdeograph;
  if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) return Kind::kWord;
  return Kind::kSeparator;
}

bool is_digit(UChar32 c) { return (c >= '0' && c <= '9') || (c >= 0x80 && u_isdigit(c)); }

}  // namespace

struct Analyzer::Impl {
  using Entry = detail::WordEntry;

  FrenchStemmer stemmer;
  detail::WordCache cache;
  std::size_t invalid = 0;

  const Entry& lookup(std::string_view raw) {
    if (const Entry* known = cache.find(raw)) return *known;
    if (cache.size() >= kMaxCachedWords) cache.clear();
    std::string folded = fold(raw);
    Entry entry;
    entry.stopword = detail::stopwords().count(folded) > 0;
    if (!folded.empty() && folded.size() <= kMaxWordBytes) entry.term = stemmer.stem_folded(folded);
    if (entry.term.size() > kMaxWordBytes) entry.term.clear();
    if (!entry.term.empty() && !entry.stopword && !is_ascii(raw) &&
        entry.term.find_first_of("0123456789") == std::string::npos) {
      std::string accented = stemmer.snowball(lower(raw));
      if (accented != entry.term && accented.size() <= kMaxWordBytes) entry.accent_term = std::move(accented);
    }
    return cache.add(raw, std::move(entry));
  }

  bool is_elision(std::string_view raw) { return raw.size() <= 8 && detail::elisions().count(fold(raw)) > 0; }

  void emit(std::string_view text, std::size_t begin, std::size_t end, bool joined, std::uint32_t& position,
            std::vector<Token>& out) {
    if (end <= begin || end - begin > kMaxWordBytes) return;
    const Entry& entry = lookup(text.substr(begin, end - begin));
    if (entry.term.empty()) return;
    Token token;
    token.term = entry.term;
    token.accent_term = entry.accent_term;
    token.begin = static_cast<std::uint32_t>(begin);
    token.end = static_cast<std::uint32_t>(end);
    token.position = position++;
    token.stopword = entry.stopword;
    token.joined = joined;
    out.push_back(std::move(token));
  }

  void analyze(std::string_view text, std::vector<Token>& out) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto len = static_cast<int32_t>(text.size());
    std::uint32_t position = 0;
    bool joined = false;  // the next part continues a hyphenated compound

    // Decodes the code point at `at`, moving `at` past it.
    auto next = [&](int32_t& at) {
      UChar32 c;
      U8_NEXT(s, at, len, c);
      return c;
    };

    int32_t i = 0;
    while (i < len) {
      int32_t start = i;
      UChar32 c = next(i);
      Kind kind = classify(c);
      if (kind == Kind::kInvalid) ++invalid;
      if (kind == Kind::kIdeograph) {
        emit(text, start, i, false, position, out);
        joined = false;
        continue;
      }
      if (kind != Kind::kWord) {
        joined = false;
        continue;
      }
      // A word part runs from `part` over word characters and the joiners
      // that keep codes, numbers and aujourd'hui whole.
      int32_t part = start;
      bool digit = is_digit(c);
      while (true) {
        int32_t end = i;
        int32_t after = i;
        Kind k2 = Kind::kSeparator;
        UChar32 c2 = 0;
        if (after < len) {
          c2 = next(after);
          k2 = classify(c2);
        }
        if (k2 == Kind::kWord) {
          digit = digit || is_digit(c2);
          i = after;
          continue;
        }
        int32_t after3 = after;
        UChar32 c3 = after3 < len ? next(after3) : -1;
        bool word_follows = c3 >= 0 && classify(c3) == Kind::kWord;
        if (k2 == Kind::kApostrophe && word_follows) {
          if (is_elision(text.substr(part, end - part))) part = after;  // drop l’ d’ qu’ …
          digit = digit || is_digit(c3);
          i = after3;
          continue;
        }
        if ((k2 == Kind::kJoiner || k2 == Kind::kHyphen) && word_follows && (digit || is_digit(c3))) {
          digit = true;
          i = after3;
          continue;
        }
        emit(text, part, end, joined, position, out);
        if (k2 == Kind::kHyphen && word_follows) {
          joined = true;
          i = after;  // the next part starts after the hyphen
        } else {
          joined = false;
          i = end;
        }
        break;
      }
    }
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

void Analyzer::analyze(std::string_view text, std::vector<Token>& out) { impl_->analyze(text, out); }

std::string Analyzer::term(std::string_view word, bool* stopword) {
  std::vector<Token> tokens;
  impl_->analyze(word, tokens);
  if (stopword) *stopword = !tokens.empty() && tokens.front().stopword;
  return tokens.empty() ? std::string() : tokens.front().term;
}

std::size_t Analyzer::invalid_bytes() const { return impl_->invalid; }

}  // namespace fouille::stemming
