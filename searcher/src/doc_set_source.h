// Private: a DocSet as a Xapian posting source, so that the ranked pass
// weighs only the documents the count pass already found (a phrase is then
// checked in those documents only, and filters are not evaluated twice).
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

#include "doc_set.h"

namespace fouille::searcher {

class DocSetSource : public Xapian::PostingSource {
 public:
  /// Shares `set`, which must not change while the source is used. Ids are
  /// those of a one-shard database: Xapian gives a source shard-local ids.
  /// Each document weighs `weight` (0: a filter).
  explicit DocSetSource(std::shared_ptr<const DocSet> set, double weight = 0);

  Xapian::doccount get_termfreq_min() const override { return size_; }
  Xapian::doccount get_termfreq_est() const override { return size_; }
  Xapian::doccount get_termfreq_max() const override { return size_; }
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return current_ == 0 && started_; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override { return weight_; }
  DocSetSource* clone() const override { return new DocSetSource(set_, weight_); }
  std::string name() const override { return "fouille.DocSetSource"; }

 private:
  std::shared_ptr<const DocSet> set_;
  Xapian::doccount size_;
  double weight_;
  Xapian::docid current_ = 0;  // 0: before the start, or past the end once started
  bool started_ = false;
};

/// A query matching the documents of `set` in `db`, for the right of a
/// FILTER; an empty query when `db` has several shards (a posting source is
/// given shard-local ids): the caller then filters otherwise.
Xapian::Query doc_set_query(std::shared_ptr<const DocSet> set, const Xapian::Database& db);

/// The documents of `set`, each weighing `weight`: a fixed share of a ranked
/// query; an empty query when `db` has several shards, as doc_set_query.
Xapian::Query weighted_doc_set_query(std::shared_ptr<const DocSet> set, double weight, const Xapian::Database& db);

}  // namespace fouille::searcher
