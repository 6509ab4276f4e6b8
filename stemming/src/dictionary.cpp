#include "fouille/stemming/dictionary.h"

#include <algorithm>
#include <vector>

#include "fouille/data/dictionary.h"
#include "fouille/stemming/fold.h"

namespace fouille::stemming {
namespace {

// The table's words, sorted (the build sorted them): views into the embedded
// bytes, made once.
const std::vector<std::string_view>& words() {
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> out;
    std::string_view rest = data::dictionary;
    out.reserve(rest.size() / 9);
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      out.push_back(rest.substr(0, end));
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
    return out;
  }();
  return all;
}

}  // namespace

bool is_dictionary_word(std::string_view word) {
  const std::string folded = fold(word);
  const auto& all = words();
  return std::binary_search(all.begin(), all.end(), std::string_view(folded));
}

std::size_t dictionary_size() { return words().size(); }

}  // namespace fouille::stemming
