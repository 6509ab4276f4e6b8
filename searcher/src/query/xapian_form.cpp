#include "query/xapian_form.h"

#include <vector>

#include "fouille/corpus/schema.h"
#include "fouille/store/coding.h"

#include "doc_set_source.h"

namespace fouille::searcher {
namespace {

Xapian::Query::op xapian_op(Plan::Op op) {
  switch (op) {
    case Plan::Op::kAnd:
      return Xapian::Query::OP_AND;
    case Plan::Op::kOr:
      return Xapian::Query::OP_OR;
    case Plan::Op::kAndNot:
      return Xapian::Query::OP_AND_NOT;
    case Plan::Op::kAndMaybe:
      return Xapian::Query::OP_AND_MAYBE;
    case Plan::Op::kFilter:
      return Xapian::Query::OP_FILTER;
    case Plan::Op::kSynonym:
      return Xapian::Query::OP_SYNONYM;
    default:
      return Xapian::Query::OP_INVALID;
  }
}

// Xapian's own value ranges (bounds compared as bytes, as store::encode_number
// writes numbers): a shard's server evaluates them as they are.
Xapian::Query range_query(const NumberRange& r) {
  if (r.low && r.high) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, r.slot, store::encode_number(*r.low),
                         store::encode_number(*r.high));
  }
  if (r.low) return Xapian::Query(Xapian::Query::OP_VALUE_GE, r.slot, store::encode_number(*r.low));
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, r.slot, store::encode_number(*r.high));
}

// Every document weighing `weight`: a built-in posting source a shard's
// server knows, over a slot every document fills (its source), whatever the
// value.
Xapian::Query every_document(double weight) {
  auto* source = new Xapian::ValueMapPostingSource(corpus::schema().field(corpus::FieldId::kSource).slot);
  source->set_default_weight(weight);
  return Xapian::Query(source->release());
}

}  // namespace

Xapian::Query to_xapian(const Plan& plan, const Xapian::Database& db) {
  switch (plan.op()) {
    case Plan::Op::kEmpty:
      return Xapian::Query();
    case Plan::Op::kAll:
      return Xapian::Query::MatchAll;
    case Plan::Op::kNothing:
      return Xapian::Query::MatchNothing;
    case Plan::Op::kTerm:
      return Xapian::Query(plan.term());
    case Plan::Op::kPhrase:
    case Plan::Op::kNear: {
      const auto& terms = plan.terms();
      const auto op = plan.op() == Plan::Op::kPhrase ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR;
      return Xapian::Query(op, terms.begin(), terms.end(), plan.window());
    }
    case Plan::Op::kRange:
      return range_query(plan.range());
    case Plan::Op::kDocs:
      if (!plan.docs()) return every_document(plan.weight());
      return plan.weight() == 0 ? doc_set_query(plan.docs(), db)
                                : weighted_doc_set_query(plan.docs(), plan.weight(), db);
    case Plan::Op::kScale:
      return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, to_xapian(plan.parts().front(), db), plan.factor());
    default: {
      std::vector<Xapian::Query> parts;
      parts.reserve(plan.parts().size());
      for (const Plan& part : plan.parts()) parts.push_back(to_xapian(part, db));
      return Xapian::Query(xapian_op(plan.op()), parts.begin(), parts.end());
    }
  }
}

}  // namespace fouille::searcher
