#include "fouille/stemming/fold.h"

#include <array>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "fouille/base/error.h"

namespace fouille::stemming {
namespace {

struct Normalizers {
  const icu::Normalizer2* casefold = nullptr;  // NFKC_Casefold
  const icu::Normalizer2* nfd = nullptr;
};

const Normalizers& normalizers() {
  static const Normalizers n = [] {
    UErrorCode status = U_ZERO_ERROR;
    Normalizers r;
    r.casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    r.nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
      throw Error(std::string("ICU normalizer data unavailable: ") + u_errorName(status));
    }
    return r;
  }();
  return n;
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

}  // namespace

std::string detail::icu_fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const Normalizers& n = normalizers();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = n.casefold->normalize(u, status);
  icu::UnicodeString decomposed = n.nfd->normalize(folded, status);
  if (U_FAILURE(status)) return out;  // only on allocation failure
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (U_GET_GC_MASK(c) & U_GC_M_MASK) continue;  // accents and other marks
    switch (c) {
      case 0xFFFD:
        break;  // what ICU made of invalid bytes
      case 0x0153:
        out += "oe";
        break;
      case 0x00E6:
        out += "ae";
        break;
      case 0x2018:
      case 0x2019:
      case 0x02BC:
        out += '\'';
        break;
      default:
        append_utf8(out, c);
    }
  }
  return out;
}

namespace {

// Folding through ICU costs a microsecond or more a call, and labels, names
// and words are folded by the thousand a document. Text of the Latin blocks
// (below U+0250) and of General Punctuation (U+2000 to U+206F: the
// apostrophe ’, dashes, the ellipsis, narrow spaces, all common in French
// text) folds a character at a time, each as ICU folds it alone: the same
// string, as no character there combines with its neighbours under NFKC
// (combining marks start at U+0300; a test compares every pair). The
// tables are ICU's own output, built once.
constexpr UChar32 kLatinEnd = 0x250;
constexpr UChar32 kPunctuationBegin = 0x2000, kPunctuationEnd = 0x2070;

struct FoldTables {
  std::array<std::string, kLatinEnd> latin;
  std::array<std::string, kPunctuationEnd - kPunctuationBegin> punctuation;
};

std::string icu_fold_one(UChar32 c) {
  std::string one;
  append_utf8(one, c);
  return detail::icu_fold(one);
}

const FoldTables& fold_tables() {
  static const FoldTables tables = [] {
    FoldTables t;
    for (UChar32 c = 0; c < kLatinEnd; ++c) t.latin[static_cast<std::size_t>(c)] = icu_fold_one(c);
    for (UChar32 c = kPunctuationBegin; c < kPunctuationEnd; ++c) {
      t.punctuation[static_cast<std::size_t>(c - kPunctuationBegin)] = icu_fold_one(c);
    }
    return t;
  }();
  return tables;
}

// Appends the ASCII bytes s[from, to) lower-cased; a loop the compiler widens.
void append_ascii_lower(std::string& out, const char* from, const char* to) {
  const std::size_t at = out.size();
  out.append(from, to);
  for (std::size_t k = at; k < out.size(); ++k) {
    const char c = out[k];
    out[k] = static_cast<char>(c + ((static_cast<unsigned char>(c - 'A') < 26) << 5));
  }
}

}  // namespace

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto len = static_cast<int32_t>(utf8.size());
  const FoldTables& tables = fold_tables();
  for (int32_t i = 0; i < len;) {
    if (s[i] < 0x80) {
      int32_t end = i + 1;
      while (end < len && s[end] < 0x80) ++end;
      append_ascii_lower(out, utf8.data() + i, utf8.data() + end);
      i = end;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0 && c < kLatinEnd) {
      out += tables.latin[static_cast<std::size_t>(c)];
    } else if (c >= kPunctuationBegin && c < kPunctuationEnd) {
      out += tables.punctuation[static_cast<std::size_t>(c - kPunctuationBegin)];
    } else {
      return detail::icu_fold(utf8);
    }
  }
  return out;
}

std::string lower(std::string_view utf8) {
  std::string out(utf8);
  if (is_ascii(utf8)) {
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toLower(icu::Locale::getFrench());
  out.clear();
  u.toUTF8String(out);
  return out;
}

std::string sanitize_utf8(std::string_view text, std::size_t* invalid) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  std::size_t bad = 0;
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      ++bad;
    } else {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  if (invalid) *invalid += bad;
  return out;
}

}  // namespace fouille::stemming
