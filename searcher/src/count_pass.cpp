#include <cmath>
#include <optional>

#include "fouille/base/error.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/fold.h"
#include "fouille/store/terms.h"

#include "field_query.h"
#include "passes.h"

namespace fouille::searcher {
namespace {

// Every word together finding fewer documents than this is too few: the
// documents holding only some of the words follow them. A page's worth: on
// the judged set (bench/relevance), nDCG@10 was 0.809 relaxing only when
// nothing matched, 0.861 below 3, 0.874 below 5 and 0.875 below 10, the
// same as always relaxing.
constexpr Xapian::doccount kTooFew = 10;

// The keys of the schema's facets, for a message: "budget_range, continent, …".
std::string facet_keys() {
  std::string keys;
  for (const auto& f : corpus::schema().fields()) {
    if (f.facet) keys += (keys.empty() ? "" : ", ") + f.key;
  }
  return keys;
}

}  // namespace

std::vector<const corpus::Field*> facet_fields(const Request& request) {
  std::vector<const corpus::Field*> fields;
  if (request.no_facets) return fields;
  for (const auto& key : request.facets.empty() ? default_facets() : request.facets) {
    const corpus::Field* f = corpus::schema().field_for_name(key);  // names, then canonical keys
    if (!f || !f->facet) {
      throw UsageError(Message{"option.not_a_facet", {key, facet_keys()}});
    }
    fields.push_back(f);
  }
  return fields;
}

namespace {

// A relaxed search ranks a partial match first by how much of the query it
// holds: the sum, over the meaningful clauses it matches, of each clause's
// inverse document frequency, scaled so that coverage decides and BM25 only
// orders documents of equal coverage (a BM25 term weight stays well under
// this: at most about (k1 + 1) × idf, below 25 on any corpus we index).
constexpr double kCoverageScale = 100.0;

}  // namespace

double coverage_weight(std::size_t holding, std::size_t documents) {
  return kCoverageScale * std::log((static_cast<double>(documents) + 1.0) / (static_cast<double>(holding) + 0.5));
}

bool too_few(const Request& request, const CompiledQuery& compiled, Xapian::doccount all_words) {
  return all_words < (request.collapse ? 1 : kTooFew) && request.op == Operator::kAuto &&
         compiled.optional_clauses >= 2;
}

namespace {

// A facet's label typed back as a filter (« Page web », a publisher's name):
// the values the facet shows by that label, in either language. Nothing when
// the value is one as stored, or no value is shown so.
std::optional<Plan> by_shown_label(const corpus::Field& field, const std::string& value, const FacetTable& table,
                                   const Xapian::Database& db) {
  const int column = table.column_of(field.key);
  if (column < 0 || field.filter_prefix.empty() || field.id == corpus::FieldId::kYear ||
      field.id == corpus::FieldId::kBudgetRange || db.term_exists(store::filter_term(field, value))) {
    return std::nullopt;
  }
  const FacetTable::Column& col = table.columns()[static_cast<std::size_t>(column)];
  const std::string typed = stemming::fold(value);
  std::vector<Plan> terms;
  for (std::size_t id = 0; id < col.values.size(); ++id) {
    const bool own = id < col.labels.size() && !col.labels[id].empty();
    const bool shown = own ? stemming::fold(col.labels[id]) == typed
                           : stemming::fold(facet_label(field.id, col.values[id], "fr")) == typed ||
                                 stemming::fold(facet_label(field.id, col.values[id], "en")) == typed;
    if (shown) terms.push_back(Plan::term(store::filter_term(field, col.values[id])));
  }
  if (terms.empty()) return std::nullopt;
  return Plan::join(Plan::Op::kOr, std::move(terms));
}

}  // namespace

FilterGroups filter_groups(const Request& request, stemming::Analyzer& analyzer, const Xapian::Database& db,
                           const FacetTable& table) {
  FilterGroups groups;
  for (const auto& [name, value] : request.filters) {
    const corpus::Field* field = corpus::schema().field_for_name(name);
    if (!field || field->kind == corpus::FieldKind::kLabel || field->kind == corpus::FieldKind::kInternal) {
      throw UsageError(Message{"option.unknown_filter", {name, value}});
    }
    if (auto shown = by_shown_label(*field, value, table, db)) {
      groups[field->key].push_back(std::move(*shown));
      continue;
    }
    try {
      groups[field->key].push_back(field_query(*field, value, true, analyzer, db, FieldUse::kFilter).query);
    } catch (const QueryError& e) {
      throw UsageError(Message{"option.filter", {name, value, describe(e)}});
    }
  }
  return groups;
}

// `base` restricted by every filter group but the one of field `except`.
Plan filtered(const Plan& base, const FilterGroups& groups, const std::string& except) {
  std::vector<Plan> parts;
  for (const auto& [key, plans] : groups) {
    if (key != except) parts.push_back(Plan::join(Plan::Op::kOr, plans));
  }
  if (parts.empty()) return base;
  return Plan::join(Plan::Op::kFilter, {base, Plan::join(Plan::Op::kAnd, std::move(parts))});
}

// The count pass: every match as a set of documents, for the exact total and
// the facets. Each filter group is evaluated once; a filtered field's facet
// counts as if its own filter were not set (disjunctive counts), so its other
// values show what choosing them would give. Relaxes `compiled` to any word
// when every word together finds too few.
Counted count_pass(const Request& request, CompiledQuery& compiled, const FilterGroups& groups, const FacetTable& table,
                   MatchSets& sets, Result& result) {
  const std::vector<const corpus::Field*> facet_list = facet_fields(request);
  std::map<std::string, DocSet> group_sets;
  for (const auto& [key, plans] : groups) group_sets[key] = sets.evaluate(Plan::join(Plan::Op::kOr, plans));
  auto restricted = [&](DocSet set, const std::string& except) {
    for (const auto& [key, group] : group_sets) {
      if (key != except) set.intersect(group);
    }
    return set;
  };
  Counted counted;
  DocSet base = sets.evaluate(compiled.query);
  counted.matched = restricted(base, "");
  // Every word together finds too few: any word may match, after the documents
  // holding them all (collapsing relaxes only when nothing matches: its total
  // counts projects of one ranked list).
  counted.all_words = static_cast<Xapian::doccount>(counted.matched.count());
  if (too_few(request, compiled, counted.all_words)) {
    counted.every_word = compiled.query;
    counted.every_word_matched = counted.matched;
    compiled.query = compiled.any_word;  // the same clauses, joined by OR
    for (const auto& clause : compiled.coverage) {
      auto set = std::make_shared<const DocSet>(sets.evaluate(clause));
      counted.coverage_clauses.push_back(clause);
      counted.coverage_weights.push_back(coverage_weight(set->count(), table.document_count()));
      counted.coverage_sets.push_back(std::move(set));
    }
    base = sets.evaluate(compiled.query);
    counted.matched = restricted(base, "");
    result.relaxed = counted.matched.count() > counted.all_words;
    result.all_words = counted.all_words;
  }
  result.total = counted.matched_count = static_cast<Xapian::doccount>(counted.matched.count());
  for (auto& [words, others] : compiled.synonyms) result.synonyms.push_back({words, others});
  std::vector<int> free_columns;
  for (const auto* f : facet_list) {
    if (!groups.count(f->key)) free_columns.push_back(table.column_of(f->key));
  }
  if (!free_columns.empty()) {
    FacetCounts counts(table, free_columns, counted.matched);
    for (int c : free_columns)
      result.facets[table.columns()[static_cast<std::size_t>(c)].field->key] = counts.values(c, request.lang);
  }
  for (const auto* f : facet_list) {
    if (!groups.count(f->key)) continue;
    const int column = table.column_of(f->key);
    result.facets[f->key] = FacetCounts(table, {column}, restricted(base, f->key)).values(column, request.lang);
  }
  result.exact = sets.exact();
  return counted;
}

}  // namespace fouille::searcher
