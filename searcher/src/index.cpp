#include "fouille/searcher/index.h"

#include "fouille/base/error.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/database.h"
#include "fouille/store/database_layout.h"
#include "fouille/store/shard_map.h"

#include "index_internal.h"

namespace fouille::searcher {

std::string database_version(const Xapian::Database& db) {
  std::string version =
      db.get_uuid() + ":" + std::to_string(db.get_lastdocid()) + ":" + std::to_string(db.get_doccount());
  try {
    version += ":" + std::to_string(db.get_revision());
  } catch (const Xapian::Error&) {
    // A database of several shards has no single revision: the rest tells.
  }
  return version;
}

FollowedDatabase::FollowedDatabase(std::string path) : path_(std::move(path)) {
  stub_ = store::stub_contents(path_);
  db_ = store::open_for_reading(path_);
}

void FollowedDatabase::refresh() {
  std::string stub = store::stub_contents(path_);
  if (stub != stub_ && !stub.empty()) {
    // A new generation: the old one may already be gone, so open anew.
    try {
      db_ = store::open_for_reading(path_);
      stub_ = std::move(stub);
      return;
    } catch (const IndexError&) {
      // Caught mid-switch: keep the old handle until the next call.
    }
  }
  db_.reopen();
}

Index::Impl::Revision Index::Impl::revision(const Xapian::Database& db) {
  std::string version = database_version(db);
  std::lock_guard lock(mutex);
  for (const auto& [v, known] : revisions) {
    if (v == version) return known;
  }
  Revision fresh{remote ? std::make_shared<const FacetTable>(db, FacetTable::ValuesOnly{})
                        : std::make_shared<const FacetTable>(db),
                 set_cache_bytes ? std::make_shared<SetCache>(set_cache_bytes) : nullptr};
  if (revisions.size() == kRevisionsKept) revisions.erase(revisions.begin());
  revisions.emplace_back(std::move(version), fresh);
  return fresh;
}

// The default budget holds 5,000 sets of 100,000 documents (12.5 KB each),
// 500 of a million.
Index::Index(std::string db_path, std::size_t set_cache_bytes) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(db_path);
  impl_->remote = store::is_shard_map(impl_->path);
  impl_->set_cache_bytes = set_cache_bytes;
}

Index::~Index() = default;

const std::string& Index::path() const { return impl_->path; }

IndexStatus Index::status() const {
  IndexStatus s;
  std::lock_guard lock(impl_->mutex);
  try {
    std::string stub = store::stub_contents(impl_->path);
    if (!impl_->db_open || stub != impl_->db_stub) {
      impl_->db = store::open_for_reading(impl_->path);
      impl_->db_stub = std::move(stub);
      impl_->db_open = true;
    } else {
      impl_->db.reopen();
    }
    s.open = true;
    s.revision = database_version(impl_->db);
    s.documents = impl_->db.get_doccount();
    s.signature = impl_->db.get_metadata(store::kAnalysisKey);
    s.current_analysis = store::is_current_analysis(s.signature);
  } catch (const Xapian::Error& e) {
    impl_->db_open = false;
    s.error = impl_->path + ": cannot open the database: " + e.get_msg();
  } catch (const IndexError& e) {  // from opening
    impl_->db_open = false;
    s.error = describe(e, Lang::kEn);
  }
  return s;
}

}  // namespace fouille::searcher
