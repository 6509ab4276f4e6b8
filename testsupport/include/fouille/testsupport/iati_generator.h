// A deterministic generator of synthetic IATI 2.03 activity files, for the
// IATI reader's tests and its scale benchmark: the same seed gives the same
// bytes, and the file is streamed, so its size does not bound memory.
//
//   fouille::testsupport::IatiOptions options;
//   options.activities = 100000;
//   fouille::testsupport::IatiStats s = fouille::testsupport::generate_iati(options, "/tmp/iati.xml");
//
// The file is shaped like those aid publishers put out: an iati-activities
// root with version and generated-datetime; per activity a default currency
// and language (sometimes upper case, as some publishers write it), an
// identifier made of the reporting-org's ref, "-" and its own id, titles and
// descriptions in French and often English (the French prose is the text
// corpus's: the same word list, Zipf ranks and phrases), participating
// organisations in roles 1-4, status 1-6, dates of types 1-4, recipient
// countries with percentages or a DAC region, real DAC 5-digit sectors
// (vocabulary 1, the attribute sometimes left out; SDG goals now and then),
// yearly budgets of which some are revised, transactions, and families of a
// parent and its children linked by hierarchy and related-activity. A share
// of activities gives countries and sectors on its transactions only.
// Every activity is synthetic: the publishers' refs are real, the rest is not.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>

namespace fouille::testsupport {

struct IatiOptions {
  std::uint64_t seed = 42;
  std::size_t activities = 1000;   ///< activities to write, when `target_bytes` is 0
  std::uint64_t target_bytes = 0;  ///< if not 0: write whole activities until the file holds this many bytes
  std::size_t vocabulary = 60000;  ///< distinct French word forms drawn from the list
  double english = 0.6;            ///< share of activities whose title and description also come in English
  std::string wordlist = "/usr/share/dict/french";
};

struct IatiStats {
  std::size_t activities = 0;
  std::uint64_t bytes = 0;
};

/// Writes one IATI file to `out`, activity by activity: memory stays that of
/// one family of activities whatever the count. Throws CorpusError when the
/// word list cannot be read, std::ios_base::failure when `out` fails.
IatiStats generate_iati(const IatiOptions& options, std::ostream& out);

/// The same into `file` (its folder must exist; the file is replaced).
/// Throws CorpusError as above and when the file cannot be written.
IatiStats generate_iati(const IatiOptions& options, const std::filesystem::path& file);

}  // namespace fouille::testsupport
