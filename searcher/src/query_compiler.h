// Private: a parsed query tree made into a Plan through the French
// analysis chain — the very terms the indexer wrote — with synonyms expanded
// and stop words dropped outside phrases.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/expressions.h"
#include "fouille/stemming/synonyms.h"

#include "query/plan.h"
#include "query_parser.h"

namespace fouille::searcher {

struct CompiledQuery {
  Plan query;                        ///< all documents for an empty query
  std::size_t optional_clauses = 0;  ///< clauses the default operator joins
  /// Compiled with OP_AND: the same top-level clauses with OR for the
  /// default operator (required, field and excluded clauses as they are),
  /// what a search relaxes to when every word finds too few; else empty.
  Plan any_word;
  /// The clauses any_word joins by OR that carry meaning (no stop or generic
  /// word): what a relaxed search ranks its partial matches by, the more of
  /// them (weighted by rarity) the better.
  std::vector<Plan> coverage;
  std::unordered_set<std::string> highlight;  ///< terms to mark in snippets
  /// Term sequences to mark only where they occur whole (phrases, compounds,
  /// several-word synonyms: « Organisation internationale pour les
  /// migrations » marks no lone « international »).
  std::vector<std::vector<std::string>> highlight_phrases;
  std::vector<std::string> wildcards;  ///< wildcard prefixes to mark
  /// A plain word of the query (outside synonyms, compounds and codes) where
  /// it stands in the query, for spelling suggestions and corrections.
  struct Word {
    std::size_t begin = 0, end = 0;  ///< byte range in the query text
    std::string text;                ///< as typed
    std::string term;                ///< its term
  };
  std::vector<Word> words;
  /// Words of the query expanded by a synonym group, with the group's other
  /// spellings searched.
  std::vector<std::pair<std::string, std::vector<std::string>>> synonyms;
};

class QueryCompiler {
 public:
  /// `expressions`: those the database indexes as terms (see
  /// expressions.h), or nullptr to match every phrase by positions.
  QueryCompiler(stemming::Analyzer& analyzer, const stemming::Synonyms& synonyms,
                const stemming::Expressions* expressions, const Xapian::Database& db)
      : analyzer_(analyzer), synonyms_(synonyms), expressions_(expressions), db_(db) {}

  /// `default_op` joins the clauses of a sequence: kAnd or kOr. Throws
  /// QueryError (from field values) with the clause's position.
  /// `text`, the query the tree was parsed from, names the words a synonym
  /// group replaced as typed (elisions kept).
  CompiledQuery compile(const Node& root, Plan::Op default_op, std::string_view text = {});

 private:
  struct Clause {
    Plan query;
    Node::Mod mod = Node::Mod::kNone;
    bool stopword = false;
    bool restriction = false;  // field:value: always required
  };
  Plan assemble(const std::vector<Clause>& clauses, bool only_stop, Plan::Op default_op);

  Plan node(const Node& n, CompiledQuery& out);
  Plan sequence(const Node& n, CompiledQuery& out, bool top);
  struct Unit;
  void word_run(const std::vector<const Node*>& words, CompiledQuery& out, std::vector<Clause>& clauses);
  std::vector<Unit> units_of(const std::vector<const Node*>& words);
  Clause group_clause(const std::vector<Unit>& units, std::size_t first, std::size_t last,
                      const std::vector<std::string>& typed, const std::vector<stemming::Spelling>& group,
                      CompiledQuery& out);
  Clause word_clause(const Unit& unit, CompiledQuery& out);
  Plan typed_words(const std::vector<Unit>& units, std::size_t first, std::size_t last);
  static Plan with_accent(const Plan& q, const Unit& unit);
  Plan field_value(const Node& n, CompiledQuery& out);
  /// Code-shaped: letters and digits together, or digits joined by '.'
  /// ('PX.0432', 'TM10P0524'); a bare number or year is not an ID.
  static bool is_code(std::string_view term);
  Plan phrase(const std::vector<std::string>& terms, const std::vector<bool>& stop = {});
  Plan near(const Node& n, CompiledQuery& out);
  // `name`: the field as the query wrote it, for messages.
  Plan field_group(const corpus::Field& field, const std::string& name, const Node& n, CompiledQuery& out);
  stemming::Spelling literal(const std::string& text, CompiledQuery& out);
  void read_capital_acronym(std::string_view typed, stemming::Token& token);

  stemming::Analyzer& analyzer_;
  const stemming::Synonyms& synonyms_;
  const stemming::Expressions* expressions_;
  const Xapian::Database& db_;
  Plan::Op default_op_ = Plan::Op::kAnd;
  std::string_view text_;
  bool all_capitals_ = false;  // the query holds no lower-case letter: capitals say nothing
};

}  // namespace fouille::searcher
