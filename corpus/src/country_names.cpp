#include "country_names.h"

#include <array>
#include <functional>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "fouille/stemming/fold.h"

#include "table.h"

namespace fouille::corpus::detail {
namespace {

enum class CharClass { kWord, kComma, kBreak, kSpace };

CharClass classify(UChar32 c) {
  if (c == ',') return CharClass::kComma;
  if (c == ';' || c == '/' || c == '|' || c == '\n' || c == 0x2022 || c == 0x00B7 || c == 0x25AA) {
    return CharClass::kBreak;
  }
  if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) return CharClass::kWord;
  return CharClass::kSpace;
}

constexpr std::array<std::string_view, 8> kConnectors = {"and", "et", "the", "la", "le", "les", "l", "y"};
constexpr std::array<std::string_view, 5> kArticles = {"the ", "la ", "le ", "les ", "l'"};

std::string without_article(std::string_view name) {
  std::string folded = stemming::fold(name);
  for (auto a : kArticles) {
    if (folded.starts_with(a)) return std::string(trim(name.substr(a.size())));
  }
  return {};
}

}  // namespace

bool for_each_name_token(std::string_view text, const std::function<bool(NameToken&&)>& fn) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  int32_t i = 0, word_begin = -1;
  auto close_word = [&](int32_t at) {
    if (word_begin < 0) return true;
    auto b = static_cast<std::size_t>(word_begin), e = static_cast<std::size_t>(at);
    word_begin = -1;
    return fn({NameToken::kWord, stemming::fold(text.substr(b, e - b)), b, e});
  };
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    CharClass k = c < 0 ? CharClass::kSpace : classify(c);
    if (k == CharClass::kWord) {
      if (word_begin < 0) word_begin = at;
      continue;
    }
    if (!close_word(at)) return false;
    if (k != CharClass::kSpace && !fn({k == CharClass::kComma ? NameToken::kComma : NameToken::kBreak,
                                       {},
                                       static_cast<std::size_t>(at),
                                       static_cast<std::size_t>(i)})) {
      return false;
    }
  }
  return close_word(n);
}

std::vector<NameToken> name_tokens(std::string_view text) {
  std::vector<NameToken> out;
  for_each_name_token(text, [&](NameToken&& t) {
    out.push_back(std::move(t));
    return true;
  });
  return out;
}

std::string name_key(std::string_view name) {
  std::string key;
  for (const auto& t : name_tokens(name)) {
    if (t.kind != NameToken::kWord || is_connector(t.folded)) continue;
    if (!key.empty()) key += ' ';
    key += t.folded;
  }
  return key;
}

std::vector<std::string> name_variants(std::string_view name) {
  std::vector<std::string> out;
  std::string_view t = trim(name);
  // "Micronesia (Federated States of)": the part outside, and inside + outside.
  std::size_t open = t.find(" (");
  if (open != std::string_view::npos && t.back() == ')') {
    std::string_view outside = t.substr(0, open), inside = t.substr(open + 2, t.size() - open - 3);
    out.emplace_back(outside);
    out.push_back(std::string(inside) + " " + std::string(outside));
  }
  // "Korea, Republic of": the part after the last comma goes first.
  std::size_t comma = t.rfind(", ");
  if (comma != std::string_view::npos && t.find('(') == std::string_view::npos) {
    out.push_back(std::string(t.substr(comma + 2)) + " " + std::string(t.substr(0, comma)));
  }
  std::size_t count = out.size();
  for (std::size_t k = 0; k < count; ++k) {
    if (auto bare = without_article(out[k]); !bare.empty()) out.push_back(bare);
  }
  if (auto bare = without_article(t); !bare.empty()) out.push_back(bare);
  return out;
}

std::string display_form(std::string_view name) {
  std::size_t comma = name.rfind(", ");
  if (comma == std::string_view::npos) return std::string(name);
  std::string_view tail = name.substr(comma + 2);
  if (!tail.ends_with(" of") && !tail.ends_with(" of the")) return {};
  return std::string(tail) + " " + std::string(name.substr(0, comma));
}

bool is_connector(std::string_view folded_word) {
  for (auto c : kConnectors) {
    if (c == folded_word) return true;
  }
  return false;
}

}  // namespace fouille::corpus::detail
