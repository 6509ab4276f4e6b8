// Writing a field's value slot, through the slot's codec (coding.h). The
// indexer sets every value with these; each checks that the field has a slot
// and that the value is of its codec, so no slot is written in a shape its
// reader does not expect.
//
//   store::set_text_value(xdoc, schema().field(FieldId::kStatus), "Achevé");
//   store::set_list_value(xdoc, schema().field(FieldId::kCountries), {"TJ", "KG"});
//   store::set_number_value(xdoc, schema().field(FieldId::kBudgetUsd), 150000);
//
// Each throws std::invalid_argument naming the field when it has no slot or
// another codec: a mistake in code, not in data.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "fouille/corpus/schema.h"

namespace fouille::store {

/// Sets a kRaw slot (keywords, the source, the stamp) to `text`.
void set_text_value(Xapian::Document& xdoc, const corpus::Field& field, const std::string& text);

/// Sets a kList slot to `values` (encode_list).
void set_list_value(Xapian::Document& xdoc, const corpus::Field& field, const std::vector<std::string>& values);

/// Sets a kNumber slot to `value` (encode_number).
void set_number_value(Xapian::Document& xdoc, const corpus::Field& field, double value);

}  // namespace fouille::store
