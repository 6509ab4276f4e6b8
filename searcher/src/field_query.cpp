#include "field_query.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "fouille/base/error.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/store/terms.h"

namespace fouille::searcher {
namespace {

using corpus::FieldId;
using corpus::FieldKind;

struct Range {
  std::optional<double> low, high;
};

std::optional<double> parse_bound(const corpus::Field& /*field*/, std::string_view text, bool year) {
  if (text.empty()) return std::nullopt;
  if (year) {
    auto years = corpus::parse_years(text);
    if (years.size() != 1 || text.size() != 4) {
      throw QueryError(Message{"query.not_a_year", {text}});
    }
    return years.front();
  }
  auto amount = corpus::parse_amount(text);
  if (!amount || text.find_first_not_of("0123456789.,kKmM $€USDusd ") != std::string_view::npos) {
    throw QueryError(Message{"query.not_an_amount", {text}});
  }
  return amount->value;
}

// "a..b", "..b", "a..", or a single value a (meaning a..a).
Range parse_range(const corpus::Field& field, std::string_view value, bool year) {
  Range r;
  std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    r.low = r.high = parse_bound(field, value, year);
    if (!r.low) throw QueryError(Message{"query.empty_value", {}});
    return r;
  }
  r.low = parse_bound(field, value.substr(0, dots), year);
  r.high = parse_bound(field, value.substr(dots + 2), year);
  if (!r.low && !r.high) throw QueryError(Message{"query.empty_range", {}});
  if (r.low && r.high && *r.low > *r.high) {
    throw QueryError(Message{"query.reversed_range", {value}});
  }
  return r;
}

Plan slot_range(unsigned slot, const Range& r) { return Plan::range(NumberRange{slot, r.low, r.high}); }

// Free-text words of `value` in `field`: a phrase when asked, else all words.
FieldQuery text_query(std::string_view value, const corpus::Field& field, bool phrase, stemming::Analyzer& analyzer) {
  std::vector<stemming::Token> tokens;
  analyzer.analyze(value, tokens);
  std::vector<std::string> terms;
  FieldQuery out;
  bool all_stop = std::all_of(tokens.begin(), tokens.end(), [](const auto& t) { return t.stopword; });
  for (const auto& t : tokens) {
    if (!phrase && t.stopword && !all_stop) continue;
    terms.emplace_back(store::field_text_term(field, t.term));
    out.highlight.push_back(t.term);
  }
  if (terms.empty()) return out;
  if (phrase && terms.size() > 1) {
    const auto window = static_cast<unsigned>(terms.size());
    out.query = Plan::phrase(std::move(terms), window);
  } else {
    std::vector<Plan> parts;
    for (auto& t : terms) parts.push_back(Plan::term(std::move(t)));
    out.query = Plan::join(Plan::Op::kAnd, std::move(parts));
  }
  return out;
}

Plan filter(const corpus::Field& field, std::string_view value) { return Plan::term(store::filter_term(field, value)); }

Plan any_of(const std::vector<std::string>& terms) {
  std::vector<Plan> plans;
  for (const auto& t : terms) plans.push_back(Plan::term(t));
  return plans.size() == 1 ? plans.front() : Plan::join(Plan::Op::kOr, std::move(plans));
}

// Projects running in any year of the range: the year terms that exist.
FieldQuery year_query(const corpus::Field& field, std::string_view value, const Xapian::Database& db) {
  Range r = parse_range(field, value, true);
  std::vector<Plan> years;
  const std::string& prefix = store::year_term_prefix();
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::optional<int> y = store::parse_year_term(*it);
    if (!y) continue;  // not a year term
    if ((!r.low || *y >= *r.low) && (!r.high || *y <= *r.high)) years.push_back(Plan::term(*it));
  }
  FieldQuery out;
  // No year in the range: the bare prefix, which no term is, matches nothing
  // and keeps its clause (an empty query would be dropped from its AND, and
  // `année:1900` alone would match every document).
  out.query = years.empty() ? Plan::term(prefix) : Plan::join(Plan::Op::kOr, std::move(years));
  return out;
}

FieldQuery countries_query(const corpus::Field& field, std::string_view value, stemming::Analyzer& analyzer,
                           const Xapian::Database& db) {
  FieldQuery out;
  corpus::CountryList list = corpus::countries().parse_list(value);
  if (list.codes.empty()) {
    if (auto code = corpus::countries().code(value)) list.codes.push_back(*code);
  }
  if (list.codes.empty() && db.term_exists(store::filter_term(field, value))) {
    out.query = filter(field, value);  // a name kept as written, as the facet shows it
    return out;
  }
  if (list.codes.empty()) return text_query(value, field, true, analyzer);
  std::vector<Plan> codes;
  for (const auto& c : list.codes) codes.push_back(filter(field, c));
  out.query = Plan::join(Plan::Op::kOr, std::move(codes));
  return out;
}

FieldQuery vocabulary_query(const corpus::Field& field, const corpus::Vocabulary& vocabulary, std::string_view value,
                            bool phrase, stemming::Analyzer& analyzer, const Xapian::Database& db, FieldUse use) {
  FieldQuery out;
  if (auto label = vocabulary.canonical(value)) {
    out.query = filter(field, *label);
    // A phrase also matches the field's own words in order: a value kept as
    // written (« Politique migratoire et recherche appliquée ») holds it too.
    if (phrase && use == FieldUse::kQuery && !field.text_prefix.empty()) {
      FieldQuery words = text_query(value, field, true, analyzer);
      if (!words.query.empty()) out.query = Plan::join(Plan::Op::kOr, {out.query, words.query});
    }
    return out;
  }
  // A value the vocabulary lacks, as a facet shows it: that value exactly.
  if (db.term_exists(store::filter_term(field, value))) {
    out.query = filter(field, value);
    return out;
  }
  if (!field.text_prefix.empty()) return text_query(value, field, phrase, analyzer);
  out.query = filter(field, value);
  return out;
}

bool is_id(FieldId id) { return id == FieldId::kId || id == FieldId::kProjectId || id == FieldId::kPrimaId; }

}  // namespace

FieldQuery field_query(const corpus::Field& field, std::string_view value, bool phrase, stemming::Analyzer& analyzer,
                       const Xapian::Database& db, FieldUse use) {
  if (value.find_first_not_of(" \t") == std::string_view::npos) throw QueryError(Message{"query.empty_value", {}});
  FieldQuery out;
  if (field.kind == FieldKind::kNumber || field.id == FieldId::kBudgetRange) {
    Range r = parse_range(field, value, false);
    // A bucket is half-open, [a, b), as the facet counts it: 100,000 is in one bucket only.
    if (field.id == FieldId::kBudgetRange && r.high && r.low != r.high) r.high = std::nextafter(*r.high, -HUGE_VAL);
    out.query = slot_range(corpus::schema().field(FieldId::kBudgetUsd).slot, r);  // budgets compare in USD
    return out;
  }
  if (field.id == FieldId::kYear) return year_query(field, value, db);
  if (field.kind == FieldKind::kYear) {
    out.query = slot_range(field.slot, parse_range(field, value, true));
    return out;
  }
  if (field.id == FieldId::kCountries) return countries_query(field, value, analyzer, db);
  if (field.id == FieldId::kContinent || field.id == FieldId::kSubregion) {
    auto area = corpus::countries().area(value);
    out.query = filter(field, area ? *area : std::string(value));
    return out;
  }
  if (const corpus::Vocabulary* vocabulary = corpus::vocabulary(field.id)) {
    return vocabulary_query(field, *vocabulary, value, phrase, analyzer, db, use);
  }
  if (is_id(field.id)) {
    out.query = Plan::term(store::id_term(value));
    return out;
  }
  if (field.id == FieldId::kSectors || field.id == FieldId::kSectorCategory || field.id == FieldId::kPublisher) {
    // A code as the facet shows it ("12220", "122", "FR-6"), else words of
    // its names: the sectors' and categories' in French and English
    // (`secteur:"santé de base"`), the publisher's.
    if (db.term_exists(store::filter_term(field, value))) {
      out.query = filter(field, value);
      return out;
    }
    const FieldId text_field = field.id == FieldId::kPublisher ? FieldId::kPublisherName : FieldId::kSectors;
    return text_query(value, corpus::schema().field(text_field), phrase, analyzer);
  }
  if (field.id == FieldId::kSource) {
    // A file path, or "path#id" for a JSON Lines record.
    out.query = any_of(store::source_query_terms(value));
    return out;
  }
  // A keyword field with no text of its own (format): its value exactly.
  if (field.text_prefix.empty() && !field.filter_prefix.empty()) {
    out.query = filter(field, std::string(value));
    return out;
  }
  // Free-text fields: title, body, implementer, client.
  return text_query(value, field, phrase, analyzer);
}

}  // namespace fouille::searcher
