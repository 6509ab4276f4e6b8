#include "fouille/corpus/document_json.h"

#include <cmath>
#include <variant>

#include "fouille/base/error.h"
#include "fouille/corpus/document_fields.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/schema.h"

namespace fouille::corpus {
namespace {

void put(nlohmann::json& j, std::string_view key, const std::string& v) {
  if (!v.empty()) j[std::string(key)] = v;
}
template <typename T>
void put(nlohmann::json& j, std::string_view key, const std::optional<T>& v) {
  if (v) j[std::string(key)] = *v;
}
void put(nlohmann::json& j, std::string_view key, const std::vector<std::string>& v) {
  if (!v.empty()) j[std::string(key)] = v;
}

// Fields a reader derives (areas from countries, where the record came
// from): a record's own value is not taken.
bool derived(FieldId id) {
  return id == FieldId::kContinent || id == FieldId::kSubregion || id == FieldId::kSource || id == FieldId::kFormat;
}

// A JSON value as the text a document would hold for it.
std::string as_text(const nlohmann::json& v, const std::string& key) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
    return buf;
  }
  throw CorpusError(Message{"read.not_string_or_number", {key}});
}

}  // namespace

nlohmann::json to_json(const Document& d) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& m : document_members()) {
    std::visit([&](auto member) { put(j, m.key, d.*member); }, m.member);
  }
  return j;
}

Document from_json(const nlohmann::json& object, std::string_view source) {
  if (!object.is_object()) throw CorpusError(Message{"read.not_an_object", {}});
  Document doc;
  const Schema& s = schema();
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) continue;
    const Field* field = s.field_for_key(key);
    if (!field || derived(field->id)) continue;                            // unknown keys are other systems' business
    if (value.is_number_float() && !std::isfinite(value.get<double>())) {  // 1e400: no double holds it
      doc.warnings.push_back(Message{"read.number_too_large", {key}});
      continue;
    }
    if (value.is_array()) {
      for (const auto& item : value) set_field(doc, *field, as_text(item, key));
    } else if (field->kind == FieldKind::kNumber && value.is_number()) {
      doc.budget = value.get<double>();  // the amount as stated; finish() derives budget_usd
      if (field->id == FieldId::kBudgetUsd) doc.currency = "USD";
    } else {
      set_field(doc, *field, as_text(value, key), field->id == FieldId::kBudgetUsd ? "USD" : "");
    }
  }
  doc.source = std::string(source) + "#" + (doc.id.empty() ? doc.project_id : doc.id);
  doc.layout = "jsonl";
  doc.format = "jsonl";
  finish(doc);
  return doc;
}

}  // namespace fouille::corpus
