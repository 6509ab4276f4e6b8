// One thread's searches over a shared Index: ranked search with facets, a
// document by its ID, and the analysis of a text. Made per thread (or taken
// from a pool) in a server; not thread-safe itself.
//
//   auto index = std::make_shared<fouille::searcher::Index>("projets.db");
//   fouille::searcher::Session session(index);
//   fouille::searcher::Result r = session.search(request);
//   std::optional<std::string> doc = session.document_json("CT.1172");
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fouille/searcher/index.h"
#include "fouille/searcher/searcher.h"

namespace fouille::searcher {

/// A token of analysed text: what the French chain makes of one word.
struct AnalyzedToken {
  unsigned position = 0;
  std::string term;
  std::string word;  ///< the text it came from
  bool stopword = false;
  bool joined = false;
};

class Session {
 public:
  /// Opens the database of `index`; throws IndexError naming it when it
  /// cannot be opened.
  explicit Session(std::shared_ptr<Index> index);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// As Searcher::search, on the newest revision of the database.
  Result search(const Request& request);

  /// Every stored field of the document whose ID is `id` as one JSON object
  /// (canonical keys, the body included), or nothing when no document has
  /// that ID. The newest revision is read. Throws IndexError when the
  /// database fails.
  std::optional<std::string> document_json(const std::string& id);

  /// The tokens the French analysis chain makes of `text`. Never throws.
  std::vector<AnalyzedToken> analyze(const std::string& text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fouille::searcher
