// Private: facet counting. One spy per facet reads the field's value slot for
// every matching document (multi-valued slots are split), so counts cover the
// whole match set, not the page.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "fouille/corpus/schema.h"
#include "fouille/searcher/searcher.h"

namespace fouille::searcher {

class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const corpus::Field& field) : field_(field) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  std::string name() const override { return "fouille.FacetSpy"; }

  /// Counted values with labels, most frequent first (years and budget
  /// ranges in their natural order).
  std::vector<FacetValue> values() const;
  const corpus::Field& field() const { return field_; }

 private:
  const corpus::Field& field_;
  std::unordered_map<std::string, std::size_t> counts_;
};

}  // namespace fouille::searcher
