// Private: one IATI activity made into a Document. The stream reader
// (iati_reader.cpp) walks the XML and hands each element of an
// `iati-activity`, once closed, to an IatiActivity; build() then applies
// the mapping (the README's IATI table) and gives the document.
//
//   IatiActivity activity(opening_element_of_the_activity);
//   for each element closed inside it: activity.close(element, ancestors);
//   Document doc = activity.build("file.xml");
//
// Versions 2.0x (text in `narrative` children, numeric codes) and 1.0x (text
// in the element itself, words for roles and date types) are read alike.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fouille/corpus/document.h"

namespace fouille::corpus::detail {

struct IatiNarrative {
  std::string lang;  ///< lower case, as written ("fr", "en-gb"); empty if unknown
  std::string text;  ///< trimmed
};

/// An element as the stream reader saw it, once closed: its attributes, its
/// own text and the narratives of its `narrative` children.
struct IatiElement {
  std::string name;                                             ///< local name
  std::vector<std::pair<std::string, std::string>> attributes;  ///< qualified name ("xml:lang"), value
  std::string text;
  std::vector<IatiNarrative> narratives;

  /// The value of an attribute, or an empty view.
  std::string_view attribute(std::string_view qualified_name) const;
};

/// One budget as published, before the total is made of them.
struct IatiBudget {
  bool revised = false;    ///< type 2 ("Revised"); else original
  std::string start, end;  ///< ISO dates (YYYY-MM-DD), empty if not given
  std::optional<double> value;
  std::string currency;  ///< its own, else the activity's default
};

/// The budget total of an activity's budgets, with its currency, or nothing
/// when none is sound. The rule: a revised budget replaces every original
/// budget whose period overlaps its own; the budgets left are added up only
/// if no two of their periods overlap, each has both dates (unless there is
/// only one), no value is missing or negative, and all share one currency.
/// Transactions and planned disbursements are never budgets.
std::optional<std::pair<double, std::string>> iati_budget_total(std::span<const IatiBudget> budgets);

/// The status concept of an activity-status code (or 1.0x word); empty if
/// unknown. 3 (Finalisation: the work is done, the accounts are being
/// closed) is "Achevé".
std::string iati_status(std::string_view code);

class IatiActivity {
 public:
  /// `activity` is the opening `iati-activity` element (its attributes).
  explicit IatiActivity(const IatiElement& activity);

  /// Takes an element of the activity just closed; `ancestors` are the
  /// elements it lies in, outermost first, beginning with the activity.
  void close(const IatiElement& element, std::span<const IatiElement* const> ancestors);

  /// The identifier read so far, trimmed (empty until read).
  const std::string& identifier() const { return identifier_; }

  /// The document; `file` is the file's path (the source becomes
  /// "file#identifier").
  Document build(const std::string& file) const;

 private:
  using Texts = std::vector<IatiNarrative>;
  Texts texts_of(const IatiElement& e) const;
  void close_org(const IatiElement& e, bool reporting);
  void close_sector(const IatiElement& e, bool in_transaction);

  std::string default_lang_;
  std::string default_currency_;
  std::string identifier_;
  Texts titles_, descriptions_, other_texts_, org_texts_;
  std::string publisher_, publisher_name_;
  std::vector<std::string> implementers_, clients_;
  std::vector<std::string> countries_, transaction_countries_;
  std::vector<std::string> sectors_, transaction_sectors_, categories_;
  std::string region_;
  std::string status_;
  std::optional<int> start_planned_, start_actual_, end_planned_, end_actual_;
  std::vector<IatiBudget> budgets_;
  IatiBudget budget_;  // the budget being read
  std::vector<std::string> related_;
  std::vector<Message> warnings_;
};

}  // namespace fouille::corpus::detail
