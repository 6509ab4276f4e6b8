#include "fouille/searcher/searcher.h"

#include <chrono>

#include "fouille/base/error.h"
#include "fouille/corpus/schema.h"
#include "fouille/store/database.h"
#include "fouille/store/shard_map.h"

#include "field_query.h"
#include "filter_notes.h"
#include "passes.h"
#include "query/xapian_form.h"
#include "searcher_impl.h"

namespace fouille::searcher {
namespace {

// Searches restarted on a database that changed under them, at most (each
// restart sees the latest commit, so a second is almost never needed).
constexpr int kSearchAttempts = 5;

}  // namespace

const std::vector<std::string>& default_facets() {
  using corpus::FieldId;
  static const std::vector<std::string> facets = [] {
    std::vector<std::string> keys;
    for (FieldId id : {FieldId::kRegion, FieldId::kProjectType, FieldId::kStatus, FieldId::kCountries,
                       FieldId::kContinent, FieldId::kCoverage, FieldId::kYear, FieldId::kBudgetRange, FieldId::kFormat,
                       FieldId::kSectors, FieldId::kSectorCategory, FieldId::kPublisher}) {
      keys.emplace_back(corpus::field_key(id));
    }
    return keys;
  }();
  return facets;
}

Searcher::Searcher(const std::string& db_path) : Searcher(std::make_shared<Index>(db_path)) {}

Searcher::Searcher(std::shared_ptr<Index> index) : impl_(std::make_unique<Impl>(std::move(index))) {}

Searcher::Impl::Impl(std::shared_ptr<Index> shared) : index(std::move(shared)), followed(index->path()) {
  if (!IndexAccess::impl(*index).remote) return;
  const store::ShardMap map = store::read_shard_map(path);
  if (!map.spelling.empty()) spelling = store::open_for_reading(map.spelling);
}

Searcher::~Searcher() = default;

std::size_t Searcher::size() const { return impl_->db.get_doccount(); }

// An indexer committing while a search reads makes Xapian throw
// DatabaseModifiedError (the blocks read were reused); a fresh build switching
// generations leaves an open database on the old one. Either way the search
// opens the database again from its path and starts over.
Result Searcher::search(const Request& request) {
  for (int attempt = 1;; ++attempt) {
    try {
      return impl_->search(request);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kSearchAttempts) {
        throw IndexError(
            Message{"index.search_kept_changing", {impl_->path, std::to_string(kSearchAttempts), e.get_msg()}});
      }
      impl_->followed = FollowedDatabase(impl_->path);
    } catch (const Xapian::NetworkError& e) {
      // A shard's server stopped or timed out: connect again, each shard to
      // the first of its servers that answers, and search once more.
      if (attempt > 1) throw IndexError(Message{"index.search_failed", {impl_->path, e.get_description()}});
      impl_->followed = FollowedDatabase(impl_->path);
    } catch (const Xapian::Error& e) {
      throw IndexError(Message{"index.search_failed", {impl_->path, e.get_description()}});
    }
  }
}

// The facet table of the database's revision, shared through the Index, and
// the revision's set cache with it.
const FacetTable& Searcher::Impl::facets() {
  Index::Impl::Revision revision = IndexAccess::impl(*index).revision(db);
  facet_table = std::move(revision.table);
  set_cache = std::move(revision.sets);
  return *facet_table;
}

// Nothing found: a filter value no document holds is said, with the values
// of its field closest to it (« pays=Atlantide »: no such country here).
void Searcher::Impl::note_empty_filters(const Request& request, const FacetTable& table, Result& result) {
  for (const auto& [name, value] : request.filters) {
    const corpus::Field* field = corpus::schema().field_for_name(name);
    if (!field) continue;  // refused by filter_groups already
    const Xapian::Query query = to_xapian(field_query(*field, value, true, analyzer, db, FieldUse::kFilter).query, db);
    if (auto note = empty_filter_note(name, value, query, *field, table, db)) result.notes.push_back(std::move(*note));
  }
}

// Two passes over the match set: a count pass enumerates every match, for the
// exact total and the facets; the ranked pass then weighs only what the page
// needs, pruning by maximum weight.
Result Searcher::Impl::search(const Request& request) {
  const std::optional<Lang> lang = parse_lang(request.lang);
  if (!lang) throw UsageError(Message{"option.expected_lang", {"--lang", request.lang}});
  const auto started = std::chrono::steady_clock::now();
  followed.refresh();  // see what the indexer committed since the last search
  Result result;
  result.lang = *lang;
  result.query = request.query;
  result.offset = request.offset;
  result.limit = request.limit;
  CompiledQuery compiled = understand(request, result);
  const FacetTable& table = facets();  // also the set of every document
  const FilterGroups groups = filter_groups(request, analyzer, db, table);
  std::optional<MatchSets> sets;
  Counted counted;
  if (table.values_only()) {
    counted = remote_count_pass(request, compiled, groups, table, db, result);
  } else {
    sets.emplace(db, table, request.time_limit, set_cache.get());
    counted = count_pass(request, compiled, groups, table, *sets, result);
  }
  if (result.total == 0) note_empty_filters(request, table, result);
  const auto counted_at = std::chrono::steady_clock::now();
  result.passes.count_ms = std::chrono::duration<double, std::milli>(counted_at - started).count();
  ranked_pass(request, compiled, groups, sets ? &*sets : nullptr, counted, db, analyzer, result);
  const auto now = std::chrono::steady_clock::now();
  result.elapsed_ms = std::chrono::duration<double, std::milli>(now - started).count();
  result.passes.rank_ms = std::chrono::duration<double, std::milli>(now - counted_at).count() - result.passes.hits_ms;
  return result;
}

}  // namespace fouille::searcher
