#include "word_lists.h"

#include <algorithm>
#include <vector>

#include "fouille/base/lines.h"
#include "fouille/data/accent_stems.h"
#include "fouille/data/elisions.h"
#include "fouille/data/generic_words.h"
#include "fouille/data/stopwords_en.h"
#include "fouille/data/stopwords_fr.h"
#include "fouille/stemming/fold.h"

namespace fouille::stemming::detail {
namespace {

std::unordered_set<std::string> folded_set(std::string_view data) {
  std::unordered_set<std::string> set;
  base::for_each_data_line(data, [&](std::string_view line) { set.insert(fold(line)); });
  return set;
}

}  // namespace

const std::unordered_set<std::string>& stopwords() {
  static const auto set = [] {
    auto words = folded_set(data::stopwords_fr);
    words.merge(folded_set(data::stopwords_en));
    return words;
  }();
  return set;
}

const std::unordered_set<std::string>& generic_words() {
  static const auto set = folded_set(data::generic_words);
  return set;
}

const std::unordered_set<std::string>& elisions() {
  static const auto set = folded_set(data::elisions);
  return set;
}

std::optional<std::string_view> accent_stem(std::string_view folded) {
  // The table is sorted by word (a test checks it): a binary search over
  // views into the embedded text, so every process starts without building
  // a 42,000-entry hash map.
  using Entry = std::pair<std::string_view, std::string_view>;
  static const std::vector<Entry> table = [] {
    std::vector<Entry> t;
    base::for_each_data_line(data::accent_stems, [&](std::string_view line) {
      std::size_t tab = line.find('\t');
      if (tab != std::string_view::npos) t.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    });
    return t;
  }();
  auto it = std::lower_bound(table.begin(), table.end(), folded,
                             [](const Entry& e, std::string_view key) { return e.first < key; });
  if (it == table.end() || it->first != folded) return std::nullopt;
  return it->second;
}

}  // namespace fouille::stemming::detail

namespace fouille::stemming {

bool is_generic_word(std::string_view word) { return detail::generic_words().count(fold(word)) > 0; }

}  // namespace fouille::stemming
