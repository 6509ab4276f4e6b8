#include "fouille/corpus/document_json.h"

#include <cmath>

#include "fouille/corpus/normalize.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/error.h"

namespace fouille::corpus {
namespace {

void put(nlohmann::json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}
template <typename T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
void put(nlohmann::json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
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
  throw CorpusError("field '" + key + "': expected a string or a number, got " + std::string(v.type_name()));
}

}  // namespace

nlohmann::json to_json(const Document& d) {
  nlohmann::json j = nlohmann::json::object();
  put(j, "id", d.id);
  put(j, "title", d.title);
  put(j, "project_id", d.project_id);
  put(j, "prima_id", d.prima_id);
  put(j, "status", d.status);
  put(j, "project_type", d.project_type);
  put(j, "budget_usd", d.budget_usd);
  put(j, "budget", d.budget);
  put(j, "currency", d.currency);
  put(j, "coverage", d.coverage);
  put(j, "start_year", d.start_year);
  put(j, "end_year", d.end_year);
  put(j, "funding_year", d.funding_year);
  put(j, "region", d.region);
  put(j, "countries", d.countries);
  put(j, "continent", d.continent);
  put(j, "subregion", d.subregion);
  put(j, "implementer", d.implementer);
  put(j, "client", d.client);
  put(j, "source", d.source);
  put(j, "layout", d.layout);
  put(j, "body", d.body);
  return j;
}

Document from_json(const nlohmann::json& object, std::string_view source) {
  if (!object.is_object()) throw CorpusError("expected a JSON object");
  Document doc;
  const Schema& s = schema();
  for (const auto& [key, value] : object.items()) {
    if (value.is_null() || key == "continent" || key == "subregion" || key == "source" || key == "layout") continue;
    const Field* field = nullptr;
    for (const auto& f : s.fields()) {
      if (f.key == key) field = &f;
    }
    if (!field) continue;  // unknown keys are other systems' business
    if (value.is_number_float() && !std::isfinite(value.get<double>())) {  // 1e400: no double holds it
      doc.warnings.push_back(key + ": too large a number; field left out");
      continue;
    }
    if (value.is_array()) {
      for (const auto& item : value) set_field(doc, *field, as_text(item, key));
    } else if (key == "budget_usd" && value.is_number()) {
      doc.budget = value.get<double>();
      doc.currency = "USD";
    } else if (key == "budget" && value.is_number()) {
      doc.budget = value.get<double>();
    } else {
      set_field(doc, *field, as_text(value, key), key == "budget_usd" ? "USD" : "");
    }
  }
  doc.source = std::string(source) + "#" + (doc.id.empty() ? doc.project_id : doc.id);
  doc.layout = "jsonl";
  finish(doc);
  return doc;
}

}  // namespace fouille::corpus
