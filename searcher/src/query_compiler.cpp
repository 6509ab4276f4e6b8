#include "query_compiler.h"

#include <algorithm>

#include "fouille/base/error.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/fold.h"
#include "fouille/store/terms.h"

#include "field_query.h"
#include "full_term_guard.h"

namespace fouille::searcher {
namespace {

// NEAR: terms within this many positions of each other.
constexpr unsigned kNearWindow = 10;
// A wildcard expands to at most this many terms (the most frequent).
constexpr Xapian::termcount kWildcardLimit = 200;

}  // namespace

bool QueryCompiler::is_code(std::string_view term) {
  const bool digit = term.find_first_of("0123456789") != std::string_view::npos;
  const bool letter = std::any_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return digit && (letter || term.find('.') != std::string_view::npos);
}

// A phrase's stop words are checked as gaps, not read (make_phrase): their
// position lists are the longest of all, and reading them doubled the cost of
// a phrase such as "gestion des frontières" over 100,000 documents for the
// same matches. A known expression is one indexed term, same matches again.
Plan QueryCompiler::phrase(const std::vector<std::string>& terms, const std::vector<bool>& stop) {
  if (terms.size() == 1) return Plan::term(terms.front());
  stemming::Phrase p = stemming::make_phrase(terms, stop);
  if (expressions_) {
    if (std::string_view key = expressions_->key(p); !key.empty()) {
      return Plan::term(store::expression_term(key));
    }
  }
  return Plan::phrase(std::move(p.terms), static_cast<unsigned>(p.window));
}

CompiledQuery QueryCompiler::compile(const Node& root, Plan::Op default_op, std::string_view text) {
  default_op_ = default_op;
  text_ = text;
  all_capitals_ = std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  CompiledQuery out;
  out.query = sequence(root, out, /*top=*/true);
  if (out.query.empty()) out.query = Plan::all();
  // An identifier typed alone that the analysis cuts into several words
  // (US-EIN-300108263-GGProj:19061, XM-DAC-41122-Liberia-2550/A0/08/802/004)
  // finds its document by ID too.
  const std::string_view whole = corpus::trim_value(text);
  const bool cut = whole.find_first_of(":/#+") != std::string_view::npos;
  const bool field =
      whole.find(':') != std::string_view::npos && corpus::schema().field_for_name(whole.substr(0, whole.find(':')));
  if (cut && !field && !whole.starts_with('-') && !whole.starts_with('+') &&
      whole.find_first_of(" \t\"()") == std::string_view::npos && is_code(stemming::fold(whole))) {
    out.query = Plan::join(Plan::Op::kOr, {out.query, Plan::term(store::id_term(whole))});
    if (!out.any_word.empty()) {
      out.any_word = Plan::join(Plan::Op::kOr, {out.any_word, Plan::term(store::id_term(whole))});
    }
  }
  return out;
}

Plan QueryCompiler::sequence(const Node& n, CompiledQuery& out, bool top) {
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
  bool only_stop = std::all_of(clauses.begin(), clauses.end(),
                               [](const Clause& c) { return c.stopword || c.mod == Node::Mod::kExcluded; });
  if (top) {
    out.optional_clauses = 0;
    for (const auto& c : clauses) {
      if (c.mod == Node::Mod::kNone && !c.restriction && !(c.stopword && !only_stop)) {
        ++out.optional_clauses;
        out.coverage.push_back(c.query);
      }
    }
    if (default_op_ == Plan::Op::kAnd) out.any_word = assemble(clauses, only_stop, Plan::Op::kOr);
  }
  return assemble(clauses, only_stop, default_op_);
}

// Clauses joined: required ones (+word, fields, and every plain one when
// `default_op` is AND) by AND, the other plain ones by OR, the excluded
// taken away.
Plan QueryCompiler::assemble(const std::vector<Clause>& clauses, bool only_stop, Plan::Op default_op) {
  std::vector<Plan> required, optional, excluded;
  for (const auto& c : clauses) {
    if (c.stopword && !only_stop && c.mod == Node::Mod::kNone) continue;
    if (c.mod == Node::Mod::kExcluded) {
      excluded.push_back(c.query);
    } else if (c.mod == Node::Mod::kRequired || c.restriction || default_op == Plan::Op::kAnd) {
      required.push_back(c.query);
    } else {
      optional.push_back(c.query);
    }
  }
  Plan q;
  if (!required.empty() && !optional.empty()) {
    q = Plan::join(Plan::Op::kAndMaybe,
                   {combine(Plan::Op::kAnd, std::move(required)), combine(Plan::Op::kOr, std::move(optional))});
  } else if (!required.empty()) {
    q = combine(Plan::Op::kAnd, std::move(required));
  } else {
    q = combine(Plan::Op::kOr, std::move(optional));
  }
  if (!excluded.empty()) {
    if (q.empty()) q = Plan::all();
    q = Plan::join(Plan::Op::kAndNot, {q, combine(Plan::Op::kOr, std::move(excluded))});
  }
  return q;
}

Plan QueryCompiler::node(const Node& n, CompiledQuery& out) {
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
      return words.terms.empty() ? Plan() : phrase(words.terms, words.stop);
    }
    case Node::Kind::kWildcard: {
      std::string prefix = stemming::fold(n.text);
      if (prefix.empty()) return Plan();
      out.wildcards.push_back(prefix);
      return expand_wildcard(db_, store::text_term(prefix), kWildcardLimit);
    }
    case Node::Kind::kField:
      return n.children.empty() ? field_value(n, out) : field_group(*n.field, n.name, n.children.front(), out);
    case Node::Kind::kNear:
      return near(n, out);
    case Node::Kind::kAnd:
    case Node::Kind::kOr: {
      std::vector<Plan> parts;
      for (const auto& c : n.children) {
        Plan q = node(c, out);
        if (!q.empty()) parts.push_back(std::move(q));
      }
      return combine(n.kind == Node::Kind::kOr ? Plan::Op::kOr : Plan::Op::kAnd, std::move(parts));
    }
    case Node::Kind::kAndNot: {  // the first child less every other
      Plan left = node(n.children[0], out);
      std::vector<Plan> rights;
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        Plan q = node(n.children[i], out);
        if (!q.empty()) rights.push_back(std::move(q));
      }
      if (rights.empty()) return left;
      return Plan::join(Plan::Op::kAndNot,
                        {left.empty() ? Plan::all() : left, combine(Plan::Op::kOr, std::move(rights))});
    }
  }
  return Plan();
}

// field:value, as field queries read it.
Plan QueryCompiler::field_value(const Node& n, CompiledQuery& out) {
  try {
    FieldQuery fq = field_query(*n.field, n.text, n.quoted, analyzer_, db_);
    for (auto& t : fq.highlight) out.highlight.insert(std::move(t));
    return fq.query;
  } catch (const QueryError& e) {
    throw QueryError(n.position + 1, Message{"query.field", {n.name, describe(e)}});
  }
}

// field:(a OU "b c" …): each word or phrase of the group scoped to the field,
// joined by the group's operators (words side by side by the default one).
Plan QueryCompiler::field_group(const corpus::Field& field, const std::string& name, const Node& n,
                                CompiledQuery& out) {
  auto fail = [&](const char* what) { throw QueryError(n.position + 1, Message{what, {name}}); };
  switch (n.kind) {
    case Node::Kind::kWord:
    case Node::Kind::kPhrase: {
      FieldQuery fq;
      try {
        fq = field_query(field, n.text, n.kind == Node::Kind::kPhrase, analyzer_, db_);
      } catch (const QueryError& e) {
        throw QueryError(n.position + 1, Message{"query.field", {name, describe(e)}});
      }
      for (auto& t : fq.highlight) out.highlight.insert(std::move(t));
      if (n.mod == Node::Mod::kExcluded) return Plan::join(Plan::Op::kAndNot, {Plan::all(), fq.query});
      return fq.query;
    }
    case Node::Kind::kSequence:
    case Node::Kind::kAnd:
    case Node::Kind::kOr: {
      std::vector<Plan> parts;
      for (const auto& c : n.children) {
        Plan q = field_group(field, name, c, out);
        if (!q.empty()) parts.push_back(std::move(q));
      }
      auto op = n.kind == Node::Kind::kOr ? Plan::Op::kOr : n.kind == Node::Kind::kAnd ? Plan::Op::kAnd : default_op_;
      return combine(op, std::move(parts));
    }
    case Node::Kind::kAndNot: {
      Plan left = field_group(field, name, n.children[0], out);
      Plan right = field_group(field, name, n.children[1], out);
      if (right.empty()) return left;
      return Plan::join(Plan::Op::kAndNot, {left.empty() ? Plan::all() : left, right});
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
  return Plan();
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
Plan QueryCompiler::near(const Node& n, CompiledQuery& out) {
  std::vector<std::string> terms;
  std::vector<Plan> phrases;
  for (const auto& c : n.children) {
    if (c.kind != Node::Kind::kWord && c.kind != Node::Kind::kPhrase) {
      throw QueryError(c.position + 1, Message{"query.near_operands", {}});
    }
    stemming::Spelling words = literal(c.text, out);
    if (words.terms.empty()) continue;
    for (const auto& t : stemming::make_phrase(words.terms, words.stop).terms) terms.emplace_back(t);
    if (words.terms.size() > 1) phrases.push_back(phrase(words.terms, words.stop));
  }
  if (terms.size() < 2) return terms.empty() ? Plan() : Plan::term(terms.front());
  const unsigned asked = n.window ? static_cast<unsigned>(n.window) : kNearWindow;
  const unsigned window = std::max(asked, static_cast<unsigned>(terms.size()));
  Plan q = Plan::near(std::move(terms), window);
  if (phrases.empty()) return q;
  phrases.insert(phrases.begin(), q);
  return combine(Plan::Op::kAnd, std::move(phrases));
}

}  // namespace fouille::searcher
