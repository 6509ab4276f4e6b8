// Ranking quality on a judged query set (tests/judged_queries.tsv) over the
// samples and tests/corpus: nDCG@10 of fouille against a plain BM25 engine on
// the same documents (Xapian's TermGenerator and QueryParser with Xapian's
// French stemmer, words OR-ed, as a search box built on Xapian alone would be).
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"

#include "relevance_eval.h"
#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;

using Judgments = std::map<std::string, std::map<std::string, int>>;  // query -> file -> grade

Judgments load_judgments() {
  Judgments j;
  std::ifstream in(FOUILLE_TESTS "/judged_queries.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream row(line);
    std::string query, file, grade;
    std::getline(row, query, '\t');
    std::getline(row, file, '\t');
    std::getline(row, grade, '\t');
    j[query][file] = std::stoi(grade);
  }
  return j;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Ranking, NdcgAtTenBeatsPlainBm25) {
  test::ScratchDir dir("ranking");
  fs::copy(FOUILLE_SAMPLES, dir / "in");
  fs::copy(FOUILLE_TESTS "/corpus", dir / "in");
  indexer::Options o;
  o.db = dir / "fouille";
  o.inputs = {dir / "in"};
  indexer::index(o, {}, {}, nullptr);
  searcher::Searcher fouille((dir / "fouille").string());

  // The plain engine: first line as title, the rest as text.
  {
    Xapian::WritableDatabase plain((dir / "plain").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("french"));
    for (const auto& e : fs::directory_iterator(dir / "in")) {
      std::string text = slurp(e.path());
      Xapian::Document doc;
      generator.set_document(doc);
      std::size_t eol = text.find('\n');
      generator.index_text(text.substr(0, eol), 3);
      generator.increase_termpos();
      generator.index_text(text.substr(eol + 1));
      doc.set_data(e.path().filename().string());
      plain.add_document(doc);
    }
    plain.commit();
  }
  Xapian::Database plain((dir / "plain").string());
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("french"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(plain);

  Judgments judgments = load_judgments();
  ASSERT_GE(judgments.size(), 20u);
  double sum_fouille = 0, sum_plain = 0;
  for (const auto& [query, grades] : judgments) {
    searcher::Request r;
    r.query = query;
    r.no_facets = true;
    std::vector<std::string> ours;
    for (const auto& hit : fouille.search(r).hits) {
      ours.push_back(fs::path(hit.document.source).filename().string());
    }
    Xapian::Enquire enquire(plain);
    enquire.set_query(parser.parse_query(query));
    std::vector<std::string> theirs;
    for (auto it = enquire.get_mset(0, 10).begin(); it != enquire.get_mset(0, 10).end(); ++it) {
      theirs.push_back(it.get_document().get_data());
    }
    double a = relevance::ndcg10(ours, grades), b = relevance::ndcg10(theirs, grades);
    sum_fouille += a;
    sum_plain += b;
    std::printf("  %-40s fouille %.3f  plain BM25 %.3f\n", query.c_str(), a, b);
  }
  double n = static_cast<double>(judgments.size());
  std::printf("mean nDCG@10 over %zu queries: fouille %.3f, plain BM25 %.3f\n", judgments.size(), sum_fouille / n,
              sum_plain / n);
  RecordProperty("ndcg10_fouille", std::to_string(sum_fouille / n));
  RecordProperty("ndcg10_plain_bm25", std::to_string(sum_plain / n));
  EXPECT_GT(sum_fouille / n, sum_plain / n);
  EXPECT_GE(sum_fouille / n, 0.8);
}

}  // namespace
}  // namespace fouille
