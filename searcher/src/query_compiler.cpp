#include "query_compiler.h"

#include <algorithm>
#include <set>

#include "field_query.h"
#include "full_term_guard.h"
#include "fouille/corpus/areas.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/schema.h"
#include "fouille/base/error.h"
#include "fouille/stemming/fold.h"
#include "fouille/store/terms.h"

namespace fouille::searcher {
namespace {

// NEAR: terms within this many positions of each other.
constexpr Xapian::termcount kNearWindow = 10;
// The weight of an exact accented spelling, against 1 for the word itself.
constexpr double kAccentWeight = 0.1;
// The weight of a synonym group's spellings side by side, against 1 for the
// group with the typed words anywhere (0.3, 0.5 and 1.0 gave the judged set
// 0.9092, 0.9089 and 0.9088: the middle one).
constexpr double kAsTypedWeight = 0.5;
// A wildcard expands to at most this many terms (the most frequent).
constexpr Xapian::termcount kWildcardLimit = 200;

// Code-shaped: letters and digits together, or digits joined by '.' ('PX.0432',
// 'TM10P0524'); a bare number or year is not an ID.
bool is_code(std::string_view term) {
  const bool digit = term.find_first_of("0123456789") != std::string_view::npos;
  const bool letter = std::any_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return digit && (letter || term.find('.') != std::string_view::npos);
}

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

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

// A phrase's stop words are checked as gaps, not read (make_phrase): their
// position lists are the longest of all, and reading them doubled the cost of
// a phrase such as "gestion des frontières" over 100,000 documents for the
// same matches. A known expression is one indexed term, same matches again.
Xapian::Query QueryCompiler::phrase(const std::vector<std::string>& terms, const std::vector<bool>& stop) {
  if (terms.size() == 1) return Xapian::Query(terms.front());
  stemming::Phrase p = stemming::make_phrase(terms, stop);
  if (expressions_) {
    if (std::string_view key = expressions_->key(p); !key.empty()) {
      return Xapian::Query(corpus::schema().field(corpus::FieldId::kExpression).text_prefix + std::string(key));
    }
  }
  return Xapian::Query(Xapian::Query::OP_PHRASE, p.terms.begin(), p.terms.end(), p.window);
}

CompiledQuery QueryCompiler::compile(const Node& root, Xapian::Query::op default_op, std::string_view text) {
  default_op_ = default_op;
  text_ = text;
  all_capitals_ = std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  CompiledQuery out;
  out.query = sequence(root, out, /*top=*/true);
  if (out.query.empty()) out.query = Xapian::Query::MatchAll;
  // An identifier typed alone that the analysis cuts into several words
  // (US-EIN-300108263-GGProj:19061, XM-DAC-41122-Liberia-2550/A0/08/802/004)
  // finds its document by ID too.
  const std::string_view whole = corpus::trim_value(text);
  const bool cut = whole.find_first_of(":/#+") != std::string_view::npos;
  const bool field = whole.find(':') != std::string_view::npos &&
                     corpus::schema().field_for_name(whole.substr(0, whole.find(':')));
  if (cut && !field && !whole.starts_with('-') && !whole.starts_with('+') &&
      whole.find_first_of(" \t\"()") == std::string_view::npos && is_code(stemming::fold(whole))) {
    out.query = Xapian::Query(Xapian::Query::OP_OR, out.query, Xapian::Query(store::id_term(whole)));
    if (!out.any_word.empty()) {
      out.any_word = Xapian::Query(Xapian::Query::OP_OR, out.any_word, Xapian::Query(store::id_term(whole)));
    }
  }
  return out;
}

// Consecutive plain words: analysed together so that synonyms spanning words
// ("labour migration") are found; each word or synonym group is one clause.
void QueryCompiler::word_run(const std::vector<const Node*>& words, CompiledQuery& out,
                             std::vector<Clause>& clauses) {
  struct Unit {
    std::vector<std::string> terms;  // one word's terms (several: a compound)
    bool joined = false;             // hyphenated compound: a phrase
    bool stopword = false;
    Node::Mod mod = Node::Mod::kNone;
    std::string text;  // as typed
    std::size_t begin = 0;  // byte offset of the text in the query
    bool code = false;      // code-shaped (PX.0432, TM10P0524): also an ID
    std::string accent_term;  // the word's stem with its accents, if typed with any
  };
  std::vector<Unit> units;
  std::vector<stemming::Token> tokens;
  // Typed with accents: the same spelling ranks a little above an accent-free
  // match (« pêche » above « péché »); the matches are unchanged.
  auto with_accent = [](const Xapian::Query& q, const Unit& unit) {
    if (unit.joined || unit.accent_term.empty()) return q;
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, q,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      Xapian::Query(corpus::schema().field(corpus::FieldId::kAccent).text_prefix + unit.accent_term), kAccentWeight));
  };
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
  // The words of units [first, last] AND-ed, stop words left out, a
  // hyphenated compound as its phrase.
  auto typed_words = [&](std::size_t first, std::size_t last) {
    std::vector<Xapian::Query> parts;
    for (std::size_t k = first; k <= last; ++k) {
      if (units[k].stopword) continue;
      parts.push_back(units[k].joined ? phrase(units[k].terms) : Xapian::Query(units[k].terms.front()));
    }
    return combine(Xapian::Query::OP_AND, parts);
  };
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
    if (m.length && first_term + m.length < terms.size() && unit_of[first_term + m.length] == unit_of[first_term + m.length - 1]) {
      m.length = 0;
    }
    // …and its words share one sign: « -trafic de migrants » excludes « trafic » alone.
    for (std::size_t k = first_term; m.length && k < first_term + m.length; ++k) {
      if (units[unit_of[k]].mod != units[u].mod) m.length = 0;
    }
    Clause clause;
    clause.mod = units[u].mod;
    if (m.length) {
      const std::size_t last = unit_of[first_term + m.length - 1];
      std::string said;  // the query's words the group replaces, as typed
      const std::size_t said_end = units[last].begin + units[last].text.size();
      if (said_end <= text_.size() && units[u].begin < said_end) {
        said = text_.substr(units[u].begin, said_end - units[u].begin);
      } else {
        for (std::size_t k = u; k <= last; ++k) said += (said.empty() ? "" : " ") + units[k].text;
      }
      const auto from = terms.begin() + static_cast<std::ptrdiff_t>(first_term);
      const std::vector<std::string> typed(from, from + static_cast<std::ptrdiff_t>(m.length));
      std::vector<std::string> others;
      std::vector<Xapian::Query> alternatives, side_by_side;
      // The words as typed find what they would without the group, each
      // anywhere (« eau et assainissement » finds « eau potable,
      // assainissement »): a synonym adds spellings, it never narrows. An
      // area's name stays a phrase.
      const bool loose = !area_name(typed) && typed_words(u, last).get_type() == Xapian::Query::OP_AND;
      for (const auto& spelling : *m.group) {
        if (spelling.terms != typed) others.push_back(spelling.text);
        side_by_side.push_back(phrase(spelling.terms, spelling.stop));
        alternatives.push_back(loose && spelling.terms == typed ? typed_words(u, last) : side_by_side.back());
        if (spelling.terms.size() == 1) {
          out.highlight.insert(spelling.terms.front());
        } else {
          out.highlight_phrases.push_back(spelling.terms);
        }
      }
      // OP_SYNONYM weighs the group as one term: a document holding three
      // spellings of one idea does not outrank one holding the idea and more.
      clause.query = Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
      if (loose) {
        // A spelling written side by side ranks a page a little higher.
        clause.query = Xapian::Query(
            Xapian::Query::OP_AND_MAYBE, clause.query,
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_SYNONYM, side_by_side.begin(), side_by_side.end()),
                          kAsTypedWeight));
      }
      if (last == u) clause.query = with_accent(clause.query, units[u]);
      if (!others.empty()) out.synonyms.emplace_back(std::move(said), std::move(others));
      u = last + 1;
    } else {
      const Unit& unit = units[u];
      clause.query = unit.joined ? phrase(unit.terms) : Xapian::Query(unit.terms.front());
      if (unit.code) {
        // A code typed alone finds its project by ID too, not only the pages
        // that write it.
        clause.query = Xapian::Query(Xapian::Query::OP_OR, clause.query,
                                     Xapian::Query(store::id_term(unit.text)));
      }
      clause.query = with_accent(clause.query, unit);
      clause.stopword = unit.stopword || stemming::is_generic_word(unit.text);
      if (unit.terms.size() == 1) {
        out.highlight.insert(unit.terms.front());
      } else {
        out.highlight_phrases.push_back(unit.terms);
      }
      // Spelling suggestions are for plain words: not a synonym, not a
      // compound's part, not a code.
      if (!unit.joined && !unit.code) {
        out.words.push_back({unit.begin, unit.begin + unit.text.size(), unit.text, unit.terms.front()});
      }
      ++u;
    }
    clauses.push_back(std::move(clause));
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

Xapian::Query QueryCompiler::sequence(const Node& n, CompiledQuery& out, bool top) {
  std::vector<Clause> clauses;
  std::vector<const Node*> run;
  auto flush = [&] {
    if (!run.empty()) word_run(run, out, clauses);
    run.clear();
  };
  for (const Node& child : n.children) {
    if (child.kind == Node::Kind::kWord) {
      run.push_back(&child);
      continue;
    }
    flush();
    Clause c;
    c.mod = child.mod;
    c.restriction = child.kind == Node::Kind::kField;
    c.query = node(child, out);
    if (!c.query.empty()) clauses.push_back(std::move(c));
  }
  flush();

  // Stop words weigh nothing, unless the query holds nothing else.
  bool only_stop = std::all_of(clauses.begin(), clauses.end(), [](const Clause& c) {
    return c.stopword || c.mod == Node::Mod::kExcluded;
  });
  if (top) {
    out.optional_clauses = 0;
    for (const auto& c : clauses) {
      if (c.mod == Node::Mod::kNone && !c.restriction && !(c.stopword && !only_stop)) {
        ++out.optional_clauses;
        out.coverage.push_back(c.query);
      }
    }
    if (default_op_ == Xapian::Query::OP_AND) out.any_word = assemble(clauses, only_stop, Xapian::Query::OP_OR);
  }
  return assemble(clauses, only_stop, default_op_);
}

// Clauses joined: required ones (+word, fields, and every plain one when
// `default_op` is AND) by AND, the other plain ones by OR, the excluded
// taken away.
Xapian::Query QueryCompiler::assemble(const std::vector<Clause>& clauses, bool only_stop, Xapian::Query::op default_op) {
  std::vector<Xapian::Query> required, optional, excluded;
  for (const auto& c : clauses) {
    if (c.stopword && !only_stop && c.mod == Node::Mod::kNone) continue;
    if (c.mod == Node::Mod::kExcluded) {
      excluded.push_back(c.query);
    } else if (c.mod == Node::Mod::kRequired || c.restriction || default_op == Xapian::Query::OP_AND) {
      required.push_back(c.query);
    } else {
      optional.push_back(c.query);
    }
  }
  Xapian::Query q;
  if (!required.empty() && !optional.empty()) {
    q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, combine(Xapian::Query::OP_AND, required),
                      combine(Xapian::Query::OP_OR, optional));
  } else if (!required.empty()) {
    q = combine(Xapian::Query::OP_AND, required);
  } else {
    q = combine(Xapian::Query::OP_OR, optional);
  }
  if (!excluded.empty()) {
    if (q.empty()) q = Xapian::Query::MatchAll;
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, combine(Xapian::Query::OP_OR, excluded));
  }
  return q;
}

Xapian::Query QueryCompiler::node(const Node& n, CompiledQuery& out) {
  switch (n.kind) {
    case Node::Kind::kSequence:
      return sequence(n, out, false);
    case Node::Kind::kWord: {
      Node seq;
      seq.children.push_back(n);
      if (n.mod != Node::Mod::kNone) ++seq.children.back().position;  // the text starts after the sign
      seq.children.back().mod = Node::Mod::kNone;
      return sequence(seq, out, false);
    }
    case Node::Kind::kPhrase: {
      CompiledQuery scratch;  // a phrase marks its words only where they occur together
      stemming::Spelling words = literal(n.text, scratch);
      if (words.terms.size() > 1) {
        out.highlight_phrases.push_back(words.terms);
      } else {
        out.highlight.insert(scratch.highlight.begin(), scratch.highlight.end());
      }
      return words.terms.empty() ? Xapian::Query() : phrase(words.terms, words.stop);
    }
    case Node::Kind::kWildcard: {
      std::string prefix = stemming::fold(n.text);
      if (prefix.empty()) return Xapian::Query();
      out.wildcards.push_back(prefix);
      return expand_wildcard(db_, prefix, kWildcardLimit);
    }
    case Node::Kind::kField: {
      if (!n.children.empty()) return field_group(*n.field, n.name, n.children.front(), out);
      try {
        FieldQuery fq = field_query(*n.field, n.text, n.quoted, analyzer_, db_);
        for (auto& t : fq.highlight) out.highlight.insert(std::move(t));
        return fq.query;
      } catch (const QueryError& e) {
        throw QueryError(Message{"query.at", {n.position + 1, Message{"query.field", {n.name, describe(e)}}}});
      }
    }
    case Node::Kind::kNear:
      return near(n, out);
    case Node::Kind::kAnd:
    case Node::Kind::kOr: {
      std::vector<Xapian::Query> parts;
      for (const auto& c : n.children) {
        Xapian::Query q = node(c, out);
        if (!q.empty()) parts.push_back(q);
      }
      return combine(n.kind == Node::Kind::kOr ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, parts);
    }
    case Node::Kind::kAndNot: {  // the first child less every other
      Xapian::Query left = node(n.children[0], out);
      std::vector<Xapian::Query> rights;
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        Xapian::Query q = node(n.children[i], out);
        if (!q.empty()) rights.push_back(q);
      }
      if (rights.empty()) return left;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, left.empty() ? Xapian::Query::MatchAll : left,
                           combine(Xapian::Query::OP_OR, rights));
    }
  }
  return Xapian::Query();
}

// field:(a OU "b c" …): each word or phrase of the group scoped to the field,
// joined by the group's operators (words side by side by the default one).
Xapian::Query QueryCompiler::field_group(const corpus::Field& field, const std::string& name, const Node& n,
                                         CompiledQuery& out) {
  auto fail = [&](const char* what) { throw QueryError(Message{"query.at", {n.position + 1, Message{what, {name}}}}); };
  switch (n.kind) {
    case Node::Kind::kWord:
    case Node::Kind::kPhrase: {
      FieldQuery fq;
      try {
        fq = field_query(field, n.text, n.kind == Node::Kind::kPhrase, analyzer_, db_);
      } catch (const QueryError& e) {
        throw QueryError(Message{"query.at", {n.position + 1, Message{"query.field", {name, describe(e)}}}});
      }
      for (auto& t : fq.highlight) out.highlight.insert(std::move(t));
      if (n.mod == Node::Mod::kExcluded) return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, fq.query);
      return fq.query;
    }
    case Node::Kind::kSequence:
    case Node::Kind::kAnd:
    case Node::Kind::kOr: {
      std::vector<Xapian::Query> parts;
      for (const auto& c : n.children) {
        Xapian::Query q = field_group(field, name, c, out);
        if (!q.empty()) parts.push_back(q);
      }
      auto op = n.kind == Node::Kind::kOr ? Xapian::Query::OP_OR
                : n.kind == Node::Kind::kAnd ? Xapian::Query::OP_AND
                                             : default_op_;
      return combine(op, parts);
    }
    case Node::Kind::kAndNot: {
      Xapian::Query left = field_group(field, name, n.children[0], out);
      Xapian::Query right = field_group(field, name, n.children[1], out);
      if (right.empty()) return left;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, left.empty() ? Xapian::Query::MatchAll : left, right);
    }
    case Node::Kind::kWildcard:
      fail("query.group_wildcard");
      break;
    case Node::Kind::kField:
      fail("query.group_nested_field");
      break;
    case Node::Kind::kNear:
      fail("query.group_near");
      break;
  }
  return Xapian::Query();
}

// The terms of `text` taken literally (no synonyms), its words other than
// stop words marked for highlighting.
stemming::Spelling QueryCompiler::literal(const std::string& text, CompiledQuery& out) {
  std::vector<stemming::Token> tokens;
  analyzer_.analyze(text, tokens);
  stemming::Spelling words;
  for (const auto& t : tokens) {
    words.terms.push_back(t.term);
    words.stop.push_back(t.stopword);
    if (!t.stopword) out.highlight.insert(t.term);
  }
  return words;
}

// NEAR joins words and phrases, literally (no synonyms). Xapian's OP_NEAR takes
// single terms only, so a phrase's words join the others in the NEAR and the
// phrase is required besides: "société civile" PRES traite finds société,
// civile and traite within the window, société civile as a phrase.
Xapian::Query QueryCompiler::near(const Node& n, CompiledQuery& out) {
  std::vector<Xapian::Query> terms, phrases;
  for (const auto& c : n.children) {
    if (c.kind != Node::Kind::kWord && c.kind != Node::Kind::kPhrase) {
      throw QueryError(Message{"query.at", {c.position + 1, Message{"query.near_operands", {}}}});
    }
    stemming::Spelling words = literal(c.text, out);
    if (words.terms.empty()) continue;
    for (const auto& t : stemming::make_phrase(words.terms, words.stop).terms) terms.emplace_back(t);
    if (words.terms.size() > 1) phrases.push_back(phrase(words.terms, words.stop));
  }
  if (terms.size() < 2) return combine(Xapian::Query::OP_AND, terms);
  const auto asked = n.window ? static_cast<Xapian::termcount>(n.window) : kNearWindow;
  const auto window = std::max<Xapian::termcount>(asked, static_cast<Xapian::termcount>(terms.size()));
  Xapian::Query q(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window);
  if (phrases.empty()) return q;
  phrases.insert(phrases.begin(), q);
  return combine(Xapian::Query::OP_AND, phrases);
}

}  // namespace fouille::searcher
