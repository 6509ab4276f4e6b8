// Hostile and unusual inputs through the libraries: words that fold past
// Xapian's term limit, deeply nested and over-long queries, numbers too large
// for a double, files that become empty, sources that could collide. Each case
// reproduces a way a run used to stop or a search used to crash.
#include <atomic>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/corpus/reader.h"
#include "fouille/corpus/schema.h"
#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

indexer::Stats index_into(const fs::path& db, const std::vector<fs::path>& inputs, unsigned jobs = 1) {
  indexer::Options o;
  o.db = db;
  o.inputs = inputs;
  o.jobs = jobs;
  return indexer::index(o, {}, {}, nullptr);
}

const char* const kProject =
    "Titre du projet\nAppui aux migrants de retour\nStatut\nActif\n\n"
    "Le projet renforce la réintégration des migrants de retour au Sénégal.\n";

// Thirteen Hangul words in a row and U+FDFA ligatures fold into terms several times
// their length; one of them used to fail the whole sharded build.
TEST(Robustness, WordsThatFoldPastTheTermLimitNeverStopABuild) {
  test::ScratchDir dir("fold-length");
  const std::string hangul = repeat("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4", 13);  // 한국어 ×13: 117 bytes, 312 folded
  const std::string ligature = repeat("\xEF\xB7\xBA", 8);                         // U+FDFA ×8: 24 bytes, 264 folded
  for (int i = 0; i < 220; ++i) {                                                 // enough files for a sharded build
    test::write_file(dir / "in" / ("p" + std::to_string(i) + ".txt"),
                     std::string(kProject) + hangul + " " + ligature + " mot" + std::to_string(i) + "\n");
  }
  for (unsigned jobs : {1u, 2u}) {
    SCOPED_TRACE(jobs);
    fs::remove_all(dir / "db");
    indexer::Stats s;
    ASSERT_NO_THROW(s = index_into(dir / "db", {dir / "in"}, jobs));
    EXPECT_EQ(s.added, 220u);
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 220u);
  }
}

class QueryLimits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("query-limits");
    index_into(*dir_ / "db", {FOUILLE_SAMPLES});
    searcher_ = new searcher::Searcher((*dir_ / "db").string());
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }
  static searcher::Result search(const std::string& q) {
    searcher::Request r;
    r.query = q;
    return searcher_->search(r);
  }
  static test::ScratchDir* dir_;
  static searcher::Searcher* searcher_;
};
test::ScratchDir* QueryLimits::dir_ = nullptr;
searcher::Searcher* QueryLimits::searcher_ = nullptr;

// 5,000 nested parentheses overflowed the recursive parser's stack.
TEST_F(QueryLimits, DeepNestingIsAQueryErrorNotACrash) {
  // Within the length limit: 2,000 levels crashed under ASan.
  for (const std::string& open : {std::string("("), std::string("SAUF (")}) {
    SCOPED_TRACE(open);
    const std::size_t levels = 4000 / (open.size() + 1);
    const std::string deep = repeat(open, levels) + "traite" + repeat(")", levels);
    try {
      search(deep);
      ADD_FAILURE() << "no error";
    } catch (const QueryError& e) {
      EXPECT_NE(describe(e, Lang::kFr).find("imbriqués"), std::string::npos) << describe(e, Lang::kFr);
    }
  }
  // Within the limit, nesting reads as before.
  const std::string ok = repeat("(", 30) + "traite" + repeat(")", 30);
  EXPECT_EQ(search(ok).total, search("traite").total);
}

// A long chain of one operator is one flat node: no depth, same matches.
TEST_F(QueryLimits, LongOperatorChainsAreFlat) {
  std::string chain = "traite";
  while (chain.size() + 20 < 4000) chain += " OU migrants OU traite";
  EXPECT_EQ(search(chain).total, search("traite OU migrants").total);
  std::string ands = "traite";
  while (ands.size() + 20 < 4000) ands += " ET traite";
  EXPECT_EQ(search(ands).total, search("traite").total);
  // a SAUF b SAUF c: a without b and without c.
  EXPECT_EQ(search("projet SAUF traite SAUF migrants").total, search("projet SAUF (traite OU migrants)").total);
}

TEST_F(QueryLimits, OverLongQueryIsRefusedWithItsLength) {
  const std::string big = repeat("a OU ", 130 * 1024 / 5);
  try {
    search(big);
    ADD_FAILURE() << "no error";
  } catch (const QueryError& e) {
    EXPECT_NE(describe(e, Lang::kEn).find(std::to_string(big.size())), std::string::npos) << describe(e, Lang::kEn);
  }
}

// std::stod threw out_of_range on a 400-digit budget: the text file was
// skipped, every record of the JSON Lines file dropped, a query exited 4.
TEST(Robustness, NumbersTooLargeForADoubleAreAFieldWarning) {
  test::ScratchDir dir("big-numbers");
  const std::string digits = "9" + std::string(399, '0');
  test::write_file(dir / "p.txt", std::string(kProject) + "Budget\n" + digits + "\n");
  corpus::FileResult text = corpus::read_file(dir / "p.txt", {});
  ASSERT_EQ(text.documents.size(), 1u);
  EXPECT_FALSE(text.documents[0].budget.has_value());
  ASSERT_EQ(text.warnings.size(), 1u);
  const std::string warning = render(text.warnings[0], Lang::kEn);
  EXPECT_NE(warning.find("too large a number"), std::string::npos) << warning;
  EXPECT_NE(warning.find("p.txt"), std::string::npos) << warning;

  test::write_file(dir / "r.jsonl", "{\"id\": \"A\", \"title\": \"Un\", \"budget_usd\": \"" + digits +
                                        "\"}\n{\"id\": \"B\", \"title\": \"Deux\", \"budget_usd\": " + digits +
                                        "}\n{\"id\": \"C\", \"title\": \"Trois\", \"budget_usd\": 1500}\n");
  // A digit string is a field warning; a JSON number no double holds makes
  // its line bad JSON (the JSON reader refuses it), and only that line.
  corpus::FileResult jsonl = corpus::read_file(dir / "r.jsonl", {});
  ASSERT_EQ(jsonl.documents.size(), 2u);
  EXPECT_EQ(jsonl.documents[0].id, "A");
  EXPECT_FALSE(jsonl.documents[0].budget_usd.has_value());
  EXPECT_EQ(jsonl.documents[1].budget_usd, 1500.0);
  ASSERT_EQ(jsonl.warnings.size(), 2u);
  const std::string first = render(jsonl.warnings[0], Lang::kEn), second = render(jsonl.warnings[1], Lang::kEn);
  EXPECT_NE(first.find("r.jsonl:1: Budget (USD): “9000"), std::string::npos) << first;  // the field's label
  EXPECT_NE(second.find("r.jsonl:2: bad JSON"), std::string::npos) << second;
}

// A corrupt stub printed "stoi"; now it names the file and what to do.
TEST(Robustness, CorruptStubIsOneClearIndexError) {
  test::ScratchDir dir("bad-stub");
  index_into(dir / "db", {FOUILLE_SAMPLES});
  for (const char* stub : {"glass gen-x\n", "glass gen-99999999999999999999\n", "glass gen-\n"}) {
    SCOPED_TRACE(stub);
    test::write_file(dir / "db" / "XAPIANDB", stub);
    try {
      index_into(dir / "db", {FOUILLE_SAMPLES});
      ADD_FAILURE() << "no error";
    } catch (const IndexError& e) {
      EXPECT_NE(describe(e, Lang::kEn).find("not a fouille stub"), std::string::npos) << describe(e, Lang::kEn);
    }
  }
}

TEST_F(QueryLimits, HugeNumbersInRangesAreQueryErrors) {
  const std::string digits = "9" + std::string(399, '0');
  for (const std::string& q : {"budget:" + digits, "budget:1.." + digits, "année:" + digits}) {
    SCOPED_TRACE(q);
    EXPECT_THROW(search(q), QueryError);
  }
}

// A snippet of a 10 MB narrative used to analyse all of it for every hit
// (2.5 s, 245 MB a query): it now reads windows up to the first match.
TEST(Robustness, SnippetOfAHugeDocumentShowsItsMatch) {
  test::ScratchDir dir("huge-snippet");
  std::string body;
  while (body.size() < 3 * 1024 * 1024) body += "Le programme appuie les communautés rurales du pays. ";
  const std::size_t late = 200 * 1024;
  body.insert(body.find(' ', late) + 1, "ornithorynque ");
  test::write_file(dir / "in" / "gros.txt", "Titre du projet\nGros\n\n" + body + "\n");
  index_into(dir / "db", {dir / "in"});
  searcher::Searcher searcher((dir / "db").string());
  for (const std::string& q : {std::string("ornithorynque"), std::string("communautés")}) {
    SCOPED_TRACE(q);
    searcher::Request r;
    r.query = q;
    searcher::Result result = searcher.search(r);
    ASSERT_EQ(result.hits.size(), 1u);
    std::string text;
    bool marked = false;
    for (const auto& s : result.hits[0].snippet) {
      text += s.text;
      marked = marked || s.match;
    }
    EXPECT_TRUE(marked) << text;
    EXPECT_LT(text.size(), 2000u);
    EXPECT_NE(text.find(q), std::string::npos) << text;
  }
}

// A JSON Lines file is written in parts: a run stopped between two parts
// (Ctrl-C) commits some of its records with the file's new stamp. The file
// stays listed as partial, so the next run reads it again instead of taking
// it as unchanged and losing the rest.
TEST(Robustness, RunStoppedInsideALargeJsonLinesFileIsCompletedNextRun) {
  test::ScratchDir dir("partial-jsonl");
  std::string lines;
  const std::string body(900, 'a');
  const std::size_t records = 3000;  // about 3 MB: a dozen parts
  for (std::size_t i = 0; i < records; ++i) {
    lines += "{\"id\": \"CT." + std::to_string(10000 + i) + "\", \"title\": \"Projet " + std::to_string(i) +
             "\", \"body\": \"Appui aux migrants " + body + "\"}\n";
  }
  test::write_file(dir / "in" / "projets.jsonl", lines);
  std::atomic<bool> stop{false};
  indexer::Options o;
  o.db = dir / "db";
  o.inputs = {dir / "in"};
  o.jobs = 1;
  o.batch = 100;
  indexer::Stats first = indexer::index(
      o, {},
      [&](const indexer::Progress& p) {
        if (p.documents > 0) stop = true;
      },
      &stop);
  EXPECT_TRUE(first.interrupted);
  const auto held = Xapian::Database((dir / "db").string()).get_doccount();
  EXPECT_GT(held, 0u);
  EXPECT_LT(held, records);
  indexer::Stats second = index_into(dir / "db", {dir / "in"});
  EXPECT_FALSE(second.interrupted);
  EXPECT_EQ(second.unchanged, 0u);
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), records);
  indexer::Stats third = index_into(dir / "db", {dir / "in"});  // complete now: unchanged
  EXPECT_EQ(third.unchanged, 1u);
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), records);
}

}  // namespace
}  // namespace fouille
