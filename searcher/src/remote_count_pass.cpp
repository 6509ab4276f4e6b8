// The count pass over shards served remotely. The local count pass gathers
// matches as bit sets; across the network that would read every posting, so
// here each count is one pass of Xapian's own matcher on every shard, with a
// ValueCountMatchSpy per counted facet slot: the shards' servers match and
// count, the client sums. Totals are exact (every document is checked), and
// a filtered facet is counted with its own filter left out, as locally.
#include <memory>

#include "full_term_guard.h"
#include "passes.h"
#include "query/xapian_form.h"

namespace fouille::searcher {
namespace {

struct SpyCount {
  Xapian::doccount total = 0;
  bool exact = true;
  std::vector<std::vector<std::uint32_t>> counts;  // per column asked, per value id
};

// The documents `plan` matches, counted, with the values of `columns`.
SpyCount spy_count(const Xapian::Database& db, const Plan& plan, const FacetTable& table,
                   const std::vector<int>& columns, double time_limit) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (time_limit > 0) enquire.set_time_limit(time_limit);
  enquire.set_query(to_xapian(guard_full_terms_remote(plan, db, /*weighted=*/false), db));
  // A spy reads its slot in every match: none for a facet no document has.
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  for (int c : columns) {
    const auto& col = table.columns()[static_cast<std::size_t>(c)];
    spies.push_back(col.values.empty() ? nullptr : std::make_unique<Xapian::ValueCountMatchSpy>(col.field->slot));
    if (spies.back()) enquire.add_matchspy(spies.back().get());
  }
  const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
  SpyCount out;
  out.total = mset.get_matches_estimated();
  out.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& col = table.columns()[static_cast<std::size_t>(columns[i])];
    auto& counts = out.counts.emplace_back(col.values.size(), 0);
    if (!spies[i]) continue;
    auto add = [&](std::string_view value, Xapian::doccount n) {
      // A value new since the table was read (a commit in between) waits
      // for the next revision's table.
      if (auto it = col.id_of.find(value); it != col.id_of.end()) counts[it->second] += n;
    };
    for_each_counted(*spies[i], *col.field, add);
  }
  return out;
}

}  // namespace

Counted remote_count_pass(const Request& request, CompiledQuery& compiled, const FilterGroups& groups,
                          const FacetTable& table, const Xapian::Database& db, Result& result) {
  const std::vector<const corpus::Field*> facet_list = facet_fields(request);
  std::vector<int> free_columns;
  for (const auto* f : facet_list) {
    if (!groups.count(f->key)) free_columns.push_back(table.column_of(f->key));
  }
  Counted counted;
  counted.sets = false;
  SpyCount all = spy_count(db, filtered(compiled.query, groups), table, free_columns, request.time_limit);
  bool exact = all.exact;
  counted.all_words = all.total;
  if (too_few(request, compiled, counted.all_words)) {
    counted.every_word = compiled.query;
    compiled.query = compiled.any_word;
    for (const auto& clause : compiled.coverage) {
      const SpyCount holding = spy_count(db, clause, table, {}, request.time_limit);
      exact = exact && holding.exact;
      counted.coverage_clauses.push_back(clause);
      counted.coverage_weights.push_back(coverage_weight(holding.total, table.document_count()));
    }
    all = spy_count(db, filtered(compiled.query, groups), table, free_columns, request.time_limit);
    exact = exact && all.exact;
    result.relaxed = all.total > counted.all_words;
    result.all_words = counted.all_words;
  }
  result.total = counted.matched_count = all.total;
  for (auto& [words, others] : compiled.synonyms) result.synonyms.push_back({words, others});
  if (!free_columns.empty()) {
    FacetCounts counts(table, free_columns, std::move(all.counts));
    for (int c : free_columns)
      result.facets[table.columns()[static_cast<std::size_t>(c)].field->key] = counts.values(c, request.lang);
  }
  for (const auto* f : facet_list) {
    if (!groups.count(f->key)) continue;
    const int column = table.column_of(f->key);
    SpyCount own = spy_count(db, filtered(compiled.query, groups, f->key), table, {column}, request.time_limit);
    exact = exact && own.exact;
    result.facets[f->key] = FacetCounts(table, {column}, std::move(own.counts)).values(column, request.lang);
  }
  result.exact = exact;
  return counted;
}

}  // namespace fouille::searcher
