#include "document_builder.h"

#include <chrono>

#include "fouille/corpus/areas.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/schema.h"

namespace fouille::indexer {
namespace {

// Title words count this many times a body word: BM25 then ranks a title
// match above a passing mention.
constexpr Xapian::termcount kTitleWdf = 3;
// Positions left empty between title and body, so no phrase spans the two.
constexpr Xapian::termpos kFieldGap = 100;

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += corpus::kMultiSeparator;
    out += v;
  }
  return out;
}

}  // namespace

void DocumentBuilder::analyze(std::string_view text) {
  const auto started = std::chrono::steady_clock::now();
  tokens_.clear();
  analyzer_.analyze(text, tokens_);
  analyse_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void DocumentBuilder::index_text(Xapian::Document& xdoc, std::string_view text, const std::string& prefix,
                                 Xapian::termpos& position, Xapian::termcount wdf) {
  // A long text is analysed a window at a time, each ending at a line end:
  // its tokens (about 100 bytes a word) would otherwise take ten times the
  // text. Positions run on across windows as in one pass; an expression is
  // found within a window.
  Xapian::termpos last = position;
  Xapian::termpos base = position;
  while (!text.empty()) {
    std::size_t cut = text.size();
    if (text.size() > kWindowBytes) {
      cut = text.find('\n', kWindowBytes);
      cut = cut == std::string_view::npos ? text.size() : cut + 1;
    }
    const std::string_view window = text.substr(0, cut);
    text.remove_prefix(cut);
    index_window(xdoc, window, prefix, base, wdf, last);
    if (!tokens_.empty()) base += tokens_.back().position + 1;
  }
  if (tokens_.capacity() > kWindowTokens) std::vector<stemming::Token>().swap(tokens_);
  position = last + kFieldGap;
}

void DocumentBuilder::index_window(Xapian::Document& xdoc, std::string_view text, const std::string& prefix,
                                   Xapian::termpos base, Xapian::termcount wdf, Xapian::termpos& last) {
  analyze(text);
  for (const auto& t : tokens_) {
    last = base + t.position;
    xdoc.add_posting(t.term, last, wdf);
    if (!prefix.empty()) xdoc.add_posting(prefix + t.term, last, 1);
    if (!t.accent_term.empty()) xdoc.add_term(accent_prefix_ + t.accent_term, wdf);
    if (spelling_ && !t.stopword && t.end - t.begin >= 3) {
      std::string_view word = text.substr(t.begin, t.end - t.begin);
      if (word.find_first_of("0123456789'\xE2") != std::string_view::npos) continue;
      // Look up by view first: a word already counted costs no allocation.
      if (auto it = spelling_->find(word); it != spelling_->end()) {
        ++it->second;
      } else {
        spelling_->emplace(std::string(word), 1);
      }
    }
  }
  // Expressions weigh as their words do here (title or body).
  expression_keys_.clear();
  expressions_.find(tokens_, expression_keys_);
  for (auto key : expression_keys_) xdoc.add_term(expression_prefix_ + std::string(key), wdf);
}

// Area names weigh below the document's own words: each term and expression
// counts once (wdf 1) however many names repeat it, and the positions let
// « Asie centrale » match as a phrase. They feed no spelling: not the
// document's words.
void DocumentBuilder::index_areas(Xapian::Document& xdoc, const corpus::Document& doc, Xapian::termpos& position) {
  seen_.clear();
  for (std::string_view name : corpus::areas().names(doc)) {
    analyze(name);
    Xapian::termpos last = position;
    for (const auto& t : tokens_) {
      last = position + t.position;
      xdoc.add_posting(t.term, last, seen_.insert(t.term).second ? 1 : 0);
    }
    expression_keys_.clear();
    expressions_.find(tokens_, expression_keys_);
    for (auto key : expression_keys_) {
      std::string term = expression_prefix_ + std::string(key);
      if (seen_.insert(term).second) xdoc.add_term(term, 1);
    }
    position = last + kFieldGap;
  }
}

Xapian::Document DocumentBuilder::build(const corpus::Document& doc, const std::string& file,
                                        const std::string& stamp) {
  const corpus::Schema& s = corpus::schema();
  Xapian::Document xdoc;
  Xapian::termpos position = 1;
  index_text(xdoc, doc.title, s.field("title").text_prefix, position, kTitleWdf);
  index_text(xdoc, doc.body, "", position, 1);

  // Metadata text, searchable unprefixed and under the field's prefix, with
  // positions (each value apart): phrases match inside a field.
  index_text(xdoc, doc.project_type, s.field("project_type").text_prefix, position, 1);
  index_text(xdoc, doc.region, s.field("region").text_prefix, position, 1);
  index_text(xdoc, doc.implementer, s.field("implementer").text_prefix, position, 1);
  index_text(xdoc, doc.client, s.field("client").text_prefix, position, 1);
  const auto& countries_field = s.field("countries");
  for (const auto& c : doc.countries) {
    if (c.size() == 2) {
      // Both names: an English query finds a French page by its country.
      index_text(xdoc, corpus::countries().french_name(c), countries_field.text_prefix, position, 1);
      index_text(xdoc, corpus::countries().english_name(c), countries_field.text_prefix, position, 1);
    } else {
      index_text(xdoc, c, countries_field.text_prefix, position, 1);
    }
  }
  index_areas(xdoc, doc, position);

  // Boolean filter terms and value slots.
  auto keyword = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    const auto& f = s.field(key);
    xdoc.add_boolean_term(corpus::filter_term(f, value));
    if (f.slot != corpus::kNoSlot) xdoc.add_value(f.slot, value);
  };
  keyword("status", doc.status);
  keyword("project_type", doc.project_type);
  keyword("coverage", doc.coverage);
  keyword("region", doc.region);
  auto multi = [&](const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    const auto& f = s.field(key);
    for (const auto& v : values) xdoc.add_boolean_term(corpus::filter_term(f, v));
    xdoc.add_value(f.slot, join(values));
  };
  multi("countries", doc.countries);
  multi("continent", doc.continent);
  multi("subregion", doc.subregion);
  std::vector<std::string> years;
  for (int y : doc.running_years()) years.push_back(std::to_string(y));
  multi("year", years);

  const auto& id = s.field("id");
  for (const auto* v : {&doc.id, &doc.project_id, &doc.prima_id}) {
    if (!v->empty()) xdoc.add_boolean_term(corpus::filter_term(id, *v));
  }
  if (!doc.project_id.empty()) xdoc.add_value(s.field("project_id").slot, doc.project_id);
  if (doc.budget_usd) {
    xdoc.add_value(s.field("budget_usd").slot, Xapian::sortable_serialise(*doc.budget_usd));
    xdoc.add_value(s.field("budget_range").slot, corpus::budget_range(*doc.budget_usd));
  }
  if (doc.budget) xdoc.add_value(s.field("budget").slot, Xapian::sortable_serialise(*doc.budget));
  if (doc.start_year) xdoc.add_value(s.field("start_year").slot, Xapian::sortable_serialise(*doc.start_year));
  if (doc.end_year) xdoc.add_value(s.field("end_year").slot, Xapian::sortable_serialise(*doc.end_year));
  if (doc.funding_year) {
    xdoc.add_value(s.field("funding_year").slot, Xapian::sortable_serialise(*doc.funding_year));
  }

  xdoc.add_boolean_term(corpus::source_term(file, doc.source));
  xdoc.add_value(s.field("source").slot, file);
  xdoc.add_value(s.field("stamp").slot, stamp);
  // A file name that is not UTF-8 shows with U+FFFD; the source value keeps its bytes.
  xdoc.set_data(corpus::to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return xdoc;
}

}  // namespace fouille::indexer
