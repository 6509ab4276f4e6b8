#include "fouille/stemming/french_stemmer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "xapian_stem.h"

namespace fouille::stemming {
namespace {

// Groups of words that must share one term.
const std::vector<std::vector<std::string>> kConflated = {
    {"traite", "traites", "TRAITE", "traité"},
    {"renforcer", "renforcement", "renforcé", "renforcées", "Renforcés", "renforce"},
    {"êtres", "etres", "ÊTRES", "Êtres"},
    {"œuvre", "oeuvre", "Œuvres"},
    {"Turkménistan", "Turkmenistan", "TURKMÉNISTAN"},
    {"abandonnée", "abandonnee", "abandonner"},
    {"l’OIM", "l'OIM", "lʼOIM", "OIM", "oim"},
};

TEST(FrenchStemmer, ConflatesInflectedAndAccentFreeForms) {
  FrenchStemmer stem;
  for (const auto& group : kConflated) {
    const std::string expected = stem(group.front());
    for (const auto& word : group) {
      SCOPED_TRACE(word);
      EXPECT_EQ(stem(word), expected);
    }
  }
}

TEST(FrenchStemmer, KeepsDistinctWordsApart) {
  FrenchStemmer stem;
  EXPECT_NE(stem("traite"), stem("trafic"));
  EXPECT_NE(stem("migrant"), stem("migration"));
}

TEST(FrenchStemmer, LeavesCodesAndNumbersWhole) {
  FrenchStemmer stem;
  EXPECT_EQ(stem("PX.0432"), "px.0432");
  EXPECT_EQ(stem("TM10P0524"), "tm10p0524");
  EXPECT_EQ(stem("2014-2018"), "2014-2018");
}

TEST(FrenchStemmer, DrivesXapianTermGenerator) {
  // Xapian's own TermGenerator, given our stemmer, makes our stemmed terms.
  Xapian::TermGenerator generator;
  generator.set_stemmer(make_french_stem());
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("Renforcement des capacités");
  std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  EXPECT_EQ(terms, (std::vector<std::string>{"capac", "de", "renforc"}));
}

TEST(FrenchStemmer, DrivesXapianQueryParser) {
  Xapian::QueryParser parser;
  parser.set_stemmer(make_french_stem());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  Xapian::Query query = parser.parse_query("RENFORCÉES");
  std::vector<std::string> terms(query.get_terms_begin(), query.get_terms_end());
  EXPECT_EQ(terms, (std::vector<std::string>{"renforc"}));
}

}  // namespace
}  // namespace fouille::stemming
