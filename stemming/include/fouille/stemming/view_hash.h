// A string hash for unordered containers keyed by std::string that lets
// find() take a std::string_view: looking up a word allocates nothing.
//
//   std::unordered_map<std::string, int, fouille::ViewHash, std::equal_to<>> counts;
//   counts.find(std::string_view(text).substr(0, 5));
#pragma once

#include <functional>
#include <string_view>

namespace fouille {

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace fouille
