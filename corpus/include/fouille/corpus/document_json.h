// JSON form of a Document (canonical keys, countries as ISO codes, budget as a
// number, years as integers, absent fields omitted): --dump writes it, JSON
// Lines input reads it, the index stores it as the document data.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fouille/corpus/document.h"

namespace fouille::corpus {

nlohmann::json to_json(const Document& doc);

/// Reads canonical keys; values are normalised like a text document's (status
/// vocabulary, country names to codes, budgets and years parsed). Throws
/// CorpusError naming the key on a value of the wrong type.
Document from_json(const nlohmann::json& object, std::string_view source);

}  // namespace fouille::corpus
