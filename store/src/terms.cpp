#include "fouille/store/terms.h"

#include <charconv>
#include <string>

#include "fouille/base/hash.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/stemming/fold.h"

namespace fouille::store {
namespace {

using corpus::FieldId;
using corpus::schema;

// Xapian refuses terms over 245 bytes: long ones keep a prefix and a hash.
// The hash is FNV-1a, not std::hash: a term is on disk, and another build or
// standard library must write the same one.
std::string clamp_term(std::string term) {
  constexpr std::size_t kMax = 200;
  if (term.size() <= kMax) return term;
  base::Fnv1a h;
  h.add_part(term);
  term.resize(kMax - 17);
  return term + "#" + h.hex();
}

}  // namespace

bool is_text_term(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

std::string field_text_term(const corpus::Field& field, std::string_view word) {
  std::string out;
  field_text_term(field, word, out);
  return out;
}

void field_text_term(const corpus::Field& field, std::string_view word, std::string& out) {
  out.assign(field.text_prefix).append(word);
}

std::string accent_term(std::string_view accented_stem) {
  return schema().field(FieldId::kAccent).text_prefix + std::string(accented_stem);
}

std::string expression_term(std::string_view key) {
  return schema().field(FieldId::kExpression).text_prefix + std::string(key);
}

std::string spelling_key(std::string_view word) { return stemming::lower(word); }

std::string filter_term(const corpus::Field& field, std::string_view value) {
  if (field.id == FieldId::kCountries && corpus::is_country_code(value))
    return field.filter_prefix + std::string(value);
  return clamp_term(field.filter_prefix + stemming::fold(corpus::trim_value(value)));
}

std::string id_term(std::string_view id) { return filter_term(schema().field(FieldId::kId), id); }

std::string year_term(int year) { return year_term_prefix() + std::to_string(year); }

const std::string& year_term_prefix() { return schema().field(FieldId::kYear).filter_prefix; }

std::optional<int> parse_year_term(std::string_view term) {
  const std::string& prefix = year_term_prefix();
  if (!term.starts_with(prefix)) return std::nullopt;
  int year = 0;
  const auto [ptr, ec] = std::from_chars(term.data() + prefix.size(), term.data() + term.size(), year);
  if (ec != std::errc()) return std::nullopt;
  return year;
}

SourceKey source_key(std::string_view file, std::string_view source) {
  std::string term = schema().field(FieldId::kSource).filter_prefix + std::string(file);
  if (source.size() > file.size() && source.starts_with(file)) {
    term += '\0';
    term += source.substr(file.size() + 1);  // after the '#'
  }
  return {clamp_term(std::move(term)), std::string(file)};
}

std::vector<std::string> source_query_terms(std::string_view value) {
  std::vector<std::string> terms{source_key(value, value).term};
  if (std::size_t hash = value.rfind('#'); hash != std::string_view::npos) {
    terms.push_back(source_key(value.substr(0, hash), value).term);
  }
  return terms;
}

}  // namespace fouille::store
