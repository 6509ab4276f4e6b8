// The bytes a built document puts on disk, pinned: fixed sample documents go
// through the DocumentBuilder and every term (with its wdf and positions),
// value slot and the stored data are compared with store/testdata/document.golden.
// A test that reads back with the functions that wrote passes when an encoding
// changes on both sides; this one fails, and says to raise
// store::kFormatVersion (how terms and values are encoded) or the chain's
// rules version (stemming::analysis_rules: what terms a document gets), so an
// old database is redone rather than misread.
//
// It lives here, beside the builder, because the builder is what assembles a
// document from store's parts, and store/ cannot depend on the indexer.
//
// Regenerate (only after raising a version; the test refuses otherwise):
//   FOUILLE_REGENERATE_GOLDEN=1 build/indexer/indexer_unit_test --gtest_filter='DocumentGolden.*'
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "fouille/corpus/normalize.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/store/format.h"
#include "fouille/store/known_files.h"

#include "document_builder.h"

namespace fouille::indexer {
namespace {

const std::string kGoldenPath = std::string(FOUILLE_STORE_TESTDATA) + "/document.golden";
const char* kRegenerate =
    "FOUILLE_REGENERATE_GOLDEN=1 build/indexer/indexer_unit_test --gtest_filter='DocumentGolden.*'";

// Every kind of field: text with accents and an expression ("lutte contre la
// traite"), keywords, multi lists (one value past the term length limit),
// numbers, years, the IDs, a JSON Lines record's source.
corpus::Document full_sample() {
  corpus::Document d;
  d.id = "CT.1172";
  d.project_id = "CT.1172";
  d.prima_id = "TJ10P0004";
  d.title = "Lutte contre la traite au Tadjikistan";
  d.body = "Des refuges et un retour volontaire pour les victimes ; pêche et élevage.\nSecond paragraphe.";
  d.status = "Achevé";
  d.project_type = "Lutte contre la traite";
  d.region = "Asie et Océanie";
  d.coverage = "National";
  d.implementer = "Organisation internationale pour les migrations";
  d.client = "Union européenne";
  d.countries = {"TJ", "Vallée de Ferghana"};
  d.continent = {"Asie"};
  d.subregion = {"Asie centrale"};
  d.sectors = {"15190"};
  d.sector_category = {"151"};
  d.related = {"child:XM-DAC-41122-" + std::string(230, 'A')};
  d.publisher = "XM-DAC-47066";
  d.publisher_name = "Organisation internationale pour les migrations";
  d.budget = 150000.5;
  d.budget_usd = 150000.5;
  d.currency = "USD";
  d.start_year = 2019;
  d.end_year = 2021;
  d.funding_year = 2018;
  d.source = "/projets/fiches.jsonl#CT.1172";
  d.layout = "jsonl";
  d.format = "jsonl";
  return d;
}

// A document with no identifier of its own: it gets a generated one.
corpus::Document bare_sample() {
  corpus::Document d;
  d.title = "Sans identifiant";
  d.source = "/projets/sans-id.txt";
  d.layout = "text";
  d.format = "text";
  corpus::finish(d);
  return d;
}

// Bytes as a line shows them: UTF-8 as is; backslash, control bytes and,
// in a `quoted` text, the quote as \xNN.
std::string escaped(std::string_view bytes, bool quoted) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c < 0x20 || c == 0x7f || c == '\\' || (quoted && c == '"')) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    char two[4];
    std::snprintf(two, sizeof two, "%02x", c);
    out += two;
  }
  return out;
}

// One document as the golden file writes it: terms in order, values, data.
std::string describe(const Xapian::Document& xdoc) {
  std::ostringstream out;
  for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t) {
    out << "term \"" << escaped(*t, true) << "\" wdf " << t.get_wdf() << " pos";
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << ' ' << *p;
    out << '\n';
  }
  for (auto v = xdoc.values_begin(); v != xdoc.values_end(); ++v) {
    out << "value " << v.get_valueno() << ' ' << hex(*v) << '\n';
  }
  out << "data " << escaped(xdoc.get_data(), false) << '\n';
  return out.str();
}

std::string header(int version, std::string_view rules) {
  return "# The bytes DocumentBuilder writes for the samples of indexer/src/document_golden_test.cpp.\n"
         "# Regenerate, after raising store::kFormatVersion or the analysis rules, with:\n# " +
         std::string(kRegenerate) + "\nformat " + std::to_string(version) + "\nrules " + std::string(rules) + "\n";
}

// What the golden file should hold, built now.
std::string built_now() {
  const std::string stamp = store::encode_stamp(store::FileStamp{120, 1700000000, 500});
  DocumentBuilder builder(nullptr);
  std::string out = header(store::kFormatVersion, stemming::analysis_rules());
  out += "document /projets/fiches.jsonl\n" + describe(builder.build(full_sample(), "/projets/fiches.jsonl", stamp));
  out += "document /projets/sans-id.txt\n" + describe(builder.build(bare_sample(), "/projets/sans-id.txt", stamp));
  return out;
}

std::string read_golden() {
  std::ifstream in(kGoldenPath, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The format version the golden file was made with, or -1.
int recorded_version(const std::string& golden) {
  const std::size_t at = golden.find("\nformat ");
  return at == std::string::npos ? -1 : std::atoi(golden.c_str() + at + 8);
}

// The analysis rules the golden file was made with, or "".
std::string recorded_rules(const std::string& golden) {
  const std::size_t at = golden.find("\nrules ");
  if (at == std::string::npos) return "";
  return golden.substr(at + 7, golden.find('\n', at + 7) - (at + 7));
}

bool same_versions(const std::string& golden) {
  return recorded_version(golden) == store::kFormatVersion && recorded_rules(golden) == stemming::analysis_rules();
}

// The first line where `a` and `b` differ, both shown.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string lx, ly;
  for (int line = 1;; ++line) {
    const bool more_x = static_cast<bool>(std::getline(x, lx)), more_y = static_cast<bool>(std::getline(y, ly));
    if (!more_x && !more_y) return "none";
    if (!more_x || !more_y || lx != ly) {
      return "line " + std::to_string(line) + "\n  golden: " + (more_x ? lx : "(end)") +
             "\n  built:  " + (more_y ? ly : "(end)");
    }
  }
}

TEST(DocumentGolden, BuiltDocumentsHaveTheGoldenBytes) {
  const std::string golden = read_golden();
  const std::string built = built_now();
  if (std::getenv("FOUILLE_REGENERATE_GOLDEN")) {
    if (built != golden && same_versions(golden)) {
      FAIL()
          << "refusing to regenerate " << kGoldenPath << " at the same format version " << store::kFormatVersion
          << " and analysis rules " << stemming::analysis_rules()
          << ": raise store::kFormatVersion (fouille/store/format.h) or the rules (stemming/src/signature.cpp) first";
    }
    std::ofstream(kGoldenPath, std::ios::binary) << built;
    GTEST_SKIP() << "wrote " << kGoldenPath;
  }
  ASSERT_FALSE(golden.empty()) << kGoldenPath << " is missing; make it with: " << kRegenerate;
  EXPECT_EQ(recorded_version(golden), store::kFormatVersion)
      << kGoldenPath << " was made with another store::kFormatVersion; regenerate with: " << kRegenerate;
  EXPECT_EQ(recorded_rules(golden), stemming::analysis_rules())
      << kGoldenPath << " was made with other analysis rules; regenerate with: " << kRegenerate;
  EXPECT_TRUE(built == golden) << "the bytes written for the golden documents changed at "
                               << first_difference(golden, built)
                               << "\nIf this change is intended, bump store::kFormatVersion "
                                  "(store/include/fouille/store/format.h) for an encoding, or the analysis "
                                  "rules (stemming/src/signature.cpp) for the terms, and regenerate with: "
                               << kRegenerate;
}

}  // namespace
}  // namespace fouille::indexer
