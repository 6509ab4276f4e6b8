// A values-only facet table, for a database served remotely: each facet's
// values and totals come from one pass of Xapian's matcher over every
// document of every shard, with a value-count spy per facet slot; the shards'
// servers count, the client merges.
#include <memory>

#include "fouille/store/coding.h"
#include "fouille/store/terms.h"

#include "facets.h"

namespace fouille::searcher {
namespace {

// The label of a publisher: the name stored beside it by its first document
// that has one (one small query per publisher: there are few).
std::string publisher_label(const Xapian::Database& db, const std::string& value) {
  const corpus::Field& publisher = corpus::schema().field(corpus::FieldId::kPublisher);
  const Xapian::valueno name_slot = corpus::schema().field(corpus::FieldId::kPublisherName).slot;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(store::filter_term(publisher, value)),
                                  Xapian::Query(Xapian::Query::OP_VALUE_GE, name_slot, std::string(1, '\0'))));
  Xapian::MSet first = enquire.get_mset(0, 1);
  return first.empty() ? std::string() : first.begin().get_document().get_value(name_slot);
}

}  // namespace

void for_each_counted(const Xapian::ValueCountMatchSpy& spy, const corpus::Field& field,
                      const std::function<void(std::string_view, Xapian::doccount)>& f) {
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string value = *it;
    if (store::codec_of(field) == store::Codec::kList) {
      store::for_each_in_list(value, [&](std::string_view v) { f(v, it.get_termfreq()); });
    } else if (!value.empty()) {
      f(value, it.get_termfreq());
    }
  }
}

FacetTable::FacetTable(const Xapian::Database& db, ValuesOnly) : values_only_(true), db_(db) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(Xapian::Query::MatchAll);
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  for (const auto& field : corpus::schema().fields()) {
    if (!field.facet) continue;
    columns_.emplace_back().field = &field;
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field.slot));
    enquire.add_matchspy(spies.back().get());
  }
  const Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount());
  document_count_ = all.get_matches_estimated();
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    Column& col = columns_[c];
    auto add = [&](std::string_view value, Xapian::doccount count) {
      auto [it, added] = col.id_of.try_emplace(std::string(value), static_cast<std::uint32_t>(col.values.size()));
      if (added) {
        col.values.emplace_back(value);
        col.totals.push_back(0);
      }
      col.totals[it->second] += count;
    };
    for_each_counted(*spies[c], *col.field, add);
    if (col.field->id == corpus::FieldId::kPublisher) {
      for (const std::string& value : col.values) col.labels.push_back(publisher_label(db, value));
    }
  }
}

}  // namespace fouille::searcher
