#include "document_builder.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <variant>

#include "fouille/corpus/areas.h"
#include "fouille/corpus/code_labels.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/document_fields.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/schema.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/store/stored_document.h"
#include "fouille/store/terms.h"
#include "fouille/store/values.h"

namespace fouille::indexer {
namespace {

// Title words count this many times a body word: BM25 then ranks a title
// match above a passing mention (on the judged set, 2: 0.9093, 3: 0.9089,
// 4: 0.9076, 5: 0.9080).
constexpr Xapian::termcount kTitleWdf = 3;
// Words of the fields that say what a project is (type, region, countries,
// sectors, implementer, client, publisher) count twice a body word: a page
// typed « Lutte contre la traite » is about trafficking more than one that
// names it once in its narrative (judged set: 0.9089 at 1, 0.9147 at 2,
// 0.9143 at 3).
constexpr Xapian::termcount kMetadataWdf = 2;
// Positions left empty between title and body, so no phrase spans the two.
constexpr Xapian::termpos kFieldGap = 100;

using corpus::FieldId;
using corpus::FieldKind;

// The fields whose free text is indexed, in the order their words take
// positions (each field kFieldGap apart). The order is the databases': a
// test checks it holds every field with text (kind text, or a text prefix).
constexpr FieldId kTextOrder[] = {FieldId::kTitle,     FieldId::kBody,          FieldId::kProjectType,
                                  FieldId::kRegion,    FieldId::kImplementer,   FieldId::kClient,
                                  FieldId::kCountries, FieldId::kPublisherName, FieldId::kSectors};

// Whether a word goes into the spelling table: words with digits,
// apostrophes or typographic marks (U+2000 to U+2FFF, lead byte 0xE2) are
// not. One pass over the word (find_first_of made one memchr a byte).
bool spelling_word(std::string_view word) {
  return std::none_of(word.begin(), word.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '\'' || static_cast<unsigned char>(c) == 0xE2;
  });
}

}  // namespace

void DocumentBuilder::analyze(std::string_view text, Analysis& into) {
  const auto started = std::chrono::steady_clock::now();
  into.tokens.clear();
  analyzer_.analyze(text, into.tokens);
  into.accent_terms.clear();
  for (const auto& t : into.tokens) {
    into.accent_terms.push_back(t.accent_term.empty() ? std::string() : store::accent_term(t.accent_term));
  }
  expression_keys_.clear();
  expressions_.find(into.tokens, expression_keys_);
  into.expression_terms.clear();
  for (auto key : expression_keys_) into.expression_terms.push_back(store::expression_term(key));
  analyse_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

const DocumentBuilder::Analysis& DocumentBuilder::analysis_of(std::string_view text) {
  if (text.size() > kCachedBytes) {
    analyze(text, scratch_);
    return scratch_;
  }
  if (auto it = cache_.find(text); it != cache_.end()) return it->second;
  if (cache_.size() >= kCachedTexts) cache_.clear();
  Analysis& a = cache_[std::string(text)];
  analyze(text, a);
  return a;
}

void DocumentBuilder::index_text(Xapian::Document& xdoc, std::string_view text, const corpus::Field& field,
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
    const Analysis& a = analysis_of(window);
    index_window(xdoc, window, a, field, base, wdf, last);
    if (!a.tokens.empty()) base += a.tokens.back().position + 1;
  }
  if (scratch_.tokens.capacity() > kWindowTokens) scratch_ = Analysis{};
  position = last + kFieldGap;
}

void DocumentBuilder::index_window(Xapian::Document& xdoc, std::string_view text, const Analysis& a,
                                   const corpus::Field& field, Xapian::termpos base, Xapian::termcount wdf,
                                   Xapian::termpos& last) {
  const bool prefixed = !field.text_prefix.empty();  // else its words are the bare ones
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const stemming::Token& t = a.tokens[i];
    last = base + t.position;
    xdoc.add_posting(store::text_term(t.term), last, wdf);
    if (prefixed) {
      store::field_text_term(field, t.term, prefixed_);
      xdoc.add_posting(prefixed_, last, 1);
    }
    if (!a.accent_terms[i].empty()) xdoc.add_term(a.accent_terms[i], wdf);
    if (spelling_ && !t.stopword && t.end - t.begin >= 3) {
      std::string_view word = text.substr(t.begin, t.end - t.begin);
      if (spelling_word(word)) spelling_->add(word);
    }
  }
  // Expressions weigh as their words do here (title or body).
  for (const auto& term : a.expression_terms) xdoc.add_term(term, wdf);
}

// Area names weigh below the document's own words: each term and expression
// counts once (wdf 1) however many names repeat it, and the positions let
// « Asie centrale » match as a phrase. They feed no spelling: not the
// document's words.
void DocumentBuilder::index_areas(Xapian::Document& xdoc, const corpus::Document& doc, Xapian::termpos& position) {
  seen_.clear();
  for (std::string_view name : corpus::areas().names(doc)) {
    const Analysis& a = analysis_of(name);
    Xapian::termpos last = position;
    for (const auto& t : a.tokens) {
      last = position + t.position;
      xdoc.add_posting(store::text_term(t.term), last, seen_.insert(t.term).second ? 1 : 0);
    }
    for (const auto& term : a.expression_terms) {
      if (seen_.insert(term).second) xdoc.add_term(term, 1);
    }
    position = last + kFieldGap;
  }
}

std::span<const FieldId> DocumentBuilder::text_order() { return kTextOrder; }

void DocumentBuilder::index_field_text(Xapian::Document& xdoc, const corpus::Document& doc, const corpus::Field& field,
                                       Xapian::termpos& position) {
  const Xapian::termcount wdf = field.id == FieldId::kTitle ? kTitleWdf : field.id == FieldId::kBody ? 1 : kMetadataWdf;
  const corpus::DocumentMember* m = corpus::document_member(field.id);
  if (!m) return;
  // A code's names in both languages (DAC sectors and categories).
  auto index_code_labels = [&](FieldId coded, const std::string& code) {
    for (const char* lang : {"fr", "en"}) {
      if (auto label = corpus::code_label(coded, code, lang)) index_text(xdoc, *label, field, position, 1);
    }
  };
  if (const auto* list = std::get_if<std::vector<std::string> corpus::Document::*>(&m->member)) {
    for (const auto& value : doc.**list) {
      if (field.id == FieldId::kSectors) {
        // The code and its names in both languages: `secteur:"santé de base"`.
        index_text(xdoc, value, field, position, wdf);
        index_code_labels(FieldId::kSectors, value);
      } else if (field.id == FieldId::kCountries && corpus::is_country_code(value)) {
        // Both names: an English query finds a French page by its country.
        index_text(xdoc, corpus::countries().french_name(value), field, position, wdf);
        index_text(xdoc, corpus::countries().english_name(value), field, position, wdf);
      } else {
        index_text(xdoc, value, field, position, wdf);
      }
    }
    // A sector's category names are searched as the sector's: an activity
    // may state its DAC 3-digit category alone.
    if (field.id == FieldId::kSectors) {
      for (const auto& category : doc.sector_category) {
        index_code_labels(FieldId::kSectorCategory, category);
      }
    }
  } else {
    const std::string& value = corpus::text_member(doc, field.id);
    index_text(xdoc, value, field, position, wdf);
    // A vocabulary's label in the other language too (project type, region),
    // as a country's two names: « Immigration and Border Management » finds
    // a page typed « Gestion de l'immigration et des frontières ». Its words
    // count no more (wdf 0): one label said twice is no more relevant.
    if (const corpus::Vocabulary* v = corpus::vocabulary(field.id); v && !value.empty()) {
      if (std::string english = v->label(value, "en"); english != value) {
        index_text(xdoc, english, field, position, 0);
      }
    }
  }
}

// A multi-valued field: a filter term for each value, the list in its slot.
void DocumentBuilder::index_list_values(Xapian::Document& xdoc, const corpus::Document& doc,
                                        const corpus::Field& field) {
  std::vector<std::string> years;
  const std::vector<std::string>* values = &years;
  if (field.id == FieldId::kYear) {  // derived: the years the project runs
    for (int y : doc.running_years()) years.push_back(std::to_string(y));
  } else if (const auto* m = corpus::document_member(field.id)) {
    values = &(doc.*std::get<std::vector<std::string> corpus::Document::*>(m->member));
  }
  if (values->empty()) return;
  for (const auto& v : *values) {
    xdoc.add_boolean_term(store::filter_term(field, v));
    // A link ("child:ID") is found by the linked identifier alone too.
    if (field.id == FieldId::kRelated && v.find(':') != std::string::npos) {
      xdoc.add_boolean_term(store::filter_term(field, v.substr(v.find(':') + 1)));
    }
  }
  if (field.slot != corpus::kNoSlot) store::set_list_value(xdoc, field, *values);
}

// Boolean filter terms and value slots of one field, by its kind.
void DocumentBuilder::index_field_values(Xapian::Document& xdoc, const corpus::Document& doc,
                                         const corpus::Field& field, const std::string& file,
                                         const std::string& stamp) {
  const bool slot = field.slot != corpus::kNoSlot;
  switch (field.kind) {
    case FieldKind::kText:
    case FieldKind::kKeyword: {
      if (field.id == FieldId::kSource) {
        const store::SourceKey key = store::source_key(file, doc.source);
        xdoc.add_boolean_term(key.term);
        store::set_text_value(xdoc, field, key.value);
        return;
      }
      if (field.id == FieldId::kBudgetRange) {  // derived: the budget facet's bucket
        if (doc.budget_usd) store::set_text_value(xdoc, field, corpus::budget_range(*doc.budget_usd));
        return;
      }
      if (!corpus::document_member(field.id)) return;
      const std::string& value = corpus::text_member(doc, field.id);
      if (value.empty()) return;
      if (!field.filter_prefix.empty()) xdoc.add_boolean_term(store::filter_term(field, value));
      if (slot) store::set_text_value(xdoc, field, value);
      return;
    }
    case FieldKind::kMulti:
      return index_list_values(xdoc, doc, field);
    case FieldKind::kNumber:
    case FieldKind::kYear: {
      // Numbers are found by value ranges on their slot, never by terms.
      const corpus::DocumentMember* m = corpus::document_member(field.id);
      if (!m || !slot) return;
      std::optional<double> number;
      std::visit(
          [&](auto member) {
            if constexpr (requires { (doc.*member).has_value(); }) {
              if (doc.*member) number = static_cast<double>(*(doc.*member));
            }
          },
          m->member);
      if (number) store::set_number_value(xdoc, field, *number);
      return;
    }
    case FieldKind::kInternal:
      if (field.id == FieldId::kStamp) store::set_text_value(xdoc, field, stamp);
      return;
    case FieldKind::kLabel:
      return;
  }
}

Xapian::Document DocumentBuilder::build(const corpus::Document& doc, const std::string& file,
                                        const std::string& stamp) {
  const corpus::Schema& s = corpus::schema();
  Xapian::Document xdoc;
  // Free text, searchable unprefixed and under the field's prefix, with
  // positions (each value apart): phrases match inside a field.
  Xapian::termpos position = 1;
  for (FieldId id : kTextOrder) index_field_text(xdoc, doc, s.field(id), position);
  index_areas(xdoc, doc, position);
  for (const auto& field : s.fields()) index_field_values(xdoc, doc, field, file, stamp);
  xdoc.set_data(store::encode_document(doc));
  return xdoc;
}

}  // namespace fouille::indexer
