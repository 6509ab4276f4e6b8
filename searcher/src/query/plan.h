// Private: the one form a query has between the compiler and Xapian. The
// compiler and field queries build a Plan once; the count pass evaluates it
// as sets of documents (match_set.h), the ranked pass turns it into a
// Xapian::Query (xapian_form.h). Relaxing a query, restricting it to the
// count pass's documents or weighing partial matches by coverage are
// transformations of the plan, never of a Xapian query taken apart again.
//
//   Plan q = Plan::join(Plan::Op::kAnd, {Plan::term("migrant"), Plan::phrase({"traite", "etre"}, 2)});
//   q.key()   // (and "migrant" (phrase/2 "traite" "etre"))
//
// A Plan is immutable and cheap to copy (shared nodes). An empty Plan (no
// query) matches nothing, as an empty Xapian::Query does.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "doc_set.h"

namespace fouille::searcher {

/// A range of a number slot (budget:100k..200k); bounds inclusive, at least
/// one set.
struct NumberRange {
  unsigned slot = 0;
  std::optional<double> low, high;
};

class Plan {
 public:
  enum class Op : std::uint8_t {
    kEmpty,    ///< no query: matches nothing
    kAll,      ///< every document
    kNothing,  ///< no document
    kTerm,
    kPhrase,  ///< terms in order within a window of positions
    kNear,    ///< terms in any order within a window
    kRange,   ///< a number slot within bounds
    kDocs,    ///< a set the count pass found (or every document), each weighing weight()
    kAnd,
    kOr,
    kAndNot,    ///< the first part less every other
    kAndMaybe,  ///< the first part, the others only weigh
    kFilter,    ///< the first part, restricted by the others (which do not weigh)
    kSynonym,   ///< the parts weighed as one term
    kScale,     ///< the one part, its weight times factor()
  };

  Plan() = default;
  static Plan all();
  static Plan nothing();
  static Plan term(std::string term);
  /// `window`: positions the terms may span (their number for adjacent words).
  static Plan phrase(std::vector<std::string> terms, unsigned window);
  static Plan near(std::vector<std::string> terms, unsigned window);
  static Plan range(NumberRange range);
  static Plan docs(std::shared_ptr<const DocSet> set, double weight = 0);
  /// Every document, each weighing `weight` (> 0): a kDocs leaf with no set.
  /// Filtered by a clause, it weighs a partial match's coverage where the
  /// count pass's sets cannot travel (shards).
  static Plan every(double weight);
  /// `op` (kAnd … kSynonym) over `parts`, in order; empty parts are kept
  /// (they match nothing where they stand).
  static Plan join(Op op, std::vector<Plan> parts);
  static Plan scale(Plan part, double factor);

  Op op() const { return node_ ? node_->op : Op::kEmpty; }
  bool empty() const { return !node_; }
  const std::string& term() const;                    ///< kTerm
  const std::vector<std::string>& terms() const;      ///< kPhrase, kNear
  unsigned window() const;                            ///< kPhrase, kNear
  const NumberRange& range() const;                   ///< kRange
  const std::shared_ptr<const DocSet>& docs() const;  ///< kDocs; null: every document
  double weight() const;                              ///< kDocs
  double factor() const;                              ///< kScale
  const std::vector<Plan>& parts() const;             ///< operators

  /// A canonical text of the plan: equal for equal plans, different for
  /// different ones (terms quoted, numbers exact). Names the documents of a
  /// kDocs leaf by their count only: such plans are never cached.
  std::string key() const;

 private:
  struct Node {
    Op op = Op::kEmpty;
    std::string term;
    std::vector<std::string> terms;
    unsigned window = 0;
    NumberRange range;
    std::shared_ptr<const DocSet> docs;
    double number = 0;  // a kDocs leaf's weight, a kScale's factor
    std::vector<Plan> parts;
  };
  explicit Plan(std::shared_ptr<const Node> node) : node_(std::move(node)) {}
  const Node& node() const;

  std::shared_ptr<const Node> node_;
};

/// `parts` joined by `op`: nothing for none, the part itself for one (what
/// the compiler's clauses need: "a" alone is no AND).
Plan combine(Plan::Op op, std::vector<Plan> parts);

}  // namespace fouille::searcher
