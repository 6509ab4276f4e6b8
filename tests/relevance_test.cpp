// nDCG@10 on the judged set of tests/relevance/: fouille must stay at or above
// the score recorded in tests/relevance_score.txt (less a small tolerance for
// ties broken differently) and ahead of a plain Xapian BM25 engine.
#include <cstdio>
#include <set>

#include <gtest/gtest.h>

#include "relevance_eval.h"
#include "test_support.h"

namespace fouille {
namespace {

// Ties between equal scores may fall another way after an unrelated change.
constexpr double kTolerance = 0.005;

double recorded_score() {
  std::ifstream in(FOUILLE_TESTS "/relevance_score.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    return std::stod(line);
  }
  throw std::runtime_error("tests/relevance_score.txt: no score");
}

TEST(Relevance, NdcgAtTenHoldsItsRecordedScoreAndBeatsPlainBm25) {
  test::ScratchDir dir("relevance");
  relevance::JudgedSet set = relevance::load(FOUILLE_TESTS "/relevance");
  ASSERT_GE(set.queries.size(), 40u);
  relevance::Run ours = relevance::run_fouille(set, dir.path());
  relevance::Run plain = relevance::run_plain_xapian(set, dir.path());
  for (const auto& q : set.queries) {
    std::printf("  %-4s %-12s %-50s fouille %.3f  plain %.3f\n", q.id.c_str(), q.kind.c_str(), q.text.c_str(),
                relevance::query_ndcg(set, ours, q), relevance::query_ndcg(set, plain, q));
  }
  std::set<std::string> kinds;
  for (const auto& q : set.queries) kinds.insert(q.kind);
  for (const auto& k : kinds) {
    std::printf("  kind %-12s fouille %.3f  plain %.3f\n", k.c_str(), relevance::mean_ndcg(set, ours, k),
                relevance::mean_ndcg(set, plain, k));
  }
  // A page is listed once: the documents holding every word and the partial
  // matches after them never overlap.
  for (const auto& [qid, files] : ours) {
    const std::set<std::string> distinct(files.begin(), files.end());
    EXPECT_EQ(distinct.size(), files.size()) << qid << " lists a page twice";
  }
  const double a = relevance::mean_ndcg(set, ours), b = relevance::mean_ndcg(set, plain);
  std::printf("mean nDCG@10 over %zu queries: fouille %.4f, plain Xapian BM25 %.4f\n", set.queries.size(), a, b);
  EXPECT_GE(a, recorded_score() - kTolerance);
  EXPECT_GT(a, b);
}

}  // namespace
}  // namespace fouille
