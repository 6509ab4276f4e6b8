// The compiler's reading of plain words: each word analysed, synonym groups
// spanning words found, one clause per word or group.
#include <algorithm>
#include <set>

#include "fouille/corpus/areas.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/fold.h"
#include "fouille/store/terms.h"

#include "query_compiler.h"

namespace fouille::searcher {
namespace {

// The weight of an exact accented spelling, against 1 for the word itself.
constexpr double kAccentWeight = 0.1;
// The weight of a synonym group's spellings side by side, against 1 for the
// group with the typed words anywhere (0.3, 0.5 and 1.0 gave the judged set
// 0.9092, 0.9089 and 0.9088: the middle one).
constexpr double kAsTypedWeight = 0.5;

// Is `terms` the analysed name of an area (« Corne de l'Afrique », « Afrique
// de l'Est »)? A name is one thing, matched as its phrase: its words apart
// say something else (« est » is no east).
bool area_name(const std::vector<std::string>& terms) {
  thread_local const std::set<std::vector<std::string>> names = [] {
    stemming::Analyzer analyzer;
    std::vector<stemming::Token> tokens;
    std::set<std::vector<std::string>> out;
    for (const auto& area : corpus::areas().all()) {
      for (const auto& name : area.names) {
        tokens.clear();
        analyzer.analyze(name, tokens);
        std::vector<std::string> seq;
        for (const auto& t : tokens) seq.push_back(t.term);
        out.insert(std::move(seq));
      }
    }
    return out;
  }();
  return names.contains(terms);
}

}  // namespace

// A word of the query as the compiler sees it: its terms, how it was typed.
struct QueryCompiler::Unit {
  std::vector<std::string> terms;  // one word's terms (several: a compound)
  bool joined = false;             // hyphenated compound: a phrase
  bool stopword = false;
  Node::Mod mod = Node::Mod::kNone;
  std::string text;         // as typed
  std::size_t begin = 0;    // byte offset of the text in the query
  bool code = false;        // code-shaped (PX.0432, TM10P0524): also an ID
  std::string accent_term;  // the word's stem with its accents, if typed with any
};

// Typed with accents: the same spelling ranks a little above an accent-free
// match (« pêche » above « péché »); the matches are unchanged.
Plan QueryCompiler::with_accent(const Plan& q, const Unit& unit) {
  if (unit.joined || unit.accent_term.empty()) return q;
  return Plan::join(Plan::Op::kAndMaybe,
                    {q, Plan::scale(Plan::term(store::accent_term(unit.accent_term)), kAccentWeight)});
}

// The words analysed, each a unit; a hyphenated compound's parts join into one.
std::vector<QueryCompiler::Unit> QueryCompiler::units_of(const std::vector<const Node*>& words) {
  std::vector<Unit> units;
  std::vector<stemming::Token> tokens;
  for (const Node* w : words) {
    tokens.clear();
    analyzer_.analyze(w->text, tokens);
    const std::string_view text(w->text);
    for (auto& t : tokens) {
      if (t.stopword) read_capital_acronym(text.substr(t.begin, t.end - t.begin), t);
    }
    // Where the word's text starts in the query: after a + or - sign.
    const std::size_t offset = w->position + (w->mod == Node::Mod::kNone ? 0 : 1);
    std::size_t unit_begin = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].joined && !units.empty() && i > 0) {
        units.back().terms.push_back(tokens[i].term);
        units.back().joined = true;
        units.back().stopword = false;
        units.back().text = text.substr(unit_begin, tokens[i].end - unit_begin);
        // A hyphenated code (an IATI identifier, FR-6-CZZ0001) is an ID too.
        units.back().code = is_code(stemming::fold(units.back().text));
        continue;
      }
      unit_begin = tokens[i].begin;
      Unit u;
      u.terms.push_back(tokens[i].term);
      u.stopword = tokens[i].stopword;
      u.mod = w->mod;
      u.text = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
      u.begin = offset + tokens[i].begin;
      u.code = is_code(u.terms.front());
      u.accent_term = tokens[i].accent_term;
      units.push_back(std::move(u));
    }
  }
  return units;
}

// The words of units first..last AND-ed, stop words left out, a hyphenated
// compound as its phrase.
Plan QueryCompiler::typed_words(const std::vector<Unit>& units, std::size_t first, std::size_t last) {
  std::vector<Plan> parts;
  for (std::size_t k = first; k <= last; ++k) {
    if (units[k].stopword) continue;
    parts.push_back(units[k].joined ? phrase(units[k].terms) : Plan::term(units[k].terms.front()));
  }
  return combine(Plan::Op::kAnd, std::move(parts));
}

// Units first..last, which a synonym group replaces: one clause, the group's
// spellings weighed as one term.
QueryCompiler::Clause QueryCompiler::group_clause(const std::vector<Unit>& units, std::size_t first, std::size_t last,
                                                  const std::vector<std::string>& typed,
                                                  const std::vector<stemming::Spelling>& group, CompiledQuery& out) {
  Clause clause;
  clause.mod = units[first].mod;
  std::string said;  // the query's words the group replaces, as typed
  const std::size_t said_end = units[last].begin + units[last].text.size();
  if (said_end <= text_.size() && units[first].begin < said_end) {
    said = text_.substr(units[first].begin, said_end - units[first].begin);
  } else {
    for (std::size_t k = first; k <= last; ++k) said += (said.empty() ? "" : " ") + units[k].text;
  }
  std::vector<std::string> others;
  std::vector<Plan> alternatives, side_by_side;
  // The words as typed find what they would without the group, each
  // anywhere (« eau et assainissement » finds « eau potable,
  // assainissement »): a synonym adds spellings, it never narrows. An area's
  // name stays a phrase.
  const Plan typed_anywhere = typed_words(units, first, last);
  const bool loose = !area_name(typed) && typed_anywhere.op() == Plan::Op::kAnd;
  for (const auto& spelling : group) {
    if (spelling.terms != typed) others.push_back(spelling.text);
    side_by_side.push_back(phrase(spelling.terms, spelling.stop));
    alternatives.push_back(loose && spelling.terms == typed ? typed_anywhere : side_by_side.back());
    if (spelling.terms.size() == 1) {
      out.highlight.insert(spelling.terms.front());
    } else {
      out.highlight_phrases.push_back(spelling.terms);
    }
  }
  // A synonym weighs the group as one term: a document holding three
  // spellings of one idea does not outrank one holding the idea and more.
  clause.query = Plan::join(Plan::Op::kSynonym, std::move(alternatives));
  if (loose) {
    // A spelling written side by side ranks a page a little higher.
    clause.query = Plan::join(
        Plan::Op::kAndMaybe,
        {clause.query, Plan::scale(Plan::join(Plan::Op::kSynonym, std::move(side_by_side)), kAsTypedWeight)});
  }
  if (last == first) clause.query = with_accent(clause.query, units[first]);
  if (!others.empty()) out.synonyms.emplace_back(std::move(said), std::move(others));
  return clause;
}

// A unit no synonym group replaces: its term, or its compound as a phrase.
QueryCompiler::Clause QueryCompiler::word_clause(const Unit& unit, CompiledQuery& out) {
  Clause clause;
  clause.mod = unit.mod;
  clause.query = unit.joined ? phrase(unit.terms) : Plan::term(unit.terms.front());
  if (unit.code) {
    // A code typed alone finds its project by ID too, not only the pages
    // that write it.
    clause.query = Plan::join(Plan::Op::kOr, {clause.query, Plan::term(store::id_term(unit.text))});
  }
  clause.query = with_accent(clause.query, unit);
  clause.stopword = unit.stopword || stemming::is_generic_word(unit.text);
  if (unit.terms.size() == 1) {
    out.highlight.insert(unit.terms.front());
  } else {
    out.highlight_phrases.push_back(unit.terms);
  }
  // Spelling suggestions are for plain words: not a synonym, not a compound's
  // part, not a code.
  if (!unit.joined && !unit.code) {
    out.words.push_back({unit.begin, unit.begin + unit.text.size(), unit.text, unit.terms.front()});
  }
  return clause;
}

// Consecutive plain words: analysed together so that synonyms spanning words
// ("labour migration") are found; each word or synonym group is one clause.
void QueryCompiler::word_run(const std::vector<const Node*>& words, CompiledQuery& out, std::vector<Clause>& clauses) {
  const std::vector<Unit> units = units_of(words);
  // Flat term list for synonym matching, with the unit each term belongs to.
  std::vector<std::string> terms;
  std::vector<std::size_t> unit_of;
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (const auto& t : units[u].terms) {
      terms.push_back(t);
      unit_of.push_back(u);
    }
  }
  std::size_t u = 0;
  while (u < units.size()) {
    std::size_t first_term = 0;
    while (unit_of[first_term] != u) ++first_term;
    // Synonyms whatever the sign: -traite excludes what SAUF traite does.
    auto m = synonyms_.match(terms, first_term);
    // A match must end on a unit boundary: it replaces whole words.
    if (m.length && first_term + m.length < terms.size() &&
        unit_of[first_term + m.length] == unit_of[first_term + m.length - 1]) {
      m.length = 0;
    }
    // …and its words share one sign: « -trafic de migrants » excludes « trafic » alone.
    for (std::size_t k = first_term; m.length && k < first_term + m.length; ++k) {
      if (units[unit_of[k]].mod != units[u].mod) m.length = 0;
    }
    if (m.length) {
      const std::size_t last = unit_of[first_term + m.length - 1];
      const auto from = terms.begin() + static_cast<std::ptrdiff_t>(first_term);
      const std::vector<std::string> typed(from, from + static_cast<std::ptrdiff_t>(m.length));
      clauses.push_back(group_clause(units, u, last, typed, *m.group, out));
      u = last + 1;
    } else {
      clauses.push_back(word_clause(units[u], out));
      ++u;
    }
  }
}

// « UN » typed in capitals in a query that is not all capitals is the
// acronym, not the article: it is searched as « ONU », and so with its
// synonyms (Nations Unies, United Nations). No synonym group may hold « UN »
// itself: at index time the article and the acronym cannot be told apart.
void QueryCompiler::read_capital_acronym(std::string_view typed, stemming::Token& token) {
  static const std::pair<std::string_view, std::string_view> kAcronyms[] = {{"UN", "ONU"}};
  for (const auto& [capitals, meaning] : kAcronyms) {
    if (typed != capitals || all_capitals_) continue;
    std::vector<stemming::Token> meant;
    analyzer_.analyze(meaning, meant);
    if (meant.size() != 1) return;
    token.term = meant.front().term;
    token.stopword = false;
    return;
  }
}

}  // namespace fouille::searcher
