// The document model: one project description with its canonical fields, as
// the readers produce it and the indexer stores it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fouille/base/message.h"

namespace fouille::corpus {

struct Document {
  std::string id;  ///< project ID, else Prima ID, else a hash of the source
  std::string title;
  std::string body;        ///< the narrative
  std::string project_id;  ///< e.g. "CT.1172"
  std::string prima_id;    ///< e.g. "TJ10P0004"
  std::string status;      ///< canonical French label ("Actif", "Achevé"…)
  std::string project_type;
  std::optional<double> budget_usd;  ///< set only when the budget is in USD
  std::optional<double> budget;      ///< the amount as stated
  std::string currency;              ///< ISO 4217 code of `budget`, empty if unknown
  std::string coverage;
  std::optional<int> start_year;
  std::optional<int> end_year;
  std::optional<int> funding_year;     ///< "Année"/"Year": not a start year
  std::string region;                  ///< the funder's region, canonical French label
  std::vector<std::string> countries;  ///< ISO 3166 alpha-2 codes, or names kept as given
  std::vector<std::string> continent;  ///< French names, derived from countries
  std::vector<std::string> subregion;  ///< French names (UN M.49), derived from countries
  std::string implementer;
  std::string client;
  /// IATI: the publisher (reporting organisation)'s identifier ("FR-6") and
  /// its name, the facet's label.
  std::string publisher;
  std::string publisher_name;
  /// IATI: DAC 5-digit sector codes ("12220"), and their DAC 3-digit
  /// categories ("122"), derived from them or stated.
  std::vector<std::string> sectors;
  std::vector<std::string> sector_category;
  /// IATI: linked activities, "relation:identifier" with relation parent,
  /// child, sibling, cofunded or thirdparty ("parent:FR-6-CZZ2142").
  std::vector<std::string> related;
  std::string source;  ///< file path, or "path#id" for a JSON Lines record or an IATI activity
  std::string layout;  ///< how it was read: bullet, bare, web, prose, jsonl, html, iati
  /// The file format it came from: text, jsonl, html, pdf, docx, odt, iati
  /// (the reader's name in the registry).
  std::string format;
  /// Field values that could not be read and were left out, one message
  /// each without the file name (read_file adds it to FileResult::warnings).
  std::vector<Message> warnings;

  /// Years the project runs (start..end, else the one stated, else the
  /// funding year); what the year facet and year ranges use.
  std::vector<int> running_years() const;
};

}  // namespace fouille::corpus
