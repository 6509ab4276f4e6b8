#include "fouille/corpus/document_fields.h"

#include <array>
#include <stdexcept>

namespace fouille::corpus {
namespace {

constexpr DocumentMember row(FieldId field, Member member) { return {field_key(field), field, member}; }

// Sorted by key. The keys come from the schema; `layout` alone is not a field.
const DocumentMember kMembers[] = {
    row(FieldId::kBody, &Document::body),
    row(FieldId::kBudget, &Document::budget),
    row(FieldId::kBudgetUsd, &Document::budget_usd),
    row(FieldId::kClient, &Document::client),
    row(FieldId::kContinent, &Document::continent),
    row(FieldId::kCountries, &Document::countries),
    row(FieldId::kCoverage, &Document::coverage),
    row(FieldId::kCurrency, &Document::currency),
    row(FieldId::kEndYear, &Document::end_year),
    row(FieldId::kFormat, &Document::format),
    row(FieldId::kFundingYear, &Document::funding_year),
    row(FieldId::kId, &Document::id),
    row(FieldId::kImplementer, &Document::implementer),
    {"layout", std::nullopt, &Document::layout},
    row(FieldId::kPrimaId, &Document::prima_id),
    row(FieldId::kProjectId, &Document::project_id),
    row(FieldId::kProjectType, &Document::project_type),
    row(FieldId::kPublisher, &Document::publisher),
    row(FieldId::kPublisherName, &Document::publisher_name),
    row(FieldId::kRegion, &Document::region),
    row(FieldId::kRelated, &Document::related),
    row(FieldId::kSectorCategory, &Document::sector_category),
    row(FieldId::kSectors, &Document::sectors),
    row(FieldId::kSource, &Document::source),
    row(FieldId::kStartYear, &Document::start_year),
    row(FieldId::kStatus, &Document::status),
    row(FieldId::kSubregion, &Document::subregion),
    row(FieldId::kTitle, &Document::title),
};

// By field id, for the lookups done per value read.
const std::array<const DocumentMember*, kFieldCount>& by_field() {
  static const auto table = [] {
    std::array<const DocumentMember*, kFieldCount> out{};
    for (const auto& m : kMembers) {
      if (m.field) out[static_cast<std::size_t>(*m.field)] = &m;
    }
    return out;
  }();
  return table;
}

}  // namespace

std::span<const DocumentMember> document_members() { return kMembers; }

const DocumentMember* document_member(FieldId field) { return by_field()[static_cast<std::size_t>(field)]; }

const std::string& text_member(const Document& doc, FieldId field) {
  const DocumentMember* m = document_member(field);
  const auto* member = m ? std::get_if<std::string Document::*>(&m->member) : nullptr;
  if (!member) throw std::logic_error("field '" + std::string(field_key(field)) + "' has no text member");
  return doc.**member;
}

std::string& text_member(Document& doc, FieldId field) {
  return const_cast<std::string&>(text_member(static_cast<const Document&>(doc), field));
}

}  // namespace fouille::corpus
