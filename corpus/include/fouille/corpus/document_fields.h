// The one table from fields to Document members: which member holds each
// field a Document carries, and under which key JSON writes it. Reading
// (JSON Lines, text labels), normalising, --dump, the stored document and the
// searcher's hits all go through it; no other file spells a field's key.
//
//   for (const auto& m : fouille::corpus::document_members()) {
//     std::visit([&](auto member) { use(m.key, doc.*member); }, m.member);
//   }
//   std::string& title = fouille::corpus::text_member(doc, FieldId::kTitle);
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fouille/corpus/document.h"
#include "fouille/corpus/field_id.h"

namespace fouille::corpus {

/// A Document member, by its type: text, a number, a year, a list.
using Member = std::variant<std::string Document::*, std::optional<double> Document::*, std::optional<int> Document::*,
                            std::vector<std::string> Document::*>;

struct DocumentMember {
  std::string_view key;  ///< its key in JSON (the schema's canonical key)
  /// Its schema field; empty for `layout`, which a document carries but no
  /// query, filter or facet knows.
  std::optional<FieldId> field;
  Member member;
};

/// Every Document member written as JSON (warnings are not: they are said,
/// not kept). Thread-safe; static storage.
std::span<const DocumentMember> document_members();

/// The member holding `field`, or nullptr when a Document holds none (label
/// and internal fields, budget_range and year, which are derived at indexing).
const DocumentMember* document_member(FieldId field);

/// The text member of `field` (a text or keyword field with a member);
/// throws std::logic_error otherwise: a programming error, not bad input.
std::string& text_member(Document& doc, FieldId field);
const std::string& text_member(const Document& doc, FieldId field);

}  // namespace fouille::corpus
