// Reading the query: corrections of unknown words, more-like-this, the
// compiled plan.
#include <vector>

#include "fouille/base/error.h"
#include "fouille/stemming/dictionary.h"
#include "fouille/stemming/fold.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/terms.h"

#include "query_parser.h"
#include "searcher_impl.h"

namespace fouille::searcher {
namespace {

// A word this long or shorter is corrected by one edit at most.
constexpr std::size_t kShortWordBytes = 5;

// A more-like-this query is the document's most telling terms, OR-ed.
constexpr Xapian::termcount kLikeTerms = 25;

// Words only: no prefixed term (fields, filters, expressions), no number or
// code, and none the document alone holds (it could find no other one).
class SharedWordsOnly : public Xapian::ExpandDecider {
 public:
  explicit SharedWordsOnly(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || !store::is_text_term(term)) return false;
    return term.find_first_of("0123456789") == std::string::npos && db_.get_termfreq(term) >= 2;
  }

 private:
  const Xapian::Database& db_;
};

}  // namespace

// The query with each unknown word replaced by the spelling dictionary's
// advice, in the byte range the parser found it at: never by searching the
// text, which would hit another word holding it (« protection protectio »).
// A word of the French or English word list is never rewritten, whether or
// not a document holds it (« Lake Chad » is no typo of « lang »), and a short
// word only by one edit: two edits turn most four-letter words into others.
std::optional<std::string> Searcher::Impl::suggest(const std::string& query, const CompiledQuery& compiled) {
  std::string suggestion = query;
  bool changed = false;
  // From the last word back, so earlier ranges stay valid.
  for (auto it = compiled.words.rbegin(); it != compiled.words.rend(); ++it) {
    if (it->text.size() < 3 || it->end > suggestion.size() || db.get_termfreq(it->term) > 0) continue;
    if (stemming::is_dictionary_word(it->text)) continue;
    const unsigned edits = it->text.size() <= kShortWordBytes ? 1 : 2;
    std::string better = (spelling ? *spelling : db).get_spelling_suggestion(store::spelling_key(it->text), edits);
    if (better.empty()) continue;
    suggestion.replace(it->begin, it->end - it->begin, better);
    changed = true;
  }
  if (!changed) return std::nullopt;
  return suggestion;
}

// The terms that set document `id` apart from the collection (Xapian's
// relevance feedback over a relevance set of that one document), the
// document itself left out.
Plan Searcher::Impl::more_like(const std::string& id, CompiledQuery& compiled) {
  const std::string id_term = store::id_term(id);
  Xapian::PostingIterator doc = db.postlist_begin(id_term);
  if (id.empty() || doc == db.postlist_end(id_term)) {
    throw QueryError(Message{"query.like_unknown", {id}});
  }
  Xapian::RSet rset;
  rset.add_document(*doc);
  Xapian::Enquire enquire(db);
  SharedWordsOnly decider(db);
  Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, &decider);
  std::vector<Plan> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.push_back(Plan::term(*it));
    compiled.highlight.insert(*it);
  }
  if (terms.empty()) return Plan::nothing();
  return Plan::join(Plan::Op::kAndNot, {Plan::join(Plan::Op::kOr, std::move(terms)), Plan::term(id_term)});
}

// The query as asked, read and compiled: corrected when a word is unknown and
// a known spelling is near it (unless asked for the exact words), limited to
// documents like another when asked. Notes what it did in `result`.
CompiledQuery Searcher::Impl::understand(const Request& request, Result& result) {
  ParsedQuery parsed = parse_query(request.query);
  std::string parsed_text = request.query;  // what `parsed` was read from
  result.notes = parsed.notes;
  // Expression terms are read only from a database indexed by this very chain;
  // phrases by positions find the same documents in any other.
  const bool current = store::is_current_analysis(db.get_metadata(store::kAnalysisKey));
  if (!current && db.get_doccount() > 0) {
    result.notes.push_back(Message{"note.reindex", {}});
  }
  auto compile = [&](Plan::Op op) {
    return QueryCompiler(analyzer, synonyms, current ? &expressions : nullptr, db)
        .compile(parsed.root, op, parsed_text);
  };
  CompiledQuery compiled = compile(request.op == Operator::kOr ? Plan::Op::kOr : Plan::Op::kAnd);
  std::optional<std::string> suggestion = compiled.words.empty() ? std::nullopt : suggest(request.query, compiled);
  if (suggestion && !request.exact) {
    parsed = parse_query(*suggestion);
    parsed_text = *suggestion;
    compiled = compile(request.op == Operator::kOr ? Plan::Op::kOr : Plan::Op::kAnd);
    result.corrected = std::move(suggestion);
  } else {
    result.suggestion = std::move(suggestion);
  }
  if (!request.like.empty()) {
    // More like a document: its telling terms, within what the query asks.
    Plan like = more_like(request.like, compiled);
    compiled.query = request.query.empty() ? like : Plan::join(Plan::Op::kFilter, {like, compiled.query});
    compiled.optional_clauses = 0;  // nothing to relax: any term may match already
  }
  return compiled;
}

}  // namespace fouille::searcher
