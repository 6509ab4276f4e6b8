#include "word_lists.h"

#include "fouille/stemming/fold.h"

namespace fouille::data {
extern const std::string_view stopwords_fr;
extern const std::string_view elisions;
extern const std::string_view accent_stems;
}  // namespace fouille::data

namespace fouille::stemming::detail {
namespace {

std::unordered_set<std::string> folded_set(std::string_view data) {
  std::unordered_set<std::string> set;
  for_each_line(data, [&](std::string_view line) { set.insert(fold(line)); });
  return set;
}

}  // namespace

const std::unordered_set<std::string>& stopwords() {
  static const auto set = folded_set(data::stopwords_fr);
  return set;
}

const std::unordered_set<std::string>& elisions() {
  static const auto set = folded_set(data::elisions);
  return set;
}

const std::unordered_map<std::string_view, std::string_view>& accent_stems() {
  // Views into the embedded table: nothing is copied.
  static const auto map = [] {
    std::unordered_map<std::string_view, std::string_view> m;
    for_each_line(data::accent_stems, [&](std::string_view line) {
      std::size_t tab = line.find('\t');
      if (tab != std::string_view::npos) m.emplace(line.substr(0, tab), line.substr(tab + 1));
    });
    return m;
  }();
  return map;
}

}  // namespace fouille::stemming::detail
