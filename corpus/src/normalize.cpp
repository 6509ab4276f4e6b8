#include "fouille/corpus/normalize.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <variant>

#include "fouille/base/hash.h"
#include "fouille/corpus/code_labels.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/document_fields.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/stemming/fold.h"

#include "table.h"

namespace fouille::corpus {
namespace {

struct CurrencyMark {
  const char* text;  // folded
  const char* code;
};
// Longest first, so "us$" is not read as "$".
const CurrencyMark kCurrencies[] = {
    {"us$", "USD"},     {"usd", "USD"},          {"eur", "EUR"},      {"chf", "CHF"},   {"gbp", "GBP"},
    {"cad", "CAD"},     {"aud", "AUD"},          {"jpy", "JPY"},      {"euros", "EUR"}, {"euro", "EUR"},
    {"dollars", "USD"}, {"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"}, {"$", "USD"},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// The currency a text names, as an ISO code; empty if none. Codes and words
// count as whole words only (« valeur » names no euro); signs anywhere.
std::string currency_in(std::string_view text) {
  std::string folded = stemming::fold(text);
  for (const auto& mark : kCurrencies) {
    const std::string_view m(mark.text);
    const bool word = is_letter(m.back());
    for (std::size_t at = folded.find(m); at != std::string::npos; at = folded.find(m, at + 1)) {
      const bool before = at == 0 || !is_letter(folded[at - 1]);
      const bool after = at + m.size() == folded.size() || !is_letter(folded[at + m.size()]);
      if (!word || (before && after)) return mark.code;
    }
  }
  return {};
}

}  // namespace

std::optional<Amount> parse_amount(std::string_view text) {
  std::string folded = stemming::fold(text);
  Amount amount;
  amount.currency = currency_in(folded);
  // Digits and separators of the first number; spaces (any kind) group thousands.
  std::string number;
  std::size_t i = 0;
  while (i < folded.size() && !is_digit(folded[i])) ++i;
  if (i == folded.size()) return std::nullopt;
  std::size_t end = i;
  for (; end < folded.size(); ++end) {
    char c = folded[end];
    if (is_digit(c) || c == '.' || c == ',') {
      number += c;
    } else if ((c == ' ' || c == '\'') && end + 1 < folded.size() && is_digit(folded[end + 1])) {
      continue;  // "1 250 000", "2'450'000"
    } else {
      break;
    }
  }
  while (!number.empty() && (number.back() == '.' || number.back() == ',')) number.pop_back();
  // The last separator is a decimal mark when it is followed by other than
  // three digits, or when both kinds appear; every other one groups digits.
  std::size_t last = number.find_last_of(".,");
  bool decimal = false;
  if (last != std::string::npos) {
    bool both = number.find('.') != std::string::npos && number.find(',') != std::string::npos;
    std::size_t digits_after = number.size() - last - 1;
    bool repeated = number.find(number[last]) != last;
    decimal = both || (digits_after != 3 && !repeated);
  }
  std::string plain;
  for (std::size_t k = 0; k < number.size(); ++k) {
    if (is_digit(number[k])) {
      plain += number[k];
    } else if (decimal && k == last) {
      plain += '.';
    }
  }
  if (plain.empty()) return std::nullopt;
  // from_chars, not stod: a number too large for a double (400 digits) is no
  // amount, never an exception that would drop the whole file.
  const auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), amount.value);
  if (ec != std::errc() || !std::isfinite(amount.value)) return std::nullopt;
  // Multipliers right after the number: 150k, 1,5 M, 2 millions.
  std::string_view rest = std::string_view(folded).substr(end);
  rest = detail::trim(rest);
  if (rest.starts_with("k")) {
    amount.value *= 1e3;
  } else if (rest.starts_with("m") && !rest.starts_with("mo")) {
    amount.value *= 1e6;
  }
  return amount;
}

std::string_view trim_value(std::string_view value) { return detail::trim(value); }

std::vector<int> parse_years(std::string_view text) {
  std::vector<int> years;
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    bool boundary_before = i == 0 || !is_digit(text[i - 1]);
    bool boundary_after = i + 4 == text.size() || !is_digit(text[i + 4]);
    if (!boundary_before || !boundary_after) continue;
    if (!std::all_of(text.begin() + i, text.begin() + i + 4, is_digit)) continue;
    int y = 0;
    for (std::size_t k = i; k < i + 4; ++k) y = y * 10 + (text[k] - '0');
    if (y >= 1900 && y <= 2099) years.push_back(y);
  }
  return years;
}

namespace {

// An amount under a budget label: the amount as stated goes to `budget`,
// whichever the label (finish() derives budget_usd); the currency from the
// value, else from the label ("Budget Amount (USD)").
void set_amount(Document& doc, const Field& field, std::string_view value, std::string_view label) {
  if (auto amount = parse_amount(value)) {
    doc.budget = amount->value;
    std::string currency = amount->currency.empty() ? currency_in(label) : amount->currency;
    if (!currency.empty()) doc.currency = currency;
  } else if (std::any_of(value.begin(), value.end(), is_digit)) {  // digits, yet no number: too large
    const std::string shown = value.size() > 40 ? std::string(value.substr(0, 40)) + "…" : std::string(value);
    doc.warnings.push_back(Message{"read.number_too_large_value", {field_label(field.key), shown}});
  }
}

// A year field: the first year of the value, the last for an end year.
void set_year(Document& doc, const Field& field, std::string_view value) {
  auto years = parse_years(value);
  const DocumentMember* m = document_member(field.id);
  if (years.empty() || !m) return;
  doc.*std::get<std::optional<int> Document::*>(m->member) =
      field.id == FieldId::kEndYear ? years.back() : years.front();
}

// A period ("2018 - 2023"): two years start and end it; one is a funding year.
void set_period(Document& doc, std::string_view value) {
  auto years = parse_years(value);
  if (years.size() >= 2) {
    doc.start_year = years.front();
    doc.end_year = years.back();
  } else if (years.size() == 1) {
    doc.funding_year = years.front();
  }
}

void add_countries(Document& doc, std::string_view value) {
  CountryList list = countries().parse_list(value);
  for (auto& c : list.codes) {
    if (std::find(doc.countries.begin(), doc.countries.end(), c) == doc.countries.end()) doc.countries.push_back(c);
  }
  for (auto& u : list.unknown) doc.countries.push_back(u);
}

}  // namespace

void set_field(Document& doc, const Field& field, std::string_view raw, std::string_view label) {
  std::string_view value = detail::trim(raw);
  if (value.empty()) return;
  switch (field.kind) {
    case FieldKind::kText:
    case FieldKind::kKeyword: {
      const DocumentMember* m = document_member(field.id);
      // Derived keywords (the budget range, the source) are no reader's to set.
      if (!m || field.id == FieldId::kSource) return;
      std::string& member = text_member(doc, field.id);
      if (field.id == FieldId::kCurrency) {
        member = stemming::fold(value) == "usd" ? "USD" : std::string(value);
      } else if (vocabulary(field.id)) {
        member = normalize_keyword(field.id, value);
      } else {
        member = std::string(value);
      }
      return;
    }
    case FieldKind::kNumber:
      return set_amount(doc, field, value, label);
    case FieldKind::kYear:
      return set_year(doc, field, value);
    case FieldKind::kMulti:
      // Continents, subregions and running years derive from other fields.
      if (field.id == FieldId::kCountries) {
        add_countries(doc, value);
      } else if (field.id == FieldId::kSectors || field.id == FieldId::kSectorCategory ||
                 field.id == FieldId::kRelated) {
        auto& list = doc.*std::get<std::vector<std::string> Document::*>(document_member(field.id)->member);
        // A sector written by its name (« Basic health care », « Soins de
        // santé de base ») is its DAC code, as an IATI file gives it.
        std::string item(value);
        if (field.id != FieldId::kRelated && !code_label(field.id, item, "fr")) {
          if (auto code = code_for_label(field.id, item)) item = std::move(*code);
        }
        if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
      }
      return;
    case FieldKind::kLabel:
      if (field.id == FieldId::kPeriod) set_period(doc, value);
      return;
    case FieldKind::kInternal:
      return;
  }
}

void finish(Document& doc) {
  if (doc.id.empty()) doc.id = !doc.project_id.empty() ? doc.project_id : doc.prima_id;
  if (doc.id.empty()) {
    // The id is stored and searched: a hash stable across builds (FNV-1a), not std::hash.
    base::Fnv1a h;
    h.add_part(doc.source);
    doc.id = "doc-" + h.hex();
  }
  if (doc.budget && (doc.currency.empty() || doc.currency == "USD")) {
    // The funder reports budgets in US dollars; a stated other currency is kept apart.
    doc.currency = "USD";
    doc.budget_usd = doc.budget;
  }
  if (doc.budget_usd && !doc.budget) doc.budget = doc.budget_usd;
  doc.continent.clear();
  doc.subregion.clear();
  auto add = [](std::vector<std::string>& to, std::string value) {
    if (!value.empty() && std::find(to.begin(), to.end(), value) == to.end()) to.push_back(std::move(value));
  };
  for (const auto& c : doc.countries) {
    if (!is_country_code(c)) continue;  // a name kept as given
    add(doc.continent, countries().continent(c));
    add(doc.subregion, countries().subregion(c));
  }
  // A DAC 5-digit sector lies in the 3-digit category of its first digits.
  for (const auto& s : doc.sectors) {
    if (s.size() == 5 && std::all_of(s.begin(), s.end(), is_digit)) add(doc.sector_category, s.substr(0, 3));
  }
}

std::string budget_range(double usd) {
  if (usd < 100000) return "0..100000";
  if (usd < 200000) return "100000..200000";
  return "200000..";
}

std::string budget_range_label(std::string_view range, std::string_view lang) {
  const bool en = lang == "en";
  if (range == "0..100000") return en ? "under $100,000" : "moins de 100 000 $";
  if (range == "100000..200000") return en ? "$100,000 – $200,000" : "100 000 – 200 000 $";
  if (range == "200000..") return en ? "$200,000 and over" : "200 000 $ et plus";
  return std::string(range);
}

std::vector<int> Document::running_years() const {
  std::vector<int> years;
  if (start_year && end_year && *start_year <= *end_year && *end_year - *start_year < 50) {
    for (int y = *start_year; y <= *end_year; ++y) years.push_back(y);
  } else if (start_year || end_year) {
    years.push_back(start_year ? *start_year : *end_year);
  } else if (funding_year) {
    years.push_back(*funding_year);
  }
  return years;
}

}  // namespace fouille::corpus
