#include "fouille/store/stored_document.h"

#include <variant>

#include <nlohmann/json.hpp>

#include "fouille/corpus/document_fields.h"
#include "fouille/corpus/document_json.h"

namespace fouille::store {
namespace {

// Reads `value` into `out` when it has the member's type; leaves it unset otherwise.
void read(const nlohmann::json& value, std::string& out) {
  if (value.is_string()) out = value.get<std::string>();
}
void read(const nlohmann::json& value, std::optional<double>& out) {
  if (value.is_number()) out = value.get<double>();
}
void read(const nlohmann::json& value, std::optional<int>& out) {
  if (value.is_number_integer()) out = value.get<int>();
}
void read(const nlohmann::json& value, std::vector<std::string>& out) {
  if (!value.is_array()) return;
  for (const auto& item : value) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
}

}  // namespace

std::string encode_document(const corpus::Document& doc) {
  return corpus::to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredDocument decode_document(std::string_view data) {
  StoredDocument doc;
  const nlohmann::json j = nlohmann::json::parse(data.begin(), data.end(), nullptr, false);
  if (!j.is_object()) return doc;
  for (const auto& m : corpus::document_members()) {
    auto it = j.find(std::string(m.key));
    if (it == j.end()) continue;
    std::visit([&](auto member) { read(*it, doc.*member); }, m.member);
  }
  return doc;
}

}  // namespace fouille::store
