#include "doc_set_source.h"

#include <utility>

namespace fouille::searcher {

DocSetSource::DocSetSource(std::shared_ptr<const DocSet> set, double weight)
    : set_(std::move(set)), size_(static_cast<Xapian::doccount>(set_->count())), weight_(weight) {}

void DocSetSource::init(const Xapian::Database&) {
  current_ = 0;
  started_ = false;
  set_maxweight(weight_);
}

void DocSetSource::next(double) {
  current_ = set_->first_from(current_ + 1);
  started_ = true;
}

void DocSetSource::skip_to(Xapian::docid did, double) {
  if (started_ && (current_ == 0 || current_ >= did)) return;
  current_ = set_->first_from(did);
  started_ = true;
}

Xapian::Query doc_set_query(std::shared_ptr<const DocSet> set, const Xapian::Database& db) {
  if (db.size() != 1) return Xapian::Query();
  return Xapian::Query((new DocSetSource(std::move(set)))->release());
}

Xapian::Query weighted_doc_set_query(std::shared_ptr<const DocSet> set, double weight, const Xapian::Database& db) {
  if (db.size() != 1) return Xapian::Query();
  return Xapian::Query((new DocSetSource(std::move(set), weight))->release());
}

}  // namespace fouille::searcher
