// Turning raw field values, as documents and users write them, into the
// canonical values the index stores: budgets, years, countries, vocabularies.
//
//   parse_amount("1 250 000,50")   // {1250000.5, ""}
//   parse_amount("€600,000")       // {600000, "EUR"}
//   parse_years("2018 - 2023")     // {2018, 2023}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/document.h"
#include "fouille/corpus/schema.h"

namespace fouille::corpus {

struct Amount {
  double value = 0;
  std::string currency;  ///< ISO 4217 ("USD", "EUR"…), empty when not stated
};

/// Reads an amount written the French or the English way, with an optional
/// currency sign or code; "150k" and "1,5 M" are understood. Nothing if no
/// number is there.
std::optional<Amount> parse_amount(std::string_view text);

/// `value` without the spaces around it (NBSP and thin spaces too), as every
/// value read is trimmed.
std::string_view trim_value(std::string_view value);

/// The four-digit years (1900-2099) in `text`, in order.
std::vector<int> parse_years(std::string_view text);

/// Sets the field `field` of `doc` from a raw value found under a label (the
/// label may name a currency: "Budget Amount (USD)"). Keywords go through
/// their vocabulary; countries through the country names; a value that cannot
/// be read is kept as given (text) or left out (numbers, years).
void set_field(Document& doc, const Field& field, std::string_view value, std::string_view label = {});

/// Completes a parsed document: the id (project ID, else Prima ID, else a
/// hash of the source), continent and subregion from the countries, and
/// budget_usd when the budget is in US dollars or states no currency.
void finish(Document& doc);

/// The budget facet's bucket of an amount in USD, written as a range a query
/// or --filter accepts: "0..100000", "100000..200000", "200000..". Buckets
/// are half-open, [a, b): 100,000 is in "100000..200000" only, and a
/// budget_range filter selects [a, b) too.
std::string budget_range(double usd);

/// The label of a budget bucket in `lang` ("fr": "100 000 – 200 000 $",
/// "en": "$100,000 – $200,000").
std::string budget_range_label(std::string_view range, std::string_view lang = "fr");

}  // namespace fouille::corpus
