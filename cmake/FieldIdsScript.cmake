# Writes OUT, the C++ header of the field ids of SRC (corpus/data/schema.tsv):
# one enumerator per row, in the table's order, and the canonical keys. Run at
# build time by corpus/CMakeLists.txt, so a field named in code but not in the
# schema is a compile error.
file(STRINGS ${SRC} rows ENCODING UTF-8)
set(enumerators "")
set(keys "")
set(count 0)
foreach(row IN LISTS rows)
  if(row MATCHES "^#" OR row STREQUAL "")
    continue()
  endif()
  string(REGEX MATCH "^[^\t]+" key "${row}")
  if(NOT key MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "${SRC}: field key '${key}' is not snake_case ASCII")
  endif()
  # budget_usd -> kBudgetUsd
  string(REPLACE "_" ";" words "${key}")
  set(name "k")
  foreach(word IN LISTS words)
    string(SUBSTRING "${word}" 0 1 first)
    string(SUBSTRING "${word}" 1 -1 rest)
    string(TOUPPER "${first}" first)
    string(APPEND name "${first}${rest}")
  endforeach()
  string(APPEND enumerators "  ${name},\n")
  string(APPEND keys "    \"${key}\",\n")
  math(EXPR count "${count} + 1")
endforeach()
set(text "// Generated from corpus/data/schema.tsv by cmake/FieldIdsScript.cmake; do not edit.
//
// The field ids of the schema, one per row in the table's order: code names a
// field by id (FieldId::kRegion), never by its key as a string, so a field
// missing from the schema does not compile.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace fouille::corpus {

enum class FieldId : unsigned char {
${enumerators}};

/// Fields in the schema.
inline constexpr std::size_t kFieldCount = ${count};

/// The canonical key of each field, indexed by FieldId.
inline constexpr std::array<std::string_view, kFieldCount> kFieldKeys = {
${keys}};

/// The canonical key of `id` (\"budget_usd\").
constexpr std::string_view field_key(FieldId id) { return kFieldKeys[static_cast<std::size_t>(id)]; }

}  // namespace fouille::corpus
")
file(WRITE ${OUT} "${text}")
