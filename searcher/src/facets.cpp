#include "facets.h"

#include <algorithm>

#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"

namespace fouille::searcher {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  std::string value = doc.get_value(field_.slot);
  if (value.empty()) return;
  if (!field_.multi()) {
    ++counts_[value];
    return;
  }
  std::size_t start = 0;
  while (true) {
    std::size_t sep = value.find(corpus::kMultiSeparator, start);
    ++counts_[value.substr(start, sep - start)];
    if (sep == std::string::npos) break;
    start = sep + 1;
  }
}

std::vector<FacetValue> FacetSpy::values() const {
  std::vector<FacetValue> out;
  for (const auto& [value, count] : counts_) {
    FacetValue v;
    v.value = value;
    v.count = count;
    if (field_.key == "countries" && value.size() == 2) {
      v.label = corpus::countries().french_name(value);
    } else if (field_.key == "budget_range") {
      v.label = corpus::budget_range_label(value);
    } else {
      v.label = value;
    }
    out.push_back(std::move(v));
  }
  if (field_.key == "year" || field_.key == "budget_range") {
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.value.size() != b.value.size() ? a.value.size() < b.value.size() : a.value < b.value;
    });
  } else {
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
  }
  return out;
}

}  // namespace fouille::searcher
