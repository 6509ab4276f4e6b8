// Labels of coded facet values: a field whose documents hold a code (the
// format "html", a DAC sector "12220") is shown by a French or English label
// from a table of corpus/data/.
//
//   fouille::corpus::code_label(FieldId::kFormat, "html", "en")  // "Web page"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fouille/corpus/field_id.h"

namespace fouille::corpus {

/// The label of `code` for `field` in `lang` ("fr", else English), or
/// nothing when the field has no code table or the table lacks the code.
/// Thread-safe.
std::optional<std::string> code_label(FieldId field, std::string_view code, std::string_view lang);

/// Does `field` hold codes with labels (a table of code_labels.cpp)?
bool has_code_labels(FieldId field);

/// The code whose French or English label `label` is, matched by meaning
/// words as vocabularies are (another word order, a plural, a participle
/// after or among the words, the label's parenthesised part left out):
/// « Health care, basic » is 12220 for FieldId::kSectors. Nothing when no
/// label matches, or the labels of two codes do. Thread-safe.
std::optional<std::string> code_for_label(FieldId field, std::string_view label);

}  // namespace fouille::corpus
