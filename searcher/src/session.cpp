#include "fouille/searcher/session.h"

#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/store/stored_document.h"
#include "fouille/store/terms.h"

#include "index_internal.h"

namespace fouille::searcher {

struct Session::Impl {
  explicit Impl(std::shared_ptr<Index> shared) : index(shared), searcher(shared), documents(shared->path()) {}

  std::shared_ptr<Index> index;
  Searcher searcher;
  FollowedDatabase documents;  // for document(): the searcher's handle is its own
  stemming::Analyzer analyzer;
};

Session::Session(std::shared_ptr<Index> index) : impl_(std::make_unique<Impl>(std::move(index))) {}

Session::~Session() = default;

Result Session::search(const Request& request) { return impl_->searcher.search(request); }

std::optional<std::string> Session::document_json(const std::string& id) {
  if (id.empty()) return std::nullopt;
  try {
    impl_->documents.refresh();
    Xapian::Database& db = impl_->documents.db();
    // The ID prefix is shared with project and Prima IDs: the stored ID decides.
    const std::string term = store::id_term(id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      const std::string data = db.get_document(*it).get_data();
      if (store::decode_document(data).id == id) return data;
    }
    return std::nullopt;
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_read_document", {impl_->index->path(), id, e.get_description()}});
  }
}

std::vector<AnalyzedToken> Session::analyze(const std::string& text) {
  std::vector<stemming::Token> tokens;
  impl_->analyzer.analyze(text, tokens);
  std::vector<AnalyzedToken> out;
  out.reserve(tokens.size());
  for (const auto& t : tokens) {
    out.push_back({t.position, t.term, text.substr(t.begin, t.end - t.begin), t.stopword, t.joined});
  }
  return out;
}

}  // namespace fouille::searcher
